/**
 * Knowledge search, as every door runs it (the REST route, the console's search page, the MCP
 * search and protocol tools): the query read as retrieval reads it (denied findings out), its
 * embedding while the account is within its search allowance (past it, or offline, full text
 * alone: `mode: "lexical"`), one search statement, and how well the results fit.
 */
import type { Database } from "../lib/db";
import type { UseCaseDeps } from "../use-case/deps";
import { assessCoverage } from "./coverage";
import type { KnowledgeType } from "./knowledge.table";
import { queryEmbedding } from "./query-embedding";
import { searchStatement, toSearchHits } from "./search";
import { searchText } from "./search-text";

export type SearchDeps = Pick<UseCaseDeps, "ai" | "settings" | "requestId" | "mayEmbedSearch"> & { db: Database; accountId: string };

export interface KnowledgeQuery {
  query: string;
  type?: KnowledgeType;
  limit: number;
  /** Highlighted snippets (the default); the protocol tool quotes passages instead. */
  snippets?: boolean;
}

type SearchStatement = ReturnType<typeof searchStatement>;
/** How the statement travels: alone, or (the REST route) in one batch with the caller's account check. */
export type SendSearch = (statement: SearchStatement) => Promise<Awaited<SearchStatement>>;

export async function searchKnowledge(deps: SearchDeps, { query, type, limit, snippets }: KnowledgeQuery, send: SendSearch = (s) => s) {
  const affirmed = searchText(query);
  const embedding = deps.ai && (await deps.mayEmbedSearch()) ? await queryEmbedding(deps, deps.accountId, affirmed || query) : null;
  const hits = toSearchHits(await send(searchStatement(deps.db, { query, affirmed, embedding, type, limit, snippets })));
  return { mode: embedding ? ("hybrid" as const) : ("lexical" as const), coverage: assessCoverage(hits), hits };
}

/** The search dependencies of a door that has loaded the account. */
export const searchDepsOf = (deps: UseCaseDeps): SearchDeps => ({ ...deps, accountId: deps.account.id });
