/**
 * Whether the knowledge base covers a question: honest abstention. Retrieval always returns the
 * nearest documents; when even the best of them holds little of what was described, an answer
 * built on them would fit the case to the nearest disorder.
 *
 * The score is the best source's term coverage (search.ts: the share of the question's full-text
 * weight, rare words weighing more, that the document holds) less 1.5 × the share of the
 * question's words that no document uses at all (an ankle sprain's "malleolus", a billing
 * question's "invoice"). Both thresholds are calibrated on the evaluation set (data/eval: 295
 * in-scope vignettes against 55 out-of-scope ones, `npm run eval`, EVALUATION.md): "low" where
 * about 4% of in-scope vignettes fall (false abstentions) and about half the out-of-scope ones
 * (nearly every non-psychiatric one, fewer of the psychiatric presentations the base lacks).
 */
import type { SearchHit } from "./search";

/** "good": the sources fit; "partial": they fit part of it; "low": nothing fits (the answer abstains). */
export type Coverage = "good" | "partial" | "low";
export const COVERAGE_LEVELS = ["good", "partial", "low"] as const satisfies readonly Coverage[];

/** How much a share of unknown words takes off the term coverage. */
const UNKNOWN_WORD_PENALTY = 1.5;
/** Below this score coverage is "low"; below GOOD_COVERAGE_SCORE, "partial". */
export const MIN_COVERAGE_SCORE = 0.18;
export const GOOD_COVERAGE_SCORE = 0.3;

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
