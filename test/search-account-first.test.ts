/**
 * Knowledge search checks the caller's account before the query reaches the model provider: a
 * token whose login has ended, or whose account was deactivated, is refused with 401 and the
 * OpenAI stub never sees an embeddings request for it. What that costs in database round trips.
 */
import { describe, expect, it } from "vitest";
import { adminUpdateUser, authHeader, createAdmin, readProblem, registerAndLogin } from "./support/accounts";
import { createTestApi, databaseRequests, type TestApi } from "./support/api";
import { loadCorpus } from "./support/corpus";
import { stubStats } from "./support/openai-stub";

const api = await createTestApi();
const offline = await createTestApi({ OPENAI_API_KEY: "" }, { database: api.database });
await loadCorpus(api);
const admin = await createAdmin(api);

function search(client: TestApi, token: string, q: string) {
  return client.fetch(`/api/v1/search/knowledge?${new URLSearchParams({ q })}`, { headers: authHeader(token) });
}

async function embeddingCalls(): Promise<number> {
  return (await stubStats(api.openaiKey)).embeddings ?? 0;
}

describe("knowledge search checks the account before embedding the query", () => {
  it("a logged-out access token is refused with 401 and its query never reaches the embeddings API", async () => {
    const { tokens } = await registerAndLogin(api);
    expect((await api.fetch("/api/auth/logout", { method: "POST", headers: authHeader(tokens.access_token) })).status).toBe(204);
    const before = await embeddingCalls();
    await readProblem(await search(api, tokens.access_token, "worry and restlessness after logout"), 401, "unauthorized");
    expect((await embeddingCalls()) - before).toBe(0);
  });

  it("a deactivated account's access token is refused with 401 and its query never reaches the embeddings API", async () => {
    const account = await registerAndLogin(api);
    expect((await adminUpdateUser(api, admin.tokens.access_token, account.user.id, { is_active: false })).res.status).toBe(200);
    const before = await embeddingCalls();
    await readProblem(await search(api, account.tokens.access_token, "low mood after deactivation"), 401, "unauthorized");
    expect((await embeddingCalls()) - before).toBe(0);
  });

  it("a current account's search is embedded once and costs 2 round trips: the account check, then the search", async () => {
    const { tokens } = await registerAndLogin(api);
    const embeddingsBefore = await embeddingCalls();
    const roundTripsBefore = await databaseRequests(api.database);
    const res = await search(api, tokens.access_token, "F41.1 worry insomnia");
    expect(res.status).toBe(200);
    expect(((await res.json()) as { mode: string }).mode).toBe("hybrid");
    expect((await databaseRequests(api.database)) - roundTripsBefore).toBe(2);
    expect((await embeddingCalls()) - embeddingsBefore).toBe(1);
  });

  it("without a model the account check still travels with the search: 1 round trip", async () => {
    const { tokens } = await registerAndLogin(api);
    const before = await databaseRequests(api.database);
    const res = await search(offline, tokens.access_token, "F41.1 worry insomnia");
    expect(res.status).toBe(200);
    expect(((await res.json()) as { mode: string }).mode).toBe("lexical");
    expect((await databaseRequests(api.database)) - before).toBe(1);
  });
});
