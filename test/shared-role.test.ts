/**
 * The shared role test (issue 21; after Unkey's `runSharedRoleTests`): every entry point of every
 * door (REST route, console page or action, MCP tool) is called as every role, and each answer must
 * be the decision of src/policy/policy.ts for the capability the entry point needs. A refusal is a
 * 403 problem `forbidden` (an HTML page with the same detail for a console page, a tool error for
 * MCP) whose words are `refusalDetail(reason)`, the same through every door; an allowed call gets
 * past the role check to the route's own validation, so most entry points are sent a deliberately
 * invalid body and answer 400 without any AI call. Medication considerations (capability
 * `medication`) are content inside a treatment plan, hidden rather than refused.
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { CfWorkerJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/cfworker";
import { afterAll, describe, expect, it } from "vitest";
import { type Capability, decide, may, type Principal, refusalDetail } from "../src/policy/policy";
import {
  authHeader,
  createAdmin,
  createVerifiedTherapist,
  type LoggedIn,
  type RegisterInput,
  readProblem,
  registerAndLogin,
} from "./support/accounts";
import { createTestApi } from "./support/api";
import { type ConsoleVisitor, consoleVisitor, ORIGIN, visibleText } from "./support/console";

const api = await createTestApi();

/** One account of a role, signed in at every door: a bearer token, a console session with its CSRF token, an MCP client. */
interface Caller {
  principal: Principal;
  bearer: Record<string, string>;
  visitor: ConsoleVisitor;
  csrf: string;
  mcp: Client;
}

const clients: Client[] = [];
afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
});

async function signedInEverywhere(account: LoggedIn): Promise<Caller> {
  const visitor = consoleVisitor(api);
  const signIn = await visitor.signIn(account.user.email, account.password);
  expect(signIn.status, await signIn.clone().text()).toBe(303);
  // The SDK's Worker validator: ajv, its default, compiles with `new Function`, which workerd refuses.
  const mcp = new Client({ name: "shared-role-test", version: "1.0.0" }, { jsonSchemaValidator: new CfWorkerJsonSchemaValidator() });
  await mcp.connect(
    new StreamableHTTPClientTransport(new URL(`${ORIGIN}/mcp`), {
      fetch: (url, init) => api.fetch(String(url), init),
      requestInit: { headers: authHeader(account.tokens.access_token) },
    }),
  );
  clients.push(mcp);
  return {
    // What the account is, as the API reports it: the decision is made from that, not from what the test meant to create.
    principal: { role: account.user.role, isVerified: account.user.is_verified },
    bearer: authHeader(account.tokens.access_token),
    visitor,
    csrf: await visitor.csrfToken(),
    mcp,
  };
}

const admin = await createAdmin(api);
const verified = (overrides: Partial<RegisterInput>) => createVerifiedTherapist(api, admin.tokens.access_token, overrides);
const LICENCE = { license_type: "LMFT", license_number: "LMFT-12345", license_state: "CA" } as const;

const accounts = {
  admin,
  psychiatrist: await verified({ role: "psychiatrist", license_type: "MD", license_number: "MD-98765" }),
  therapist: await verified({ role: "therapist" }),
  psychologist: await verified({ role: "psychologist", license_type: "PSYD", license_number: "PSY-4321" }),
  "unverified therapist": await registerAndLogin(api, { role: "therapist", ...LICENCE }),
  student: await registerAndLogin(api),
};
type RoleName = keyof typeof accounts;
const ROLE_NAMES = Object.keys(accounts) as RoleName[];
const callers = Object.fromEntries(
  await Promise.all(ROLE_NAMES.map(async (name) => [name, await signedInEverywhere(accounts[name])] as const)),
) as Record<RoleName, Caller>;

/** What one call came to: refused (with the words the caller reads), or answered past the role check. */
type Outcome = { refused: string } | { answered: string };

/** A REST or console-script answer: a 403 must be the `forbidden` problem; anything else is described by its status. */
async function problemOutcome(res: Response): Promise<Outcome> {
  if (res.status !== 403) {
    await res.body?.cancel();
    return { answered: String(res.status) };
  }
  return { refused: (await readProblem(res, 403, "forbidden")).detail };
}

/** A console page: a refusal is the error page, its alert carrying the problem's detail. */
async function pageOutcome(res: Response): Promise<Outcome> {
  const html = await res.text();
  if (res.status !== 403) return { answered: String(res.status) };
  expect(res.headers.get("Content-Type")).toMatch(/^text\/html/);
  const alert = /<div class="card" role="alert">\s*<p>([\s\S]*?)<\/p>/.exec(html)?.[1];
  expect(alert, html).toBeDefined();
  return { refused: visibleText(alert ?? "").trim() };
}

/** An MCP tool call: a tool error's text, or a result. */
async function toolOutcome(caller: Caller, name: string, args: Record<string, unknown>): Promise<Outcome> {
  const result = (await caller.mcp.callTool({ name, arguments: args })) as CallToolResult;
  if (!result.isError) return { answered: "result" };
  return { refused: (result.content[0] as { text: string }).text };
}

const rest = (caller: Caller, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
  api.fetch(path, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: { ...caller.bearer, "Content-Type": "application/json", ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });

/** A console script's JSON POST, with the login's CSRF token in its header as the pages' scripts send it. */
const script = (caller: Caller, path: string, body: unknown, headers: Record<string, string> = {}) =>
  caller.visitor.fetch(path, {
    method: "POST",
    headers: { Origin: ORIGIN, "Content-Type": "application/json", "X-CSRF-Token": caller.csrf, ...headers },
    body: JSON.stringify(body),
  });

/** A console form, its CSRF token in the `_csrf` field. */
const form = (caller: Caller, path: string, fields: Record<string, string> = {}) =>
  caller.visitor.post(path, { _csrf: caller.csrf, ...fields });

interface EntryPoint {
  door: "rest" | "console" | "mcp";
  name: string;
  capability: Exclude<Capability, "medication">;
  /** What an allowed call answers: a status (most bodies here are invalid on purpose, so 400), or "result" for a tool. */
  allowed: string;
  call(caller: Caller): Promise<Outcome>;
}

/** Not a case id (capitals): refused by the path's validation, which runs after the role check. */
const BAD_CASE_ID = "NOT-A-CASE";
const PDF = { Accept: "application/pdf" };

const ENTRY_POINTS: EntryPoint[] = [
  // REST: the route's guard runs before its validators (@hono/zod-openapi puts route middleware first).
  {
    door: "rest",
    name: "GET /api/v1/rag/diagnose",
    capability: "clinical",
    allowed: "400",
    call: async (c) => problemOutcome(await rest(c, "/api/v1/rag/diagnose")),
  },
  {
    door: "rest",
    name: "POST /api/v1/rag/treatment",
    capability: "clinical",
    allowed: "400",
    call: async (c) => problemOutcome(await rest(c, "/api/v1/rag/treatment", { body: {} })),
  },
  {
    door: "rest",
    name: "GET /api/v1/case-analysis/{case_id}",
    capability: "clinical",
    allowed: "400",
    call: async (c) => problemOutcome(await rest(c, `/api/v1/case-analysis/${BAD_CASE_ID}`)),
  },
  {
    door: "rest",
    name: "POST /api/v1/notes",
    capability: "clinical",
    allowed: "400",
    call: async (c) => problemOutcome(await rest(c, "/api/v1/notes", { body: {} })),
  },
  {
    door: "rest",
    name: "POST /api/v1/safety-plans",
    capability: "clinical",
    allowed: "400",
    call: async (c) => problemOutcome(await rest(c, "/api/v1/safety-plans", { body: {} })),
  },
  {
    door: "rest",
    name: "POST /api/v1/reports",
    capability: "clinical",
    allowed: "400",
    call: async (c) => problemOutcome(await rest(c, "/api/v1/reports", { body: {}, headers: PDF })),
  },
  {
    door: "rest",
    name: "POST /voice/analyze",
    capability: "clinical",
    // Past the role check and the AI limit, the handler finds no audio in the body.
    allowed: "400",
    call: async (c) => problemOutcome(await rest(c, "/voice/analyze", { body: {} })),
  },
  {
    door: "rest",
    name: "GET /api/admin/users",
    capability: "admin",
    allowed: "400",
    call: async (c) => problemOutcome(await rest(c, "/api/admin/users?role=overlord")),
  },
  {
    door: "rest",
    name: "POST /api/v1/interactions/check",
    capability: "signed-in",
    allowed: "400",
    call: async (c) => problemOutcome(await rest(c, "/api/v1/interactions/check", { body: {} })),
  },
  {
    door: "rest",
    name: "POST /api/v1/assessments/{instrument}",
    capability: "signed-in",
    allowed: "400",
    call: async (c) => problemOutcome(await rest(c, "/api/v1/assessments/phq9", { body: {} })),
  },

  // Console: the session's checks (role, then the route's own) run before the body is validated.
  {
    door: "console",
    name: "POST /app/diagnose/stream",
    capability: "clinical",
    allowed: "400",
    call: async (c) => problemOutcome(await script(c, "/app/diagnose/stream", {})),
  },
  {
    door: "console",
    name: "POST /app/treatment/stream",
    capability: "clinical",
    allowed: "400",
    call: async (c) => problemOutcome(await script(c, "/app/treatment/stream", {})),
  },
  {
    door: "console",
    name: "POST /app/safety-plan/draft",
    capability: "clinical",
    allowed: "400",
    call: async (c) => problemOutcome(await script(c, "/app/safety-plan/draft", {})),
  },
  {
    door: "console",
    name: "POST /app/notes/generate",
    capability: "clinical",
    allowed: "400",
    call: async (c) => problemOutcome(await script(c, "/app/notes/generate", {})),
  },
  {
    door: "console",
    name: "POST /app/reports",
    capability: "clinical",
    allowed: "400",
    call: async (c) => problemOutcome(await script(c, "/app/reports", {}, PDF)),
  },
  {
    door: "console",
    name: "POST /app/voice/analyze",
    capability: "clinical",
    allowed: "400",
    call: async (c) => problemOutcome(await script(c, "/app/voice/analyze", {}, { "X-Recording-Consent": "given" })),
  },
  {
    door: "console",
    name: "POST /app/cases/{case_id}/analyze",
    capability: "clinical",
    allowed: "400",
    call: async (c) => pageOutcome(await form(c, `/app/cases/${BAD_CASE_ID}/analyze`)),
  },
  {
    door: "console",
    name: "GET /app/admin",
    capability: "admin",
    allowed: "200",
    call: async (c) => pageOutcome(await c.visitor.fetch("/app/admin")),
  },
  {
    door: "console",
    name: "POST /app/interactions",
    capability: "signed-in",
    allowed: "400",
    call: async (c) => pageOutcome(await form(c, "/app/interactions", { medications: "" })),
  },
  {
    door: "console",
    name: "POST /app/assessments",
    capability: "signed-in",
    allowed: "400",
    call: async (c) => pageOutcome(await form(c, "/app/assessments")),
  },

  // MCP: valid input; the use case decides (the OpenAI stub answers an allowed differential).
  {
    door: "mcp",
    name: "differential_diagnosis",
    capability: "clinical",
    allowed: "result",
    call: (c) => toolOutcome(c, "differential_diagnosis", { symptoms: "Low mood and poor sleep for a month" }),
  },
  {
    door: "mcp",
    name: "score_assessment",
    capability: "signed-in",
    allowed: "result",
    call: (c) => toolOutcome(c, "score_assessment", { instrument: "gad7", responses: [1, 1, 1, 1, 1, 1, 1] }),
  },
  {
    door: "mcp",
    name: "check_drug_interactions",
    capability: "signed-in",
    allowed: "result",
    call: (c) => toolOutcome(c, "check_drug_interactions", { medications: ["sertraline", "lithium"] }),
  },
  // The clinician workspace (issue 23): a verified clinician's own records; admins have none.
  {
    door: "rest",
    name: "POST /api/v1/clients",
    capability: "workspace",
    allowed: "400",
    call: async (c) => problemOutcome(await rest(c, "/api/v1/clients", { body: {} })),
  },
  {
    door: "rest",
    name: "POST /api/v1/note-templates",
    capability: "workspace",
    allowed: "400",
    call: async (c) => problemOutcome(await rest(c, "/api/v1/note-templates", { body: {} })),
  },
  {
    door: "console",
    name: "POST /app/clients",
    capability: "workspace",
    // The form comes back with its errors (an empty label).
    allowed: "400",
    call: async (c) => pageOutcome(await form(c, "/app/clients", { label: "" })),
  },
  {
    door: "console",
    name: "POST /app/clients/{id}/save/diagnosis",
    capability: "workspace",
    allowed: "400",
    call: async (c) => problemOutcome(await script(c, `/app/clients/${crypto.randomUUID()}/save/diagnosis`, {})),
  },
  {
    door: "mcp",
    name: "add_measure",
    capability: "workspace",
    allowed: "result",
    // No such client: past the role check, the tool answers "not found" as an error result.
    call: async (c) => {
      const outcome = await toolOutcome(c, "add_measure", {
        client_id: crypto.randomUUID(),
        instrument: "gad7",
        responses: [1, 1, 1, 1, 1, 1, 1],
      });
      return "refused" in outcome && outcome.refused.startsWith("No client") ? { answered: "result" } : outcome;
    },
  },
];

const CAPABILITIES = [...new Set(ENTRY_POINTS.map((entry) => entry.capability))];

describe.each(CAPABILITIES)("capability %s: every door gives each role the policy's decision, in the same words", (capability) => {
  const entries = ENTRY_POINTS.filter((entry) => entry.capability === capability);

  it.each(ROLE_NAMES)("%s", async (role) => {
    const caller = callers[role];
    const decision = decide(caller.principal, capability);
    const expected = (entry: EntryPoint): Outcome =>
      decision.allowed ? { answered: entry.allowed } : { refused: refusalDetail(decision.reason) };
    const outcomes: Record<string, Outcome> = {};
    // One at a time: the machine is small and the console visitor's cookie jar is shared.
    for (const entry of entries) outcomes[`${entry.door} ${entry.name}`] = await entry.call(caller);
    expect(outcomes).toEqual(Object.fromEntries(entries.map((entry) => [`${entry.door} ${entry.name}`, expected(entry)])));
    // The point of the sweep: one refusal, word for word, whichever door was used.
    const refusals = new Set(Object.values(outcomes).flatMap((outcome) => ("refused" in outcome ? [outcome.refused] : [])));
    expect(refusals.size).toBeLessThanOrEqual(1);
  });
});

describe("capability medication: a treatment plan's medication considerations only for prescribers", () => {
  const TREATMENT = { diagnosis: "Generalised anxiety disorder (6B00)" };

  it.each(["psychiatrist", "therapist"] as const)("REST treatment as a %s", async (role) => {
    const caller = callers[role];
    const res = await rest(caller, `/api/v1/rag/treatment?diagnosis=${encodeURIComponent(TREATMENT.diagnosis)}`);
    const body = (await res.json()) as { treatment_plan: Record<string, unknown> };
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect("medication_considerations" in body.treatment_plan).toBe(may(caller.principal, "medication"));
  });

  it("console treatment stream as a therapist: no medication considerations anywhere in the stream", async () => {
    const caller = callers.therapist;
    expect(may(caller.principal, "medication")).toBe(false);
    const res = await script(caller, "/app/treatment/stream", TREATMENT);
    const text = await res.text();
    expect(res.status, text).toBe(200);
    expect(text).toContain("event: done");
    expect(text).not.toContain("medication_considerations");
  });
});
