/**
 * Parses every file of data/knowledge as the indexer does and prints the problems (exit 1 if any):
 * `npx tsx tools/eval/check-docs.ts [path…]`. Authors run it after writing a document.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { chunkMarkdown } from "../../src/knowledge/chunking.ts";
import { documentFromMarkdown, parseFrontMatter } from "../../src/knowledge/document-input.ts";

const root = path.resolve(import.meta.dirname, "../../data/knowledge");
const args = process.argv.slice(2);
const files = args.length
  ? args.map((file) => path.resolve(file))
  : (await readdir(root, { recursive: true })).filter((file) => file.endsWith(".md")).map((file) => path.join(root, file));

let problems = 0;
const disorders = new Map<string, string>();
for (const file of files.sort()) {
  const text = await readFile(file, "utf8");
  const folder = path.basename(path.dirname(file));
  const parsed = documentFromMarkdown(text, {});
  const say = (message: string) => {
    problems++;
    console.log(`${path.relative(process.cwd(), file)}: ${message}`);
  };
  if (!parsed.success) {
    say(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "));
    continue;
  }
  const doc = parsed.data;
  if (doc.type !== folder) say(`type ${doc.type} differs from its folder ${folder}`);
  if (parseFrontMatter(text).fields.synonyms === undefined) say("no synonyms line in the front matter");
  if (!/^## References/m.test(doc.content)) say("no '## References' section");
  if (doc.type === "dsm5_criteria") {
    if (!doc.disorder || !doc.dsm5_code || !doc.icd11_code) say("criteria documents need disorder, dsm5_code and icd11_code");
    const other = doc.disorder && disorders.get(doc.disorder);
    if (other) say(`disorder "${doc.disorder}" also in ${other}`);
    if (doc.disorder) disorders.set(doc.disorder, file);
  }
  if (chunkMarkdown(doc.content).length === 0) say("no chunks");
}
console.log(`${files.length} files, ${problems} problems`);
process.exit(problems ? 1 : 0);
