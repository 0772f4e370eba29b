/** The retrieval step of every grounded answer: embed the question (one AI call) and search (see retrieveSources). */
import { assessCoverage, type Coverage } from "../knowledge/coverage";
import type { KnowledgeType } from "../knowledge/knowledge.table";
import { hasRecentQueryEmbedding, queryEmbedding } from "../knowledge/query-embedding";
import { lexicalSearch, rankedSearchStatement, type SearchHit, searchStatement, toSearchHits } from "../knowledge/search";
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
 *
 * When the query has to be embedded (an AI call of ~100 ms or more), the full-text half of the
 * search runs on the database meanwhile, and only the vector half and the fusion wait for the
 * embedding: the database work no longer adds to the embeddings call on the answer's path (issue
 * 26). Offline, or with the embedding at hand, it is one statement as before.
 */
export async function retrieveSources(deps: UseCaseDeps, question: string, type?: KnowledgeType): Promise<Retrieval> {
  const offline = !deps.ai;
  const affirmed = searchText(question);
  const embeddingText = affirmed || question;
  const options = {
    query: question,
    affirmed,
    type,
    limit: SOURCES_PER_ANSWER,
    snippets: offline,
    documentText: offline && type === "treatment_guideline",
  };
  let result: Awaited<ReturnType<typeof searchStatement>>;
  let embedding: number[] | null;
  if (offline || hasRecentQueryEmbedding(deps, deps.account.id, embeddingText)) {
    embedding = await queryEmbedding(deps, deps.account.id, embeddingText);
    result = await searchStatement(deps.db, { ...options, embedding });
  } else {
    const [vector, lexical] = await Promise.all([queryEmbedding(deps, deps.account.id, embeddingText), lexicalSearch(deps.db, options)]);
    embedding = vector;
    result = await rankedSearchStatement(deps.db, lexical, { ...options, embedding });
  }
  const hits = toSearchHits(result);
  return { hits, ids: new Set(hits.map((hit) => hit.id)), mode: embedding ? "hybrid" : "lexical", coverage: assessCoverage(hits) };
}
