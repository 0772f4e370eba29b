/**
 * The crisis detector on the phrase sets in Spanish, French, German and Portuguese, and on the
 * mixed-language set (data/eval/crisis-multilingual/): per language, precision and recall of
 * `crisis_detected`, the expected categories named (whatever their temporal), the language each
 * indicator reports, on the tuning 70% and the held-out 30% separately.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { assessCrisis } from "../../src/safety/crisis.ts";

export interface MultilingualPhrase {
  id: string;
  text: string;
  kind: string;
  expect_crisis: boolean;
  categories: string[];
  temporal: "current" | "recent" | "historical" | null;
  /** The phrase's language (one-language sets). */
  language?: string;
  /** The languages its indicators must report (mixed set). */
  languages?: string[];
  split: "tune" | "holdout";
}

export interface LanguageScore {
  set: string;
  split: "tune" | "holdout" | "all";
  total: number;
  precision: number;
  recall: number;
  /** Positives whose indicators include every expected category. */
  categoryAgreement: number;
  /** Phrases with indicators whose reported languages are the expected ones. */
  languageAgreement: number;
  byKind: Record<string, string>;
  errors: Array<{ id: string; kind: string; expected: boolean; detected: boolean; categories: string[]; languages: string[] }>;
}

export const MULTILINGUAL_SETS = ["es", "fr", "de", "pt", "mixed"] as const;

export async function readMultilingualSet(set: string): Promise<MultilingualPhrase[]> {
  const file = path.resolve(import.meta.dirname, "../../data/eval/crisis-multilingual", `${set}.json`);
  return JSON.parse(await readFile(file, "utf8")) as MultilingualPhrase[];
}

const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);

export function scoreMultilingual(set: string, split: LanguageScore["split"], phrases: MultilingualPhrase[]): LanguageScore {
  const chosen = split === "all" ? phrases : phrases.filter((p) => p.split === split);
  let [tp, fp, fn, categoriesRight, withIndicators, languagesRight] = [0, 0, 0, 0, 0, 0];
  const kinds: Record<string, [number, number]> = {};
  const errors: LanguageScore["errors"] = [];
  for (const phrase of chosen) {
    const block = assessCrisis({ text: phrase.text });
    const detected = block.crisis_detected;
    const categories = [...new Set(block.indicators.map((i) => i.category as string))];
    const languages = [...new Set(block.indicators.map((i) => i.language ?? "none"))].sort();
    if (detected && phrase.expect_crisis) {
      tp++;
      if (phrase.categories.every((c) => categories.includes(c))) categoriesRight++;
    } else if (detected) fp++;
    else if (phrase.expect_crisis) fn++;
    if (block.indicators.length > 0 && phrase.categories.length > 0) {
      withIndicators++;
      const expected = phrase.languages ?? [phrase.language ?? "en"];
      if (expected.slice().sort().join() === languages.join()) languagesRight++;
    }
    const correct = detected === phrase.expect_crisis;
    const [total, right] = kinds[phrase.kind] ?? [0, 0];
    kinds[phrase.kind] = [total + 1, right + (correct ? 1 : 0)];
    if (!correct) errors.push({ id: phrase.id, kind: phrase.kind, expected: phrase.expect_crisis, detected, categories, languages });
  }
  return {
    set,
    split,
    total: chosen.length,
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    categoryAgreement: ratio(categoriesRight, tp),
    languageAgreement: ratio(languagesRight, withIndicators),
    byKind: Object.fromEntries(Object.entries(kinds).map(([kind, [total, right]]) => [kind, `${right}/${total}`])),
    errors,
  };
}
