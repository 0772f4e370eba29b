/**
 * The quality floors of the crisis detector and the interaction checker on their held-out
 * labelled sets (data/eval), so that quality cannot silently drop. The floors sit a little under
 * what `npm run eval` measures (EVALUATION.md); raise them when the figures rise.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type CrisisPhrase, scoreCrisis } from "./crisis-eval.ts";
import { type LabelledPair, scoreInteractions } from "./interaction-eval.ts";

const readSet = async <T>(file: string) =>
  JSON.parse(await readFile(path.resolve(import.meta.dirname, "../../data/eval", file), "utf8")) as T;

describe("the crisis detector on the labelled phrase set", () => {
  it("keeps its precision and recall, and names the expected categories", async () => {
    const phrases = await readSet<CrisisPhrase[]>("crisis-phrases.json");
    expect(phrases.length).toBeGreaterThanOrEqual(300);
    const score = scoreCrisis(phrases);
    const summary = JSON.stringify({ ...score, errors: score.errors.length });
    expect(score.precision, summary).toBeGreaterThanOrEqual(CRISIS_FLOORS.precision);
    expect(score.recall, summary).toBeGreaterThanOrEqual(CRISIS_FLOORS.recall);
    expect(score.categoryAgreement, summary).toBeGreaterThanOrEqual(0.95);
  });

  it("takes back negated mentions and raises nothing on benign look-alikes", async () => {
    const score = scoreCrisis(await readSet<CrisisPhrase[]>("crisis-phrases.json"));
    const kind = (name: string) => score.byKind.find((k) => k.kind === name)!;
    expect(kind("negated").correct / kind("negated").total).toBeGreaterThanOrEqual(0.9);
    expect(kind("benign").correct / kind("benign").total).toBeGreaterThanOrEqual(0.95);
  });
});

describe("the interaction checker on the labelled pair set", () => {
  it("finds the known interactions, mostly at their severity, and flags no pair labelled safe", async () => {
    const pairs = await readSet<LabelledPair[]>("interaction-pairs.json");
    expect(pairs.length).toBeGreaterThanOrEqual(150);
    const score = scoreInteractions(pairs);
    const summary = JSON.stringify({ ...score, misses: score.misses.length });
    expect(score.found / score.interacting, summary).toBeGreaterThanOrEqual(0.88);
    expect(score.withinOneStep / score.interacting, summary).toBeGreaterThanOrEqual(0.88);
    expect(score.flaggedNone, summary).toBe(0);
  });
});

/** Set from the figures of EVALUATION.md. */
const CRISIS_FLOORS = { precision: 0.88, recall: 0.72 };
