/**
 * The audit boundary of the clinical use cases: one event per call whatever the door, including
 * calls that fail before any model call. A call refused by the AI rate limit used to leave no
 * event at all (REST or MCP), although docs/api.md §9 says every call is audited.
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { CfWorkerJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/cfworker";
import { afterAll, describe, expect, it } from "vitest";
import { authHeader, createAdmin, createVerifiedTherapist } from "./support/accounts";
import { createTestApi } from "./support/api";
import { auditEvents } from "./support/audit";

// Offline (no model): each allowed call still counts against the AI limit, and answers fast.
const api = await createTestApi({ OPENAI_API_KEY: "" });
const admin = await createAdmin(api);
const clinician = await createVerifiedTherapist(api, admin.tokens.access_token);
const AI_LIMIT = 10;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const mcp = new Client({ name: "audit-test", version: "1.0.0" }, { jsonSchemaValidator: new CfWorkerJsonSchemaValidator() });
await mcp.connect(
  new StreamableHTTPClientTransport(new URL("http://api.test/mcp"), {
    fetch: (url, init) => api.fetch(String(url), init),
    requestInit: { headers: authHeader(clinician.tokens.access_token) },
  }),
);
afterAll(() => mcp.close());

const diagnose = () =>
  api.get(`/api/v1/rag/diagnose?symptoms=${encodeURIComponent("worry most days, restlessness, poor sleep")}`, {
    headers: authHeader(clinician.tokens.access_token),
  });

describe("a clinical call refused before any model call", () => {
  it("by the AI rate limit is audited as a failure, through REST and through MCP", async () => {
    // The limiter's window is the wall-clock minute: start the burst early in one.
    const intoWindow = Date.now() % 60_000;
    if (intoWindow > 45_000) await sleep(60_000 - intoWindow + 100);
    for (let i = 0; i < AI_LIMIT; i++) expect((await diagnose()).res.status).toBe(200);

    const refused = await diagnose();
    expect(refused.res.status).toBe(429);
    const tool = (await mcp.callTool({ name: "differential_diagnosis", arguments: { symptoms: "Low mood" } })) as CallToolResult;
    expect(tool.isError).toBe(true);
    expect((tool.content[0] as { text: string }).text).toMatch(/Too many AI attempts/);

    const token = admin.tokens.access_token;
    const rest = await auditEvents(api, token, { user_id: clinician.user.id, action: "rag.diagnose" });
    expect(rest).toHaveLength(AI_LIMIT + 1);
    expect(rest.filter((event) => event.outcome === "success")).toHaveLength(AI_LIMIT);
    expect(rest[0]).toMatchObject({ outcome: "failure", detail: { error: "rate_limited", symptoms_chars: 41, context_chars: 0 } });

    const viaMcp = await auditEvents(api, token, { user_id: clinician.user.id, action: "mcp.differential_diagnosis" });
    expect(viaMcp).toHaveLength(1);
    expect(viaMcp[0]).toMatchObject({ outcome: "failure", detail: { error: "rate_limited", symptoms_chars: 8 } });
  }, 80_000);
});

describe("the actions without a model call", () => {
  it("a scored questionnaire and an interaction check are audited with ids and counts only, never the answers or the names", async () => {
    const headers = authHeader(clinician.tokens.access_token);
    const scored = await api.json("/api/v1/assessments/phq9", { responses: [3, 3, 3, 3, 3, 3, 3, 3, 1] }, { headers });
    expect(scored.res.status).toBe(200);
    const checked = await api.json("/api/v1/interactions/check", { medications: ["sertraline", "tramadol"] }, { headers });
    expect(checked.res.status).toBe(200);

    const token = admin.tokens.access_token;
    const [score] = await auditEvents(api, token, { user_id: clinician.user.id, action: "assessment.score" });
    expect(score).toMatchObject({ outcome: "success", detail: { instrument: "phq9" } });
    const [check] = await auditEvents(api, token, { user_id: clinician.user.id, action: "interactions.check" });
    expect(check).toMatchObject({ outcome: "success", detail: { medications: 2, unrecognised: 0, interactions: 1 } });
    expect(JSON.stringify([score.detail, check.detail])).not.toMatch(/sertraline|tramadol|severe|"score"/i);
  });
});
