/**
 * The quality floors of the crisis detector in Spanish, French, German and Portuguese, and on
 * mixed-language text (data/eval/crisis-multilingual/), so that quality cannot silently drop. The
 * rules were tuned on each set's "tune" 70%; the "holdout" 30% was never looked at while tuning,
 * so its floors are the honest ones. Floors sit a little under what
 * `npx tsx tools/eval/crisis-multilingual-score.ts` measures; raise them when the figures rise.
 */
import { describe, expect, it } from "vitest";
import { readMultilingualSet, scoreMultilingual } from "./crisis-multilingual-eval.ts";

const FLOORS = {
  all: { precision: 0.9, recall: 0.85 },
  holdout: { precision: 0.85, recall: 0.8 },
};

describe.each(["es", "fr", "de", "pt"])("the crisis detector in %s", (language) => {
  it("has at least 100 labelled phrases, a held-out 30% among them", async () => {
    const phrases = await readMultilingualSet(language);
    expect(phrases.length).toBeGreaterThanOrEqual(100);
    expect(phrases.filter((p) => p.split === "holdout").length).toBeGreaterThanOrEqual(30);
  });

  it.each(["all", "holdout"] as const)("keeps its precision and recall on %s, names the categories and the language", async (split) => {
    const score = scoreMultilingual(language, split, await readMultilingualSet(language));
    const summary = JSON.stringify({ ...score, errors: score.errors.length });
    expect(score.precision, summary).toBeGreaterThanOrEqual(FLOORS[split].precision);
    expect(score.recall, summary).toBeGreaterThanOrEqual(FLOORS[split].recall);
    expect(score.categoryAgreement, summary).toBeGreaterThanOrEqual(0.9);
    expect(score.languageAgreement, summary).toBeGreaterThanOrEqual(0.85);
  });
});

describe("the crisis detector on mixed-language text", () => {
  it("reads each sentence in its language and reports the languages of what it found", async () => {
    const phrases = await readMultilingualSet("mixed");
    expect(phrases.length).toBeGreaterThanOrEqual(20);
    const score = scoreMultilingual("mixed", "all", phrases);
    const summary = JSON.stringify(score);
    expect(score.precision, summary).toBeGreaterThanOrEqual(0.9);
    expect(score.recall, summary).toBeGreaterThanOrEqual(0.85);
    expect(score.languageAgreement, summary).toBeGreaterThanOrEqual(0.9);
  });
});
