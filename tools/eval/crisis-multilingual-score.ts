/**
 * The crisis detector's figures per language on the multilingual phrase sets, tuning and held-out
 * splits apart: `npx tsx tools/eval/crisis-multilingual-score.ts`. Totals only; with `--errors`, the
 * ids of the tuning split's misses (never the held-out ones: that split stays held out).
 */
import { MULTILINGUAL_SETS, readMultilingualSet, scoreMultilingual } from "./crisis-multilingual-eval.ts";

const showErrors = process.argv.includes("--errors");
const rows = [];
for (const set of MULTILINGUAL_SETS) {
  const phrases = await readMultilingualSet(set);
  for (const split of ["tune", "holdout", "all"] as const) {
    const { errors, ...score } = scoreMultilingual(set, split, phrases);
    const f = (x: number) => x.toFixed(2);
    rows.push(
      `${set.padEnd(5)} ${split.padEnd(7)} n=${String(score.total).padStart(3)}  P=${f(score.precision)} R=${f(score.recall)} ` +
        `categories=${f(score.categoryAgreement)} language=${f(score.languageAgreement)}  ${JSON.stringify(score.byKind)}`,
    );
    if (showErrors && split === "tune")
      for (const e of errors) {
        const text = phrases.find((p) => p.id === e.id)?.text;
        rows.push(`    ${e.id} ${e.kind} expected=${e.expected} got=${e.detected} ${e.categories.join(",")} [${e.languages}] ${text}`);
      }
  }
}
console.log(rows.join("\n"));
