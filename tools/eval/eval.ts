/**
 * `npm run eval`: measures the product's clinical quality on the evaluation sets of data/eval,
 * which were written apart from the knowledge documents, and writes EVALUATION.md.
 *
 * - Retrieval: each vignette's expected disorder in the top 1 and top 3 criteria, per disorder
 *   family, offline (full text only) and with the OpenAI stub's embeddings (hybrid).
 * - Abstention: out-of-scope vignettes should get coverage "low"; in-scope ones should not.
 * - The crisis detector on the labelled phrase set; the interaction checker on the labelled pairs.
 * - Demographic swap: the same vignettes with sex and gender, race and ethnicity, or adult age
 *   changed; any whose top 3 changes is listed.
 *
 * Runs in this process against the embedded local Neon and the stub, through the app's own
 * ingestion and search code (tools/eval/stack.ts). Options: `--out FILE` (default EVALUATION.md).
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { type CrisisPhrase, scoreCrisis } from "./crisis-eval.ts";
import { type LabelledPair, scoreInteractions } from "./interaction-eval.ts";
import { renderReport } from "./report.ts";
import { evaluateRetrieval } from "./retrieval-eval.ts";
import { loadSets } from "./sets.ts";
import { root, startEvalStack } from "./stack.ts";
import type { SwapList } from "./swap.ts";

const outIndex = process.argv.indexOf("--out");
const out = path.resolve(outIndex > 0 ? process.argv[outIndex + 1] : path.join(root, "EVALUATION.md"));

const started = performance.now();
const sets = await loadSets();
const readEval = async <T>(file: string) => JSON.parse(await readFile(path.join(root, "data/eval", file), "utf8")) as T;
const crisis = scoreCrisis(await readEval<CrisisPhrase[]>("crisis-phrases.json"));
const interactions = scoreInteractions(await readEval<LabelledPair[]>("interaction-pairs.json"));
const swaps = await readEval<SwapList>("demographic-swaps.json");

const stack = await startEvalStack();
try {
  const retrieval = [];
  for (const mode of ["lexical", "hybrid"] as const) {
    console.error(`eval: indexing the corpus (${mode})`);
    const target = await stack.database(mode);
    console.error(`eval: searching (${mode})`);
    retrieval.push(await evaluateRetrieval(target, sets, swaps.swaps));
  }
  const report = renderReport({
    corpus: stack.files,
    sets,
    retrieval,
    crisis,
    interactions,
    seconds: (performance.now() - started) / 1000,
  });
  await writeFile(out, report);
  console.error(`eval: wrote ${path.relative(process.cwd(), out)} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
} finally {
  await stack.close();
}
