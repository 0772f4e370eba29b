/**
 * The embedding of a search query, or null: offline mode, or the embeddings call failed. Callers
 * embed the query as retrieval reads it (searchText, also given to searchStatement as `affirmed`):
 * "denies alcohol use" must not pull the vector towards alcohol use disorder either.
 */
import type OpenAI from "openai";
import { log } from "../lib/log";
import { RecentValues } from "../lib/recent-values";
import type { Settings } from "../lib/settings";
import { embedTexts } from "./embeddings";

/**
 * Query embeddings of the last few minutes, per isolate: a clinician who asks again (the same
 * symptoms for a diagnose and then a search, a retry, a reload) is not embedded twice. Keyed by
 * user as well as model and text, so whether another user asked the same thing recently cannot be
 * read from the answer's timing; the text lives only in this isolate's memory, never in a log.
 */
const recentEmbeddings = new RecentValues<number[]>({ maxEntries: 500, ttlMs: 5 * 60_000 });

/** What embedding a query needs; a use case's dependencies carry it. */
export interface EmbeddingDeps {
  ai: OpenAI | null;
  settings: Settings;
  requestId: string;
}

const embeddingKey = (settings: Settings, accountId: string, text: string) => `${accountId}\n${settings.ai.embeddingModel}\n${text}`;

/** Whether this query's embedding is at hand (reused from the last minutes), so no embeddings call will be made for it. */
export function hasRecentQueryEmbedding({ settings }: Pick<EmbeddingDeps, "settings">, accountId: string, text: string): boolean {
  return recentEmbeddings.get(embeddingKey(settings, accountId, text)) !== undefined;
}

export async function queryEmbedding(
  { ai, settings, requestId }: EmbeddingDeps,
  accountId: string,
  text: string,
): Promise<number[] | null> {
  if (!ai) return null;
  const key = embeddingKey(settings, accountId, text);
  const recent = recentEmbeddings.get(key);
  if (recent) return recent;
  try {
    const [vector] = await embedTexts(ai, settings.ai, [text]);
    recentEmbeddings.set(key, vector);
    return vector;
  } catch (error) {
    // Retrieval still works lexically; the response's `mode` says which was used.
    log("warn", "query embedding failed; lexical retrieval only", { request_id: requestId, error: (error as Error)?.name });
    return null;
  }
}
