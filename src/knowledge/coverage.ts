/**
 * Whether the knowledge base covers a question: honest abstention. Retrieval always returns the
 * nearest documents; when even the best of them holds little of what was described, an answer
 * built on them would fit the case to the nearest disorder.
 *
 * The score is the best source's term coverage (search.ts: the share of the question's full-text
 * weight, rare words weighing more, that the document holds) less 2 × the share of the question's
 * words of five letters or more that no document uses at all (an ankle sprain's "malleolus", a
 * billing question's "invoice"; shorter tokens are mostly abbreviations, units and names, which
 * say nothing about scope). The thresholds are calibrated on the calibration sets (data/eval:
 * 295 in-scope vignettes against 55 out-of-scope ones): "low" where under 3% of in-scope
 * vignettes fall, "partial" up to about 10%. The held-out set (holdout.json) measures them out of
 * sample; `npm run eval` writes both to EVALUATION.md.
 */
import type { SearchHit } from "./search";

/** "good": the sources fit; "partial": they fit part of it; "low": nothing fits (the answer abstains). */
export type Coverage = "good" | "partial" | "low";
export const COVERAGE_LEVELS = ["good", "partial", "low"] as const satisfies readonly Coverage[];

/** How much a share of unknown words takes off the term coverage. */
export const UNKNOWN_WORD_PENALTY = 2;
/** Below this score coverage is "low"; below GOOD_COVERAGE_SCORE, "partial". */
export const MIN_COVERAGE_SCORE = 0.16;
export const GOOD_COVERAGE_SCORE = 0.28;

export function coverageScore(hits: readonly Pick<SearchHit, "term_coverage" | "unknown_share">[]): number {
  if (hits.length === 0) return 0;
  // The unknown share is the query's, the same on every hit.
  return Math.max(...hits.map((hit) => hit.term_coverage)) - UNKNOWN_WORD_PENALTY * hits[0].unknown_share;
}

export function assessCoverage(hits: readonly Pick<SearchHit, "term_coverage" | "unknown_share" | "code_match">[]): Coverage {
  if (hits.length === 0) return "low";
  // A diagnostic code the clinician typed names the document exactly.
  if (hits.some((hit) => hit.code_match)) return "good";
  const score = coverageScore(hits);
  return score >= GOOD_COVERAGE_SCORE ? "good" : score >= MIN_COVERAGE_SCORE ? "partial" : "low";
}
