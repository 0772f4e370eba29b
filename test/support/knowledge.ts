/** Knowledge documents written through the app, as several test files set them up. */
import { authHeader } from "./accounts";
import type { TestApi } from "./api";
import { type ApiClient, answerOf } from "./client";

/** POST /api/v1/knowledge/documents with a JSON body (valid or not) as `token`; the typed answer. */
export async function postDocument(api: TestApi, token: string, body: unknown, init: RequestInit = {}) {
  const res = await api.post("/api/v1/knowledge/documents", body, {
    ...init,
    headers: { ...(init.headers as Record<string, string>), ...authHeader(token) },
  });
  return answerOf<ApiClient["api"]["v1"]["knowledge"]["documents"]["$post"]>(res);
}
