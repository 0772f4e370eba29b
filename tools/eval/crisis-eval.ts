/**
 * The crisis detector against the labelled phrase set (data/eval/crisis-phrases.json): does it
 * raise `crisis_detected` where a careful clinician would, and name the right categories?
 */
import { assessCrisis } from "../../src/safety/crisis.ts";

export interface CrisisPhrase {
  id: string;
  text: string;
  kind: string;
  expect_crisis: boolean;
  categories: string[];
}

export interface CrisisScore {
  total: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
  precision: number;
  recall: number;
  /** Positives whose detected categories include every expected one. */
  categoryAgreement: number;
  byKind: Array<{ kind: string; total: number; correct: number }>;
  errors: Array<{ id: string; kind: string; expected: boolean; detected: boolean; categories: string[] }>;
}

const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);

export function scoreCrisis(phrases: CrisisPhrase[]): CrisisScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  let categoriesRight = 0;
  const kinds = new Map<string, { total: number; correct: number }>();
  const errors: CrisisScore["errors"] = [];
  for (const phrase of phrases) {
    const block = assessCrisis({ text: phrase.text });
    const detected = block.crisis_detected;
    const categories = [...new Set(block.indicators.filter((i) => i.temporal !== "historical").map((i) => i.category))];
    const correct = detected === phrase.expect_crisis;
    if (detected && phrase.expect_crisis) {
      tp++;
      if (phrase.categories.every((category) => categories.includes(category as never))) categoriesRight++;
    } else if (detected) fp++;
    else if (phrase.expect_crisis) fn++;
    else tn++;
    const kind = kinds.get(phrase.kind) ?? { total: 0, correct: 0 };
    kind.total++;
    if (correct) kind.correct++;
    kinds.set(phrase.kind, kind);
    if (!correct) errors.push({ id: phrase.id, kind: phrase.kind, expected: phrase.expect_crisis, detected, categories });
  }
  return {
    total: phrases.length,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    trueNegatives: tn,
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    categoryAgreement: ratio(categoriesRight, tp),
    byKind: [...kinds].map(([kind, counts]) => ({ kind, ...counts })).sort((a, b) => a.kind.localeCompare(b.kind)),
    errors,
  };
}
