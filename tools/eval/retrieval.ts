/**
 * Retrieval as a clinician's description reaches it: each text through the app's own search
 * statement, with the stub's embedding of what the text affirms in hybrid mode, as the app embeds
 * a query (src/knowledge/query-embedding.ts). Two shapes of search are measured:
 * - `criteria`: restricted to diagnostic criteria, top 3, as GET /api/v1/search/knowledge?type=dsm5_criteria
 *   sends it: which disorder does a vignette find?
 * - `answer`: every document type, 8 sources, as diagnose retrieves them (src/rag/retrieval.ts):
 *   would the answer say that the knowledge base covers the description (coverage.ts)?
 */
import { assessCoverage, type Coverage, coverageScore } from "../../src/knowledge/coverage.ts";
import { embedTexts } from "../../src/knowledge/embeddings.ts";
import { searchStatement, toSearchHits } from "../../src/knowledge/search.ts";
import { searchText } from "../../src/knowledge/search-text.ts";
import type { EvalDatabase } from "./stack.ts";

const TOP_K = 3;
/** As diagnose asks (src/rag/retrieval.ts). */
const ANSWER_SOURCES = 8;

export interface Found {
  /** The disorders of the top results, best first. */
  top: string[];
  coverage: Coverage;
  /** The coverage score the thresholds are set on (coverage.ts). */
  score: number;
}

export async function search(target: EvalDatabase, text: string, shape: "criteria" | "answer"): Promise<Found> {
  const embedding = target.ai ? (await embedTexts(target.ai, target.settings.ai, [searchText(text) || text]))[0] : null;
  const hits = toSearchHits(
    await searchStatement(target.db, {
      query: text,
      embedding,
      ...(shape === "criteria" ? { type: "dsm5_criteria" as const, limit: TOP_K } : { limit: ANSWER_SOURCES }),
      snippets: false,
    }),
  );
  return {
    top: hits.map((hit) => hit.disorder ?? hit.title),
    coverage: assessCoverage(hits),
    score: coverageScore(hits),
  };
}
