/** The retrieval step of every grounded answer: embed the question (one AI call), then one search statement. */
import { assessCoverage, type Coverage } from "../knowledge/coverage";
import type { KnowledgeType } from "../knowledge/knowledge.table";
import { queryEmbedding } from "../knowledge/query-embedding";
import { type SearchHit, searchStatement, toSearchHits } from "../knowledge/search";
import { searchText } from "../knowledge/search-text";
import type { UseCaseDeps } from "../use-case/deps";

const SOURCES_PER_ANSWER = 8;

export interface Retrieval {
  hits: SearchHit[];
  ids: Set<string>;
  mode: "hybrid" | "lexical";
  /** Whether the best sources fit the question (coverage.ts); "low" makes answers say so instead of forcing a match. */
  coverage: Coverage;
}

/**
 * Sources for an answer. Offline answers quote snippets (and, for treatment, whole guidelines);
 * model-backed answers quote each source's best passage, so those skip the snippet work.
 */
export async function retrieveSources(deps: UseCaseDeps, question: string, type?: KnowledgeType): Promise<Retrieval> {
  const offline = !deps.ai;
  const affirmed = searchText(question);
  const embedding = await queryEmbedding(deps, deps.account.id, affirmed || question);
  const result = await searchStatement(deps.db, {
    query: question,
    affirmed,
    embedding,
    type,
    limit: SOURCES_PER_ANSWER,
    snippets: offline,
    documentText: offline && type === "treatment_guideline",
  });
  const hits = toSearchHits(result);
  return { hits, ids: new Set(hits.map((hit) => hit.id)), mode: embedding ? "hybrid" : "lexical", coverage: assessCoverage(hits) };
}
