/**
 * The MCP workspace tools (docs/api.md §9 and §12): list_clients, add_measure and
 * get_client_summary, through the official SDK client. A personal token needs the scope
 * `workspace` besides `mcp` to see or call them; the summary gives scores, trends and goal
 * statuses but no goal text unless asked; another clinician's client is not found; students and
 * administrators are refused with the policy's words; every call is audited as mcp.<tool>.
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { CfWorkerJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/cfworker";
import { afterAll, describe, expect, it } from "vitest";
import { authHeader, createAdmin, createVerifiedTherapist, type LoggedIn, registerAndLogin, runSql } from "../support/accounts";
import { createTestApi } from "../support/api";
import { consoleVisitor, visibleText } from "../support/console";

const api = await createTestApi();
const admin = await createAdmin(api);

const WORKSPACE_TOOLS = ["add_measure", "get_client_summary", "list_clients"];
const connected: Client[] = [];
afterAll(async () => {
  await Promise.all(connected.map((client) => client.close()));
});

/** An SDK client signed in with `bearer` (an access token or a personal token). */
async function connect(bearer: string): Promise<Client> {
  const client = new Client({ name: "mcp-workspace-test", version: "1.0.0" }, { jsonSchemaValidator: new CfWorkerJsonSchemaValidator() });
  const transport = new StreamableHTTPClientTransport(new URL("http://api.test/mcp"), {
    fetch: (url, init) => api.fetch(String(url), init),
    requestInit: { headers: authHeader(bearer) },
  });
  await client.connect(transport);
  connected.push(client);
  return client;
}

async function personalToken(owner: LoggedIn, scopes: string[]): Promise<string> {
  const res = await api.post(
    "/api/auth/tokens",
    { name: "assistant", scopes, password: owner.password },
    { headers: authHeader(owner.tokens.access_token) },
  );
  expect(res.status).toBe(201);
  return ((await res.json()) as { token: string }).token;
}

async function callTool(client: Client, name: string, args: Record<string, unknown>) {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

async function structured<T>(client: Client, name: string, args: Record<string, unknown>): Promise<T> {
  const result = await callTool(client, name, args);
  expect(result.isError ?? false, JSON.stringify(result.content)).toBe(false);
  return result.structuredContent as T;
}

async function toolError(client: Client, name: string, args: Record<string, unknown>): Promise<string> {
  const result = await callTool(client, name, args);
  expect(result.isError, JSON.stringify(result.structuredContent)).toBe(true);
  return (result.content[0] as { text: string }).text;
}

const toolNames = async (client: Client) => (await client.listTools()).tools.map((tool) => tool.name);

async function addClient(owner: LoggedIn, label: string): Promise<string> {
  const { res, body } = await api.json("/api/v1/clients", { label }, { headers: authHeader(owner.tokens.access_token) });
  expect(res.status).toBe(201);
  return (body as { id: string }).id;
}

const GOAL_TEXT = "Walks the dog at dawn zebra-violet three mornings a week";

interface Summary {
  label: string;
  status: string;
  measures: {
    instrument: string;
    administrations: number;
    baseline: { score: number; band: string };
    latest: { score: number; band: string; change_from_baseline: number; reliable_change: string | null; administered_at: string };
    recent_scores: { score: number }[];
  }[];
  plan: { goals: { id: string; status: string; text?: string }[] } | null;
  notes: { draft: number; signed: number; latest_session_date: string | null };
  risk_flags: { instrument: string; flag: string }[];
  text_included: boolean;
}

describe("the workspace scope", () => {
  it("a token with only mcp neither lists the workspace tools nor calls them: the error names the missing scope, and is audited", async () => {
    const therapist = await createVerifiedTherapist(api, admin.tokens.access_token);
    const clientId = await addClient(therapist, "Client S-1");
    const client = await connect(await personalToken(therapist, ["mcp"]));
    const names = await toolNames(client);
    expect(names).toContain("score_assessment");
    for (const tool of WORKSPACE_TOOLS) expect(names).not.toContain(tool);

    expect(await toolError(client, "list_clients", {})).toMatch(/scope workspace.*this token's scopes are mcp/);
    expect(await toolError(client, "get_client_summary", { client_id: clientId })).toMatch(
      /needs a personal access token with the scope workspace/,
    );
    expect(
      await toolError(client, "add_measure", { client_id: clientId, instrument: "phq9", responses: [1, 1, 1, 1, 1, 1, 1, 1, 0] }),
    ).toMatch(/scope workspace/);
    expect(await runSql(api, "select count(*)::text from client_measures where client_id = $1", [clientId])).toEqual([["0"]]);
    const events = await runSql(
      api,
      "select action, outcome, target, detail from audit_events where user_id = $1 and action like 'mcp.%' order by action",
      [therapist.user.id],
    );
    expect(
      events.map(([action, outcome, target, detail]) => [
        action,
        outcome,
        target,
        typeof detail === "string" ? JSON.parse(detail) : detail,
      ]),
    ).toEqual([
      ["mcp.add_measure", "failure", null, { error: "insufficient_scope" }],
      ["mcp.get_client_summary", "failure", null, { error: "insufficient_scope" }],
      ["mcp.list_clients", "failure", null, { error: "insufficient_scope" }],
    ]);
  });

  it("the console's token form offers the workspace scope with its explanation, and a token made with it reaches the tools", async () => {
    const therapist = await createVerifiedTherapist(api, admin.tokens.access_token);
    const visitor = consoleVisitor(api);
    expect((await visitor.signIn(therapist.user.email, therapist.password)).status).toBe(303);
    const { html } = await visitor.page("/app/settings");
    expect(html).toMatch(/<input type="checkbox" name="scopes" value="workspace" aria-describedby="scope-workspace-hint"\/?>/);
    expect(visibleText(html)).toContain("Client records (workspace)");
    expect(visibleText(html)).toContain("With MCP: lets the assistant list your clients");
    const created = await visitor.post("/app/settings/tokens", [
      ["_csrf", await visitor.csrfToken()],
      ["name", "assistant"],
      ["scopes", "mcp"],
      ["scopes", "workspace"],
      ["expires_in_days", "30"],
      ["password", therapist.password],
    ]);
    expect(created.status).toBe(200);
    const secret = /value="(tap_[A-Za-z0-9_-]{43})"/.exec(await created.text())?.[1];
    expect(secret).toBeDefined();
    expect(await toolNames(await connect(secret as string))).toContain("list_clients");
  });

  it("a login's access token sees the workspace tools", async () => {
    const therapist = await createVerifiedTherapist(api, admin.tokens.access_token);
    const names = await toolNames(await connect(therapist.tokens.access_token));
    for (const tool of WORKSPACE_TOOLS) expect(names).toContain(tool);
  });
});

describe("with mcp and workspace", () => {
  it("lists clients, adds PHQ-9 measures and summarizes the trend and goal statuses, goal text only when asked; audited as mcp.<tool>", async () => {
    const therapist = await createVerifiedTherapist(api, admin.tokens.access_token);
    const clientId = await addClient(therapist, "Client W-7");
    await addClient(therapist, "Client W-8");
    const client = await connect(await personalToken(therapist, ["mcp", "workspace"]));
    for (const tool of WORKSPACE_TOOLS) expect(await toolNames(client)).toContain(tool);

    const listed = await structured<{ clients: { id: string; label: string; status: string }[]; next_cursor: string | null }>(
      client,
      "list_clients",
      {
        q: "w-7",
      },
    );
    expect(listed).toEqual({
      clients: [{ id: clientId, label: "Client W-7", status: "active", created_at: expect.any(String), discharged_at: null }],
      next_cursor: null,
    });
    const paged = await structured<{ clients: unknown[]; next_cursor: string | null }>(client, "list_clients", { limit: 1 });
    expect(paged.clients).toHaveLength(1);
    expect(paged.next_cursor).toEqual(expect.any(String));

    // Baseline 20 (severe, item 9 positive), then 14, then 8: a fall of 12 points, a reliable improvement.
    const first = await structured<{ score: number; band: string; flags: string[]; safety: { crisis_detected: boolean } }>(
      client,
      "add_measure",
      {
        client_id: clientId,
        instrument: "phq9",
        responses: [3, 3, 2, 2, 2, 2, 2, 2, 2],
        administered_at: "2026-10-01T10:00:00Z",
      },
    );
    expect(first).toMatchObject({ score: 20, band: "severe", flags: expect.arrayContaining(["item9_positive"]) });
    await structured(client, "add_measure", {
      client_id: clientId,
      instrument: "phq9",
      responses: [2, 2, 2, 2, 2, 2, 1, 1, 0],
      administered_at: "2026-10-15T10:00:00Z",
    });
    const latest = await structured<{ score: number; administered_at: string }>(client, "add_measure", {
      client_id: clientId,
      instrument: "phq9",
      responses: [1, 1, 1, 1, 1, 1, 1, 1, 0],
    });
    expect(latest.score).toBe(8);

    const { res } = await api.json(
      `/api/v1/clients/${clientId}/plan`,
      { goals: [{ text: GOAL_TEXT }, { text: "Back to work part-time zebra-violet" }] },
      { method: "PUT", headers: authHeader(therapist.tokens.access_token) },
    );
    expect(res.status).toBe(200);
    const [[goalId]] = await runSql(api, "select id from plan_goals where client_id = $1 order by position limit 1", [clientId]);
    const patched = await api.json(
      `/api/v1/clients/${clientId}/plan/goals/${goalId}`,
      { status: "in_progress" },
      { method: "PATCH", headers: authHeader(therapist.tokens.access_token) },
    );
    expect(patched.res.status).toBe(200);
    for (const [status, date] of [
      ["draft", "2026-11-20"],
      ["signed", "2026-11-27"],
    ])
      await runSql(
        api,
        `insert into client_notes (client_id, session_date, format, body_sealed, key_id, created_by, status, signed_at, signed_by)
         values ($1, $2, 'soap', 'v1.x.y.z', 'x', $3, $4, ${status === "signed" ? "now(), $3" : "null, null"})`,
        [clientId, date, therapist.user.id, status],
      );

    const summary = await structured<Summary>(client, "get_client_summary", { client_id: clientId });
    expect(summary).toMatchObject({
      label: "Client W-7",
      status: "active",
      notes: { draft: 1, signed: 1, latest_session_date: "2026-11-27" },
      risk_flags: [{ instrument: "phq9", flag: "item9_positive" }],
      text_included: false,
    });
    expect(summary.measures).toHaveLength(1);
    expect(summary.measures[0]).toMatchObject({
      instrument: "phq9",
      administrations: 3,
      baseline: { score: 20, band: "severe" },
      latest: { score: 8, band: "mild", change_from_baseline: -12, reliable_change: "improved", administered_at: latest.administered_at },
    });
    expect(summary.measures[0].recent_scores.map((point) => point.score)).toEqual([20, 14, 8]);
    expect(summary.plan?.goals.map((goal) => goal.status)).toEqual(["in_progress", "not_started"]);
    expect(JSON.stringify(summary)).not.toMatch(/zebra|dawn/);

    const withText = await structured<Summary>(client, "get_client_summary", { client_id: clientId, include_text: true });
    expect(withText.text_included).toBe(true);
    expect(withText.plan?.goals.map((goal) => goal.text)).toEqual([GOAL_TEXT, "Back to work part-time zebra-violet"]);

    const events = await runSql(
      api,
      "select action, outcome, target, detail from audit_events where user_id = $1 and action like 'mcp.%' order by created_at, action",
      [therapist.user.id],
    );
    const seen = events.map(([action, outcome, target]) => `${action}:${outcome}:${target ?? ""}`);
    expect(seen).toEqual([
      "mcp.list_clients:success:",
      "mcp.list_clients:success:",
      `mcp.add_measure:success:client:${clientId}`,
      `mcp.add_measure:success:client:${clientId}`,
      `mcp.add_measure:success:client:${clientId}`,
      `mcp.get_client_summary:success:client:${clientId}`,
      `mcp.get_client_summary:success:client:${clientId}`,
    ]);
    const details = events.map(([, , , detail]) => (typeof detail === "string" ? JSON.parse(detail) : detail));
    expect(details[2]).toMatchObject({ instrument: "phq9", measure_id: expect.any(String) });
    expect(details[5]).toBeNull();
    expect(details[6]).toEqual({ fields: ["goal_text"] });
    expect(JSON.stringify(details)).not.toMatch(/zebra|dawn/);
  });
});

describe("refusals", () => {
  it("another clinician's client is not found by every tool, and nothing is stored", async () => {
    const owner = await createVerifiedTherapist(api, admin.tokens.access_token);
    const clientId = await addClient(owner, "Client X-1");
    const other = await createVerifiedTherapist(api, admin.tokens.access_token);
    const client = await connect(await personalToken(other, ["mcp", "workspace"]));
    expect(await toolError(client, "get_client_summary", { client_id: clientId })).toMatch(/No client with this id is in your workspace/);
    expect(await toolError(client, "add_measure", { client_id: clientId, instrument: "gad7", responses: [1, 1, 1, 1, 1, 1, 1] })).toMatch(
      /No client with this id/,
    );
    expect(await structured(client, "list_clients", {})).toEqual({ clients: [], next_cursor: null });
    expect(await runSql(api, "select count(*)::text from client_measures where client_id = $1", [clientId])).toEqual([["0"]]);
    const [[outcome, detail]] = await runSql(
      api,
      "select outcome, detail from audit_events where user_id = $1 and action = 'mcp.get_client_summary'",
      [other.user.id],
    );
    expect([outcome, typeof detail === "string" ? JSON.parse(detail) : detail]).toEqual(["failure", { error: "client_not_found" }]);
  });

  it("a bad measure is the REST route's 400 as a tool error, and is not stored", async () => {
    const therapist = await createVerifiedTherapist(api, admin.tokens.access_token);
    const clientId = await addClient(therapist, "Client B-1");
    const client = await connect(therapist.tokens.access_token);
    expect(await toolError(client, "add_measure", { client_id: clientId, instrument: "phq9", responses: [1, 1, 1] })).toMatch(
      /exactly 9 item responses; got 3/,
    );
    expect(
      await toolError(client, "add_measure", {
        client_id: clientId,
        instrument: "phq9",
        responses: [0, 0, 0, 0, 0, 0, 0, 0, 0],
        administered_at: "2999-01-01T00:00:00Z",
      }),
    ).toMatch(/future/);
    expect(await runSql(api, "select count(*)::text from client_measures where client_id = $1", [clientId])).toEqual([["0"]]);
  });

  it("a student and an administrator, even with the workspace scope, are refused with the policy's words", async () => {
    const student = await registerAndLogin(api);
    const asStudent = await connect(await personalToken(student, ["mcp", "workspace"]));
    expect(await toolError(asStudent, "list_clients", {})).toMatch(/licensed professionals.*student accounts cannot use it/);
    const asAdmin = await connect(await personalToken(admin, ["mcp", "workspace"]));
    expect(await toolError(asAdmin, "get_client_summary", { client_id: crypto.randomUUID() })).toMatch(
      /administrators have none and see only its audit events/,
    );
  });
});
