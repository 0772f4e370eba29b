/**
 * The crisis detector's figures on the labelled phrase set, totals only (no phrase is printed), for
 * whoever changes the detector: `npx tsx tools/eval/crisis-score.ts`. The set stays held out.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { type CrisisPhrase, scoreCrisis } from "./crisis-eval.ts";

const phrases = JSON.parse(
  await readFile(path.resolve(import.meta.dirname, "../../data/eval/crisis-phrases.json"), "utf8"),
) as CrisisPhrase[];
const { errors: _hidden, ...score } = scoreCrisis(phrases);
console.log(JSON.stringify(score, null, 2));
