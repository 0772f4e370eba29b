/** The embedding of a search query, or null: offline mode, or the embeddings call failed. */
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { log } from "../lib/log";
import { mayEmbedSearchQuery } from "../lib/rate-limits";
import { embedTexts } from "./embeddings";

export async function queryEmbedding<E extends AppEnv>(c: Context<E>, text: string): Promise<number[] | null> {
  const { ai, settings } = c.var;
  if (!ai) return null;
  try {
    const [vector] = await embedTexts(ai, settings.ai, [text]);
    return vector;
  } catch (error) {
    // Retrieval still works lexically; the response's `mode` says which was used.
    log("warn", "query embedding failed; lexical retrieval only", { request_id: c.get("requestId"), error: (error as Error)?.name });
    return null;
  }
}

/**
 * A knowledge search's query embedding: an AI call, limited per account like the AI routes; past
 * the limit (or offline) null, and the search answers from full text alone.
 */
export async function searchQueryEmbedding<E extends AppEnv>(c: Context<E>, accountId: string, query: string): Promise<number[] | null> {
  return c.var.ai && (await mayEmbedSearchQuery(c, accountId)) ? queryEmbedding(c, query) : null;
}
