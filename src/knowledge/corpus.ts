/**
 * Indexing the repository's knowledge corpus (data/knowledge/<type>/<slug>.md): used by the seed
 * step of `npm run dev` and by tests. Each file keeps its data-folder path as its R2 key, so
 * seeding twice indexes nothing twice.
 */
import { documentFromMarkdown, parseFrontMatter } from "./document-input";
import { type IngestDeps, ingestDocument } from "./ingest";
import { documentByObjectKey } from "./knowledge.data";
import { KNOWLEDGE_TYPES, type KnowledgeType } from "./knowledge.table";

export interface CorpusFile {
  /** e.g. `knowledge/dsm5_criteria/panic-disorder.md` */
  key: string;
  text: string;
}

async function indexCorpusFile(deps: IngestDeps, file: CorpusFile): Promise<"indexed" | "present"> {
  const folder = file.key.split("/")[1] as KnowledgeType;
  if (!KNOWLEDGE_TYPES.includes(folder)) throw new Error(`${file.key}: the folder must be a knowledge type`);
  const [existing] = await documentByObjectKey(deps.db, file.key);
  if (existing) return "present";
  const declared = parseFrontMatter(file.text).fields.type;
  if (declared && declared !== folder) throw new Error(`${file.key}: front matter type ${declared} differs from its folder`);
  const parsed = documentFromMarkdown(file.text, { type: folder });
  if (!parsed.success) throw new Error(`${file.key}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  await ingestDocument(deps, parsed.data, { body: file.text, contentType: "text/markdown; charset=utf-8", objectKey: file.key });
  return "indexed";
}

/** Indexes files a few at a time (each is one R2 put and one database batch). */
export async function indexCorpus(deps: IngestDeps, files: CorpusFile[], concurrency = 4): Promise<{ indexed: number; present: number }> {
  const counts = { indexed: 0, present: 0 };
  const queue = [...files];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let file = queue.shift(); file; file = queue.shift()) counts[await indexCorpusFile(deps, file)]++;
    }),
  );
  return counts;
}
