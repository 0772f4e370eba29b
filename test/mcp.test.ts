/**
 * The MCP server (POST /mcp) driven by the official SDK's own Client and
 * StreamableHTTPClientTransport, whose fetch goes to the Worker inside the test runtime: the
 * handshake, the lists, a resource, every tool (the real knowledge base in Postgres, the stub
 * model for the differential), refusals, protocol errors over raw HTTP, and the audit trail.
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { type CallToolResult, LATEST_PROTOCOL_VERSION } from "@modelcontextprotocol/sdk/types.js";
import { CfWorkerJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/cfworker";
import { afterAll, describe, expect, it } from "vitest";
import { INSTRUMENT_IDS } from "../src/assessments/instrument-registry";
import { readableDetail } from "../src/audit/audit-detail";
import { authHeader, createAdmin, createVerifiedTherapist, type LoggedIn, registerAndLogin, runSql } from "./support/accounts";
import { createTestApi, type TestApi } from "./support/api";
import { loadCorpus } from "./support/corpus";
import { stubStats } from "./support/openai-stub";

const api = await createTestApi();
await loadCorpus(api);
const admin = await createAdmin(api);
const therapist = await createVerifiedTherapist(api, admin.tokens.access_token);
const student = await registerAndLogin(api);

const MCP_URL = "http://api.test/mcp";
const clients: Client[] = [];

/**
 * A connected SDK client: the handshake (initialize, then the initialized notification) done over HTTP.
 * `account` signs in with its login's access token; a string is sent as the bearer as it is (a personal token).
 */
async function connect(account: LoggedIn | string | null, through: TestApi = api): Promise<Client> {
  // The client checks structured content against each tool's output schema; ajv (its default)
  // compiles with `new Function`, which workerd refuses, so it gets the SDK's Worker validator.
  const client = new Client({ name: "mcp-test", version: "1.0.0" }, { jsonSchemaValidator: new CfWorkerJsonSchemaValidator() });
  const transport = new StreamableHTTPClientTransport(new URL(MCP_URL), {
    fetch: (url, init) => through.fetch(String(url), init),
    requestInit: { headers: account ? authHeader(typeof account === "string" ? account : account.tokens.access_token) : {} },
  });
  await client.connect(transport);
  clients.push(client);
  return client;
}

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
});

const asTherapist = await connect(therapist);

/** A tool's successful result: no error, JSON text equal to the structured content. */
function structured<T>(result: CallToolResult): T {
  expect(result.isError ?? false, JSON.stringify(result.content)).toBe(false);
  const [text] = result.content;
  expect(text.type).toBe("text");
  expect(JSON.parse((text as { text: string }).text)).toEqual(result.structuredContent);
  return result.structuredContent as T;
}

/** A tool error's message. */
function toolErrorText(result: CallToolResult): string {
  expect(result.isError).toBe(true);
  expect(result.structuredContent).toBeUndefined();
  return (result.content[0] as { text: string }).text;
}

async function call<T>(name: string, args: Record<string, unknown>, client: Client = asTherapist): Promise<T> {
  return structured<T>((await client.callTool({ name, arguments: args })) as CallToolResult);
}

interface Document {
  id: string;
  uri: string;
  type: string;
  title: string;
  disorder: string | null;
  dsm5_code: string | null;
  icd11_code: string | null;
  content: string;
}

/** Raw JSON-RPC over HTTP, for what the SDK client would never send. */
function rawPost(body: string, headers: Record<string, string> = authHeader(therapist.tokens.access_token)) {
  return api.fetch("/mcp", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json, text/event-stream", ...headers },
    body,
  });
}

const INITIALIZE = JSON.stringify({
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: LATEST_PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: "raw", version: "1" } },
});

describe("handshake and lists", () => {
  it("initializes with the server's name and the latest protocol version, and lists the eleven tools with JSON-schema inputs", async () => {
    expect(asTherapist.getServerVersion()).toMatchObject({ name: "therapy-assistant" });
    expect(asTherapist.getServerCapabilities()).toMatchObject({ tools: {}, resources: {}, prompts: {} });
    const { tools } = await asTherapist.listTools();
    // A login's access token also sees the workspace tools (test/workspace/mcp-workspace.test.ts).
    expect(tools.map((tool) => tool.name).sort()).toEqual([
      "add_measure",
      "check_drug_interactions",
      "differential_diagnosis",
      "export_fhir",
      "find_treatment_protocols",
      "get_client_summary",
      "get_crisis_resources",
      "get_diagnostic_criteria",
      "list_clients",
      "score_assessment",
      "search_clinical_guidelines",
    ]);
    const byName = Object.fromEntries(tools.map((tool) => [tool.name, tool]));
    expect(byName.check_drug_interactions.inputSchema).toMatchObject({
      type: "object",
      properties: { medications: { type: "array", minItems: 2, maxItems: 20, items: { type: "string" } } },
      required: ["medications"],
    });
    expect(byName.score_assessment.inputSchema.properties).toMatchObject({ instrument: { enum: [...INSTRUMENT_IDS] } });
    expect(byName.differential_diagnosis.inputSchema.required).toEqual(["symptoms"]);
    for (const tool of tools) {
      expect(tool.description?.length, tool.name).toBeGreaterThan(40);
      expect(tool.inputSchema, tool.name).toMatchObject({ type: "object", additionalProperties: false });
      expect(tool.outputSchema, tool.name).toMatchObject({ type: "object" });
    }
  });

  it("negotiates down to an older protocol version the client asks for, and answers a version it does not know with its own", async () => {
    for (const [asked, expected] of [
      ["2025-03-26", "2025-03-26"],
      ["1999-01-01", LATEST_PROTOCOL_VERSION],
    ]) {
      const res = await rawPost(INITIALIZE.replace(LATEST_PROTOCOL_VERSION, asked));
      expect(res.status).toBe(200);
      expect(((await res.json()) as { result: { protocolVersion: string } }).result.protocolVersion).toBe(expected);
    }
  });

  it("lists every knowledge document as a resource and reads one as markdown", async () => {
    const { resources } = await asTherapist.listResources();
    expect(resources.length).toBeGreaterThanOrEqual(54);
    const gad = resources.find((resource) => resource.name.startsWith("Generalized Anxiety Disorder: DSM-5-TR"));
    expect(gad, resources.map((r) => r.name).join(", ")).toBeDefined();
    expect(gad!.uri).toMatch(/^knowledge:\/\/documents\/[0-9a-f-]{36}$/);
    const { resourceTemplates } = await asTherapist.listResourceTemplates();
    expect(resourceTemplates).toEqual([expect.objectContaining({ uriTemplate: "knowledge://documents/{id}", mimeType: "text/markdown" })]);

    const { contents } = await asTherapist.readResource({ uri: gad!.uri });
    expect(contents).toHaveLength(1);
    expect(contents[0]).toMatchObject({ uri: gad!.uri, mimeType: "text/markdown" });
    const text = (contents[0] as { text: string }).text;
    expect(text).toMatch(/^# Generalized Anxiety Disorder/);
    expect(text).toContain("DSM-5-TR / ICD-10-CM: F41.1");
    expect(text).toMatch(/Diagnostic criteria/i);
  });

  it("an unknown or malformed document id is a JSON-RPC error saying how to find one", async () => {
    for (const uri of ["knowledge://documents/00000000-0000-4000-8000-000000000000", "knowledge://documents/not-an-id"]) {
      await expect(asTherapist.readResource({ uri })).rejects.toThrow(/No knowledge document has that id/);
    }
  });

  it("lists the two prompts and fills one in with the caller's arguments", async () => {
    const { prompts } = await asTherapist.listPrompts();
    expect(prompts.map((prompt) => prompt.name).sort()).toEqual(["differential_diagnosis", "treatment_plan"]);
    const { messages } = await asTherapist.getPrompt({
      name: "treatment_plan",
      arguments: { diagnosis: "Panic disorder (F41.0)", patient_context: "Takes sertraline 100 mg" },
    });
    const text = (messages[0].content as { text: string }).text;
    expect(text).toContain("Panic disorder (F41.0)");
    expect(text).toContain("Takes sertraline 100 mg");
    expect(text).toContain("find_treatment_protocols");
    expect(text).toContain("check_drug_interactions");
    const diagnosis = await asTherapist.getPrompt({
      name: "differential_diagnosis",
      arguments: { symptoms: "Panic attacks for 3 months" },
    });
    expect((diagnosis.messages[0].content as { text: string }).text).toContain("differential_diagnosis");
  });
});

describe("knowledge tools", () => {
  it("search_clinical_guidelines returns the GAD criteria first for a worry vignette, with ids, titles, snippets and resource uris", async () => {
    const result = await call<{
      mode: string;
      coverage: string;
      results: Array<{ id: string; uri: string; title: string; type: string; snippet: string }>;
    }>("search_clinical_guidelines", {
      query: "excessive worry most days, restlessness, muscle tension, poor sleep",
      type: "dsm5_criteria",
      limit: 3,
    });
    expect(result.results.length).toBeGreaterThan(0);
    expect(result.results.length).toBeLessThanOrEqual(3);
    expect(result.results[0].title).toMatch(/^Generalized Anxiety Disorder/);
    expect(result.coverage).toBe("good");
    for (const hit of result.results) {
      expect(hit.type).toBe("dsm5_criteria");
      expect(hit.uri).toBe(`knowledge://documents/${hit.id}`);
      expect(hit.snippet.length).toBeGreaterThan(20);
    }
  });

  it("search_clinical_guidelines says coverage is low when nothing in the knowledge base fits", async () => {
    const result = await call<{ coverage: string }>("search_clinical_guidelines", {
      query: "Invoice for last month's sessions was charged twice to my card, please refund the duplicate payment",
    });
    expect(result.coverage).toBe("low");
  });

  it("get_diagnostic_criteria finds the same document by name, by DSM-5-TR code and by ICD-11 code", async () => {
    const byName = await call<Document>("get_diagnostic_criteria", { disorder: "generalized anxiety disorder" });
    expect(byName).toMatchObject({
      type: "dsm5_criteria",
      disorder: "Generalized Anxiety Disorder",
      dsm5_code: "F41.1",
      icd11_code: "6B00",
    });
    expect(byName.content).toMatch(/worry/i);
    expect(await call<Document>("get_diagnostic_criteria", { disorder: "F41.1" })).toEqual(byName);
    expect(await call<Document>("get_diagnostic_criteria", { disorder: "6b00" })).toEqual(byName);
    expect((await call<Document>("get_diagnostic_criteria", { disorder: "Panic" })).dsm5_code).toBe("F41.0");
  });

  it("get_diagnostic_criteria: an unknown disorder is a tool error pointing to search; a vague one lists the candidates", async () => {
    const unknown = toolErrorText(
      (await asTherapist.callTool({ name: "get_diagnostic_criteria", arguments: { disorder: "Dragon flu" } })) as CallToolResult,
    );
    expect(unknown).toMatch(/No diagnostic criteria match "Dragon flu"/);
    expect(unknown).toContain("search_clinical_guidelines");
    const vague = toolErrorText(
      (await asTherapist.callTool({ name: "get_diagnostic_criteria", arguments: { disorder: "anxiety" } })) as CallToolResult,
    );
    expect(vague).toContain("Generalized Anxiety Disorder (F41.1)");
    expect(vague).toContain("Social Anxiety Disorder");
  });

  it("a database error inside a tool is the REST problem's message, with no SQL in it", async () => {
    const result = (await asTherapist.callTool({
      name: "get_diagnostic_criteria",
      arguments: { disorder: "panic\u0000" },
    })) as CallToolResult;
    const text = toolErrorText(result);
    expect(text).toMatch(/characters that cannot be stored \(such as NUL/);
    expect(text).not.toMatch(/select|knowledge_documents|params/i);
  });

  it("find_treatment_protocols returns the guideline passages for a diagnosis with evidence levels", async () => {
    const result = await call<{
      protocols: Array<{ title: string; type?: string; dsm5_code: string; evidence_level: string; passage: string }>;
    }>("find_treatment_protocols", { diagnosis: "Generalized anxiety disorder (F41.1)" });
    expect(result.protocols[0]).toMatchObject({ dsm5_code: "F41.1", evidence_level: "A" });
    expect(result.protocols[0].title).toMatch(/Treatment Guideline/);
    expect(result.protocols[0].passage.length).toBeGreaterThan(100);
  });
});

describe("clinical tools", () => {
  it("score_assessment scores a PHQ-9 with its band, and a positive item 9 brings the safety block", async () => {
    const result = await call<{
      instrument: string;
      score: number;
      severity: string;
      flags: Record<string, boolean>;
      safety: { crisis_detected: boolean; resources: unknown[] };
    }>("score_assessment", { instrument: "phq9", responses: [2, 2, 2, 1, 1, 1, 1, 1, 1] });
    expect(result).toMatchObject({ instrument: "phq9", score: 12, severity: "moderate", flags: { item9_positive: true } });
    expect(result.safety.crisis_detected).toBe(true);
    expect(result.safety.resources.length).toBeGreaterThan(0);
  });

  it("score_assessment scores an AUDIT (items 9 and 10 at 0, 2 or 4) with its WHO zone, and an EPDS item 10 brings the safety block", async () => {
    const audit = await call<{ instrument: string; score: number; max_score: number; severity: string; flags: Record<string, boolean> }>(
      "score_assessment",
      { instrument: "audit", responses: [3, 2, 2, 2, 1, 1, 1, 1, 2, 2] },
    );
    expect(audit).toMatchObject({
      instrument: "audit",
      score: 17,
      max_score: 40,
      severity: "harmful (zone III)",
      flags: { screen_positive: true },
    });
    const epds = await call<{ score: number; flags: Record<string, boolean>; safety: { crisis_detected: boolean; indicators: unknown[] } }>(
      "score_assessment",
      { instrument: "epds", responses: [0, 0, 0, 0, 0, 0, 0, 0, 0, 2] },
    );
    expect(epds).toMatchObject({ score: 2, flags: { item10_positive: true }, safety: { crisis_detected: true } });
    expect(epds.safety.indicators).toEqual([expect.objectContaining({ category: "self_harm", field: "responses.9" })]);
    const cssrs = await call<{ severity: string; item_scores: Array<number | null> }>("score_assessment", {
      instrument: "cssrs",
      responses: [1, 1, 0, 0, 0, 0, null],
    });
    expect(cssrs).toMatchObject({ severity: "low risk", item_scores: [1, 1, 0, 0, 0, 0, null] });
    const wrong = await asTherapist.callTool({
      name: "score_assessment",
      arguments: { instrument: "audit", responses: [0, 0, 0, 0, 0, 0, 0, 0, 3, 0] },
    });
    expect(toolErrorText(wrong as CallToolResult)).toContain("item 9 must be one of 0 (No), 2 (Yes, but not in the last year), 4");
  });

  it("score_assessment: a wrong count or an out-of-range item is a tool error naming it", async () => {
    const short = await asTherapist.callTool({ name: "score_assessment", arguments: { instrument: "gad7", responses: [1, 1, 1] } });
    expect(toolErrorText(short as CallToolResult)).toContain("GAD-7 needs exactly 7 item responses; got 3");
    const outOfRange = await asTherapist.callTool({
      name: "score_assessment",
      arguments: { instrument: "phq9", responses: [0, 0, 0, 0, 9, 0, 0, 0, 0] },
    });
    expect(toolErrorText(outOfRange as CallToolResult)).toMatch(/responses/);
  });

  it("check_drug_interactions: sertraline with Nardil is contraindicated; lithium with ibuprofen is major", async () => {
    const maoi = await call<{ medications: unknown[]; interactions: Array<{ drugs: string[]; severity: string }> }>(
      "check_drug_interactions",
      {
        medications: ["sertraline", "Nardil"],
      },
    );
    expect(maoi.medications).toEqual([
      { input: "sertraline", generic: "sertraline", recognised: true },
      { input: "Nardil", generic: "phenelzine", recognised: true },
    ]);
    expect(maoi.interactions).toEqual([expect.objectContaining({ drugs: ["phenelzine", "sertraline"], severity: "contraindicated" })]);
    const lithium = await call<{ interactions: Array<{ drugs: string[]; severity: string; management: string }> }>(
      "check_drug_interactions",
      {
        medications: ["lithium", "ibuprofen"],
      },
    );
    expect(lithium.interactions).toEqual([expect.objectContaining({ drugs: ["ibuprofen", "lithium"], severity: "major" })]);
    const one = await asTherapist.callTool({ name: "check_drug_interactions", arguments: { medications: ["lithium"] } });
    expect(toolErrorText(one as CallToolResult)).toMatch(/at least 2 medications/);
  });

  it("get_crisis_resources gives a clinician of no known country the international directories and the local emergency number", async () => {
    const { resources, guidance } = await call<{ resources: Array<{ name: string; contact: string }>; guidance: string }>(
      "get_crisis_resources",
      {},
    );
    expect(resources.map((resource) => resource.name)).toEqual([
      "Find A Helpline",
      "IASP crisis centre directory",
      "Befrienders Worldwide",
      "Local emergency services",
    ]);
    expect(guidance).toMatch(/local emergency number/);
    expect(JSON.stringify(resources)).not.toMatch(/988|911|741741/);
  });

  it("differential_diagnosis gives a verified therapist the diagnose answer from the model, grounded in retrieved sources", async () => {
    const own = await createTestApi({}, { database: api.database });
    const client = await connect(therapist, own);
    const answer = await call<{
      status: string;
      differential: Array<{ supporting_sources: string[] }>;
      retrieved_sources: Array<{ id: string }>;
      ai_response: { mode: string; model_used: string };
      safety: { crisis_detected: boolean };
      disclaimer: string;
    }>(
      "differential_diagnosis",
      { symptoms: "Excessive worry for 8 months, restlessness, poor sleep", patient_context: "34-year-old accountant" },
      client,
    );
    expect(answer).toMatchObject({ status: "success", ai_response: { mode: "llm", model_used: api.env.OPENAI_CHAT_MODEL } });
    expect(answer.retrieved_sources.length).toBeGreaterThan(0);
    const retrieved = new Set(answer.retrieved_sources.map((source) => source.id));
    for (const item of answer.differential) for (const id of item.supporting_sources) expect(retrieved.has(id)).toBe(true);
    expect(answer.disclaimer).toMatch(/licensed/i);
    expect(await stubStats(own.openaiKey)).toMatchObject({ chat: 1, embeddings: 1 });
  });

  it("differential_diagnosis answers offline (retrieval only) when no model is configured", async () => {
    const offline = await createTestApi({ OPENAI_API_KEY: "" }, { database: api.database });
    const answer = await call<{ ai_response: { mode: string }; differential: unknown[] }>(
      "differential_diagnosis",
      { symptoms: "Excessive worry for 8 months, restlessness, poor sleep" },
      await connect(therapist, offline),
    );
    expect(answer.ai_response.mode).toBe("offline");
    expect(answer.differential.length).toBeGreaterThan(0);
  });

  it("differential_diagnosis counts against the AI rate limit like the REST route: the 11th call in a minute is a tool error", async () => {
    const offline = await createTestApi({ OPENAI_API_KEY: "" }, { database: api.database });
    const client = await connect(await createVerifiedTherapist(api, admin.tokens.access_token), offline);
    const ask = () => client.callTool({ name: "differential_diagnosis", arguments: { symptoms: "Panic attacks for 3 months" } });
    for (let allowed = 0; allowed < 10; allowed++) expect((await ask()).isError ?? false).toBe(false);
    expect(toolErrorText((await ask()) as CallToolResult)).toMatch(/Too many AI attempts; try again in a minute/);
  });

  it("differential_diagnosis is refused to a student with a tool error that says why, before any AI call", async () => {
    const own = await createTestApi({}, { database: api.database });
    const result = await (await connect(student, own)).callTool({
      name: "differential_diagnosis",
      arguments: { symptoms: "Low mood for a month" },
    });
    expect(toolErrorText(result as CallToolResult)).toMatch(/licensed professionals.*student accounts cannot use it/);
    expect(await stubStats(own.openaiKey)).toEqual({});
  });
});

/** A personal access token of `owner` with `scopes`, made through the REST route: its id and secret. */
async function personalToken(owner: LoggedIn, scopes: ("mcp" | "read")[]): Promise<{ id: string; token: string }> {
  const res = await api.post(
    "/api/auth/tokens",
    { name: "mcp client", scopes, password: owner.password },
    { headers: authHeader(owner.tokens.access_token) },
  );
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; token: string };
}

describe("personal access tokens", () => {
  it("a token with scope mcp connects, lists the tools and calls one", async () => {
    const { token } = await personalToken(therapist, ["mcp"]);
    const client = await connect(token);
    const { tools } = await client.listTools();
    expect(tools).toHaveLength(7);
    const { results } = await call<{ results: Array<{ title: string }> }>(
      "search_clinical_guidelines",
      { query: "excessive worry restlessness poor sleep", limit: 3 },
      client,
    );
    expect(results[0]?.title).toMatch(/Generalized Anxiety Disorder/);
  });

  it("a token with only scope read is refused with HTTP 403 insufficient_scope, and the SDK client cannot connect", async () => {
    const { token } = await personalToken(therapist, ["read"]);
    const res = await rawPost(INITIALIZE, authHeader(token));
    expect(res.status).toBe(403);
    expect(res.headers.get("WWW-Authenticate")).toMatch(/error="insufficient_scope", scope="mcp"/);
    expect(((await res.json()) as { code: string }).code).toBe("insufficient_scope");
    await expect(connect(token)).rejects.toThrow();
  });

  it("an expired and a revoked token with scope mcp are refused with HTTP 401, and the SDK client cannot connect", async () => {
    const expired = await personalToken(therapist, ["mcp"]);
    await runSql(api, "update personal_access_tokens set expires_at = now() - interval '1 second' where id = $1", [expired.id]);
    const revoked = await personalToken(therapist, ["mcp"]);
    const deleted = await api.fetch(`/api/auth/tokens/${revoked.id}`, {
      method: "DELETE",
      headers: authHeader(therapist.tokens.access_token),
    });
    expect(deleted.status).toBe(204);
    for (const [token, reason] of [
      [expired.token, /expired/],
      [revoked.token, /revoked/],
    ] as const) {
      const res = await rawPost(INITIALIZE, authHeader(token));
      expect(res.status).toBe(401);
      expect(res.headers.get("WWW-Authenticate")).toMatch(/^Bearer /);
      expect(((await res.json()) as { detail: string }).detail).toMatch(reason);
      await expect(connect(token)).rejects.toThrow();
    }
  });

  it("a student's token with scope mcp connects, but differential_diagnosis is a tool error, before any AI call", async () => {
    const own = await createTestApi({}, { database: api.database });
    const { token } = await personalToken(student, ["mcp"]);
    const result = await (await connect(token, own)).callTool({
      name: "differential_diagnosis",
      arguments: { symptoms: "Low mood for a month" },
    });
    expect(toolErrorText(result as CallToolResult)).toMatch(/licensed professionals.*student accounts cannot use it/);
    expect(await stubStats(own.openaiKey)).toEqual({});
  });
});

describe("HTTP and JSON-RPC edges", () => {
  it("without credentials the answer is HTTP 401 with WWW-Authenticate: Bearer, and the SDK client cannot connect", async () => {
    const res = await rawPost(INITIALIZE, {});
    expect(res.status).toBe(401);
    expect(res.headers.get("WWW-Authenticate")).toMatch(/^Bearer /);
    expect(res.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const bad = await rawPost(INITIALIZE, authHeader("not-a-token"));
    expect(bad.status).toBe(401);
    await expect(connect(null)).rejects.toThrow();
  });

  it("malformed JSON and a message that is not JSON-RPC get JSON-RPC errors, never a 5xx", async () => {
    for (const body of ["{not json", JSON.stringify({ hello: "world" }), JSON.stringify([1, 2])]) {
      const res = await rawPost(body);
      expect(res.status, body).toBe(400);
      const answer = (await res.json()) as { jsonrpc: string; error: { code: number; message: string } };
      expect(answer.jsonrpc).toBe("2.0");
      expect([-32700, -32600]).toContain(answer.error.code);
    }
    const unknownMethod = await rawPost(JSON.stringify({ jsonrpc: "2.0", id: 7, method: "tools/explode", params: {} }));
    expect(unknownMethod.status).toBe(200);
    expect(await unknownMethod.json()).toMatchObject({ jsonrpc: "2.0", id: 7, error: { code: -32601 } });
  });

  it("GET and DELETE without a session are 405, and answers are never cached", async () => {
    for (const method of ["GET", "DELETE"]) {
      const res = await api.fetch("/mcp", {
        method,
        headers: { ...authHeader(therapist.tokens.access_token), Accept: "text/event-stream" },
      });
      expect(res.status, method).toBe(405);
      expect(res.headers.get("Allow")).toBe("POST");
    }
    const ok = await rawPost(INITIALIZE);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("Cache-Control")).toBe("no-store");
  });
});

describe("audit", () => {
  it("records one event per tool call, as mcp.<tool>, with allow-listed facts and none of the clinical text", async () => {
    const own = await createTestApi({}, { database: api.database });
    const clinician = await createVerifiedTherapist(api, admin.tokens.access_token);
    const client = await connect(clinician, own);
    const secretSymptoms = "Hears whispering from the radiator zebra-violet since March";
    await call("search_clinical_guidelines", { query: "zebra-violet insomnia" }, client);
    await call("check_drug_interactions", { medications: ["sertraline", "Nardil"] }, client);
    await call("score_assessment", { instrument: "gad7", responses: [1, 1, 1, 1, 1, 1, 1] }, client);
    await call("differential_diagnosis", { symptoms: secretSymptoms }, client);
    await client.callTool({ name: "get_diagnostic_criteria", arguments: { disorder: "zebra-violet" } });

    const rows = await runSql(
      api,
      "select action, outcome, detail, request_id from audit_events where user_id = $1 order by created_at, action",
      [clinician.user.id],
    );
    const events = rows
      .filter(([action]) => String(action).startsWith("mcp."))
      .map(([action, outcome, detail, requestId]) => ({
        action,
        outcome,
        detail: typeof detail === "string" ? JSON.parse(detail) : detail,
        requestId,
      }));
    expect(events.map((event) => `${event.action}:${event.outcome}`).sort()).toEqual([
      "mcp.check_drug_interactions:success",
      "mcp.differential_diagnosis:success",
      "mcp.get_diagnostic_criteria:failure",
      "mcp.score_assessment:success",
      "mcp.search_clinical_guidelines:success",
    ]);
    const byAction = Object.fromEntries(events.map((event) => [event.action, event]));
    expect(byAction["mcp.check_drug_interactions"].detail).toEqual({ medications: 2, unrecognised: 0, interactions: 1 });
    expect(byAction["mcp.differential_diagnosis"].detail).toMatchObject({ symptoms_chars: secretSymptoms.length, mode: "llm" });
    expect(byAction["mcp.get_diagnostic_criteria"].detail).toEqual({ error: "not_found" });
    for (const event of events) {
      expect(event.requestId).toEqual(expect.any(String));
      if (event.detail !== null) expect(readableDetail(event.detail)).toEqual(event.detail);
      expect(JSON.stringify(event.detail ?? {})).not.toMatch(/zebra|radiator|sertraline|nardil/i);
    }
  });

  it("a refused differential_diagnosis is recorded as a failure", async () => {
    const own = await createTestApi({}, { database: api.database });
    const pupil = await registerAndLogin(api);
    await (await connect(pupil, own)).callTool({ name: "differential_diagnosis", arguments: { symptoms: "Low mood" } });
    const rows = await runSql(
      api,
      "select outcome, detail from audit_events where user_id = $1 and action = 'mcp.differential_diagnosis'",
      [pupil.user.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0][0]).toBe("failure");
    expect(typeof rows[0][1] === "string" ? JSON.parse(rows[0][1]) : rows[0][1]).toEqual({
      error: "forbidden",
      symptoms_chars: "Low mood".length,
      context_chars: 0,
    });
  });
});
