/**
 * The interaction checker against the labelled pair set (data/eval/interaction-pairs.json), which
 * was written without reading the table: is each known interaction found, at what severity, and
 * is a pair with no known interaction left alone?
 */
import { checkInteractions } from "../../src/interactions/check.ts";
import { SEVERITIES } from "../../src/interactions/interaction-table.ts";

export interface LabelledPair {
  a: string;
  b: string;
  expected: (typeof SEVERITIES)[number] | "none";
  note?: string;
}

export interface InteractionScore {
  pairs: number;
  /** Pairs with a labelled interaction, and how many the checker found at all. */
  interacting: number;
  found: number;
  /** Found at the labelled severity, and within one step of it. */
  sameSeverity: number;
  withinOneStep: number;
  /** Pairs labelled "none", and how many the checker flagged anyway. */
  none: number;
  flaggedNone: number;
  /** Pairs where a name was not recognised (reported as "not checked", never as safe). */
  notChecked: number;
  misses: Array<{ a: string; b: string; expected: string; got: string }>;
}

export function scoreInteractions(pairs: LabelledPair[]): InteractionScore {
  const score: InteractionScore = {
    pairs: pairs.length,
    interacting: 0,
    found: 0,
    sameSeverity: 0,
    withinOneStep: 0,
    none: 0,
    flaggedNone: 0,
    notChecked: 0,
    misses: [],
  };
  for (const pair of pairs) {
    const result = checkInteractions([pair.a, pair.b]);
    const unrecognised = result.medications.filter((m) => !m.recognised).map((m) => m.input);
    if (unrecognised.length) score.notChecked++;
    const got = result.interactions[0]?.severity ?? (unrecognised.length ? `not checked (${unrecognised.join(", ")})` : "none");
    if (pair.expected === "none") {
      score.none++;
      if (result.interactions.length) {
        score.flaggedNone++;
        score.misses.push({ a: pair.a, b: pair.b, expected: pair.expected, got });
      }
      continue;
    }
    score.interacting++;
    // One drug under two names is a duplicated dose, shown first as "Same drug twice": counted as major.
    const severity = result.interactions[0]?.severity ?? (result.same_drug.length ? "major" : undefined);
    if (!severity) {
      score.misses.push({ a: pair.a, b: pair.b, expected: pair.expected, got });
      continue;
    }
    score.found++;
    const distance = Math.abs(SEVERITIES.indexOf(severity) - SEVERITIES.indexOf(pair.expected));
    if (distance === 0) score.sameSeverity++;
    else score.misses.push({ a: pair.a, b: pair.b, expected: pair.expected, got });
    if (distance <= 1) score.withinOneStep++;
  }
  return score;
}
