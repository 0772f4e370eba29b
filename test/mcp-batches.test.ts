/**
 * `POST /mcp` takes one JSON-RPC message per request, as the MCP Streamable HTTP transport has
 * required since protocol version 2025-06-18 (which removed JSON-RPC batching). A batch (a JSON
 * array) is refused with HTTP 400 and a JSON-RPC "Invalid Request" error before any message in
 * it runs: no tool, no model call, no audit event.
 */
import { LATEST_PROTOCOL_VERSION } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { authHeader, createAdmin, createVerifiedTherapist, type LoggedIn, runSql } from "./support/accounts";
import { createTestApi, databaseRequests } from "./support/api";
import { stubStats } from "./support/openai-stub";

const api = await createTestApi();
const admin = await createAdmin(api);

function post(body: string, account: LoggedIn) {
  return api.fetch("/mcp", {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Accept: "application/json, text/event-stream",
      ...authHeader(account.tokens.access_token),
    },
    body,
  });
}

const toolCall = (id: number) => ({
  jsonrpc: "2.0",
  id,
  method: "tools/call",
  params:
    id % 2
      ? { name: "score_assessment", arguments: { instrument: "gad7", responses: [1, 1, 1, 1, 1, 1, 1] } }
      : { name: "search_clinical_guidelines", arguments: { query: `worry ${id}` } },
});

async function mcpEvents(account: LoggedIn): Promise<number> {
  const rows = await runSql(api, "select count(*)::int from audit_events where user_id = $1 and action like 'mcp.%'", [account.user.id]);
  return Number(rows[0][0]);
}

async function expectBatchRefused(res: Response) {
  expect(res.status).toBe(400);
  expect(res.headers.get("Content-Type")).toMatch(/^application\/json/);
  expect(res.headers.get("Cache-Control")).toBe("no-store");
  const answer = (await res.json()) as { jsonrpc: string; id: unknown; error: { code: number; message: string } };
  expect(answer).toMatchObject({ jsonrpc: "2.0", id: null, error: { code: -32600 } });
  expect(answer.error.message).toMatch(/batch/i);
  expect(answer.error.message).toMatch(/one .*message/i);
}

describe("JSON-RPC batches on /mcp", () => {
  it("a batch of tool calls is refused with 400 Invalid Request: no tool runs, no model call, no audit event, one round trip (the account check)", async () => {
    const therapist = await createVerifiedTherapist(api, admin.tokens.access_token);
    const embeddingsBefore = (await stubStats(api.openaiKey)).embeddings ?? 0;
    const roundTripsBefore = await databaseRequests(api.database);
    await expectBatchRefused(await post(JSON.stringify(Array.from({ length: 20 }, (_, index) => toolCall(index + 1))), therapist));
    expect((await databaseRequests(api.database)) - roundTripsBefore).toBe(1);
    expect((await stubStats(api.openaiKey)).embeddings ?? 0).toBe(embeddingsBefore);
    expect(await mcpEvents(therapist)).toBe(0);
  });

  it.each([
    ["a batch of one tool call", JSON.stringify([toolCall(1)])],
    [
      "a batch of one initialize",
      JSON.stringify([
        {
          jsonrpc: "2.0",
          id: 1,
          method: "initialize",
          params: { protocolVersion: LATEST_PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: "raw", version: "1" } },
        },
      ]),
    ],
    ["a batch of notifications", JSON.stringify([{ jsonrpc: "2.0", method: "notifications/initialized" }])],
    ["an empty batch", "[]"],
    ["a batch after whitespace", `\n  ${JSON.stringify([toolCall(3), toolCall(5)])}`],
  ])("%s is refused the same way", async (_name, body) => {
    const therapist = await createVerifiedTherapist(api, admin.tokens.access_token);
    await expectBatchRefused(await post(body, therapist));
    expect(await mcpEvents(therapist)).toBe(0);
  });

  it("the same tool call sent alone runs and is audited once", async () => {
    const therapist = await createVerifiedTherapist(api, admin.tokens.access_token);
    const res = await post(JSON.stringify(toolCall(1)), therapist);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ jsonrpc: "2.0", id: 1, result: { structuredContent: { instrument: "gad7" } } });
    expect(await mcpEvents(therapist)).toBe(1);
  });
});
