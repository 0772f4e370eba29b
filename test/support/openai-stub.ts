/**
 * The OpenAI-compatible stub test/global-setup.ts starts (tools/openai-stub/server.ts): its
 * control routes, keyed by the API key each test client sends, and its document fixture.
 */
import { inject } from "vitest";

/** The stub's origin (the app's `OPENAI_BASE_URL` without `/v1`). */
const STUB_URL = inject("openaiUrl").replace(/\/v1$/, "");

/** A document the stub serves for import tests; its query sets type, size, status, delays. */
export const FIXTURE_DOCUMENT_URL = `${STUB_URL}/_fixtures/doc`;

/** Queues replies on the OpenAI stub for one API key. */
export async function scriptOpenAi(apiKey: string, script: Record<string, unknown>) {
  const res = await fetch(`${STUB_URL}/_control/script`, {
    method: "POST",
    body: JSON.stringify({ api_key: apiKey, ...script }),
  });
  if (!res.ok) throw new Error(`openai script failed: ${res.status}`);
}

/** Requests the stub has answered for one API key, per endpoint (absent: none yet). */
export async function stubStats(apiKey: string): Promise<Partial<Record<"chat" | "embeddings" | "transcription", number>>> {
  const res = await fetch(`${STUB_URL}/_stats?api_key=${encodeURIComponent(apiKey)}`);
  if (!res.ok) throw new Error(`openai stats failed: ${res.status}`);
  return (await res.json()) as Partial<Record<"chat" | "embeddings" | "transcription", number>>;
}

export interface RecordedChat {
  messages: Array<{ role: string; content: string }>;
  /** The structured-output format asked for, with its JSON schema. */
  response_format?: { type: string; json_schema?: { name?: string; schema?: unknown } };
}

/** The chat requests the stub has recorded for one API key, oldest first. */
export async function stubChatRequests(apiKey: string): Promise<RecordedChat[]> {
  const res = await fetch(`${STUB_URL}/_requests?api_key=${encodeURIComponent(apiKey)}`);
  if (!res.ok) throw new Error(`openai requests failed: ${res.status}`);
  return ((await res.json()) as { chat: RecordedChat[] }).chat;
}
