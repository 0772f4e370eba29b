/**
 * A clinician's country through the API: set with PATCH /api/auth/me, read back on the user,
 * chosen for GET /api/v1/crisis-resources, every diagnose safety block and the MCP
 * get_crisis_resources tool; the edge's country when the account has none; the international
 * list when neither is known. Never a US number for a clinician known to be elsewhere.
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { CfWorkerJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/cfworker";
import { afterAll, describe, expect, it } from "vitest";
import { authHeader, createAdmin, createVerifiedTherapist, type LoggedIn, registerAndLogin } from "../support/accounts";
import { createTestApi } from "../support/api";
import { consoleVisitor } from "../support/console";
import { loadCorpus } from "../support/corpus";

const api = await createTestApi();
// Offline (no model): the diagnose answer is built from retrieval alone, its safety block all the same.
const offline = await createTestApi({ OPENAI_API_KEY: "" }, { database: api.database });
await loadCorpus(api);
const admin = await createAdmin(api);

const US_NUMBERS = /\b988\b|\b911\b|741741|799-7233/;
const RISK_SYMPTOMS = "Low mood for two months; passive SI last week, has stockpiled pills.";

type CrisisLines = {
  country: string | null;
  emergency_number: string | null;
  resources: Array<{ name: string; phone?: string; source_url: string; verified_on: string }>;
  note?: string;
  checked: string;
};

async function patchMe(account: LoggedIn, body: unknown) {
  return api.json("/api/auth/me", body, { method: "PATCH", headers: authHeader(account.tokens.access_token) });
}

async function crisisLines(account: LoggedIn, query = "", init: RequestInit = {}) {
  const { res, body } = await api.get(`/api/v1/crisis-resources${query}`, { ...init, headers: authHeader(account.tokens.access_token) });
  return { status: res.status, body: body as CrisisLines };
}

/** An edge-reported country (Workers `request.cf.country`), as Cloudflare sets it on a real request. */
const fromEdge = (country: string) => ({ cf: { country } }) as RequestInit;

describe("the user's country and language", () => {
  it("are set with PATCH /api/auth/me (a code in either case, stored in capitals) and cleared with null", async () => {
    const user = await registerAndLogin(api);
    expect(user.user).toMatchObject({ country: null, locale: null });
    const set = await patchMe(user, { country: "gb", locale: "es" });
    expect(set.res.status).toBe(200);
    expect(set.body).toMatchObject({ country: "GB", locale: "es" });
    const me = await api.get("/api/auth/me", { headers: authHeader(user.tokens.access_token) });
    expect(me.body).toMatchObject({ country: "GB", locale: "es" });
    const cleared = await patchMe(user, { country: null, locale: null });
    expect(cleared.body).toMatchObject({ country: null, locale: null });
  });

  it.each([["XX"], ["GBR"], ["EU"], ["G1"], [42]])(
    "refuses the country %j with a 400 that names the field, changing nothing",
    async (country) => {
      const user = await registerAndLogin(api);
      await patchMe(user, { country: "AU" });
      const { res, body } = await patchMe(user, { country, first_name: "Changed" });
      expect(res.status).toBe(400);
      expect(res.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
      expect(JSON.stringify((body as { errors: unknown[] }).errors)).toMatch(/country/);
      const me = await api.get("/api/auth/me", { headers: authHeader(user.tokens.access_token) });
      expect(me.body).toMatchObject({ country: "AU", first_name: "Test" });
    },
  );

  it("refuses a language other than en and es", async () => {
    const user = await registerAndLogin(api);
    const { res, body } = await patchMe(user, { locale: "fr" });
    expect(res.status).toBe(400);
    expect(JSON.stringify(body)).toMatch(/must be one of en, es/);
  });

  it("does not send a verified clinician's licence back for verification", async () => {
    const therapist = await createVerifiedTherapist(api, admin.tokens.access_token);
    const { body } = await patchMe(therapist, { country: "NZ" });
    expect(body).toMatchObject({ country: "NZ", is_verified: true });
  });
});

describe("GET /api/v1/crisis-resources", () => {
  it("gives a country's lines, each cited and dated, with the emergency number", async () => {
    const user = await registerAndLogin(api);
    const { status, body } = await crisisLines(user, "?country=gb");
    expect(status).toBe(200);
    expect(body).toMatchObject({ country: "GB", emergency_number: "999" });
    expect(body.resources).toContainEqual(expect.objectContaining({ name: "Samaritans", phone: "116 123" }));
    for (const line of body.resources) {
      expect(line.source_url).toMatch(/^https?:\/\//);
      expect(line.verified_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(body.checked).toMatch(/without a live call/);
  });

  it("answers an unknown country code with a 400", async () => {
    const user = await registerAndLogin(api);
    for (const query of ["?country=XX", "?country=GBR", "?country=1"]) expect((await crisisLines(user, query)).status, query).toBe(400);
  });

  it("gives a real country with no list here the international list, echoing the country with a note", async () => {
    const user = await registerAndLogin(api);
    const { status, body } = await crisisLines(user, "?country=AR");
    expect(status).toBe(200);
    expect(body).toMatchObject({ country: "AR", emergency_number: null, note: expect.stringMatching(/directories/) });
    expect(body.resources.map((r) => r.name)).toContain("Find A Helpline");
  });

  it("without a country: the account's, else the edge's, else the international list", async () => {
    const user = await registerAndLogin(api);
    expect((await crisisLines(user)).body).toMatchObject({ country: null, emergency_number: null });
    expect((await crisisLines(user, "", fromEdge("AU"))).body).toMatchObject({ country: "AU", emergency_number: "000" });
    await patchMe(user, { country: "GB" });
    // The account's country wins over where the request comes from: a British clinician abroad keeps 999.
    expect((await crisisLines(user, "", fromEdge("US"))).body).toMatchObject({ country: "GB", emergency_number: "999" });
  });

  it("needs a signed-in caller", async () => {
    const { res } = await api.get("/api/v1/crisis-resources?country=GB");
    expect(res.status).toBe(401);
  });
});

describe("safety blocks follow the clinician's country", () => {
  async function diagnoseSafety(therapist: LoggedIn, init: RequestInit = {}) {
    const { res, body } = await offline.json(
      "/api/v1/rag/diagnose",
      { symptoms: RISK_SYMPTOMS },
      { ...init, headers: authHeader(therapist.tokens.access_token) },
    );
    expect(res.status).toBe(200);
    const { safety } = body as { safety: { crisis_detected: boolean; resources: Array<{ name: string; contact: string }> } };
    expect(safety.crisis_detected).toBe(true);
    return safety.resources.map((r) => `${r.name}: ${r.contact}`).join("\n");
  }

  it("gives a clinician in GB Samaritans and 999 in a diagnose answer, and no US number", async () => {
    const therapist = await createVerifiedTherapist(api, admin.tokens.access_token);
    await patchMe(therapist, { country: "GB" });
    const banner = await diagnoseSafety(therapist, fromEdge("US"));
    expect(banner).toMatch(/Samaritans: Call 116 123/);
    expect(banner).toMatch(/Call 999/);
    expect(banner).not.toMatch(US_NUMBERS);
  });

  it("gives a clinician with no country the edge country's lines: Lifeline and 000 from Australia", async () => {
    const therapist = await createVerifiedTherapist(api, admin.tokens.access_token);
    const banner = await diagnoseSafety(therapist, fromEdge("AU"));
    expect(banner).toMatch(/Lifeline: Call 13 11 14/);
    expect(banner).toMatch(/Call 000/);
    expect(banner).not.toMatch(US_NUMBERS);
  });
});

describe("MCP get_crisis_resources", () => {
  const clients: Client[] = [];
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
  });

  async function crisisTool(account: LoggedIn) {
    const client = new Client({ name: "crisis-test", version: "1.0.0" }, { jsonSchemaValidator: new CfWorkerJsonSchemaValidator() });
    const transport = new StreamableHTTPClientTransport(new URL("http://api.test/mcp"), {
      fetch: (url, init) => api.fetch(String(url), init),
      requestInit: { headers: authHeader(account.tokens.access_token) },
    });
    await client.connect(transport);
    clients.push(client);
    const result = await client.callTool({ name: "get_crisis_resources", arguments: {} });
    expect(result.isError ?? false).toBe(false);
    return result.structuredContent as { resources: Array<{ name: string; contact: string }>; guidance: string; country: string | null };
  }

  it("gives a clinician in GB Samaritans, guidance naming 999, and no US number", async () => {
    const therapist = await createVerifiedTherapist(api, admin.tokens.access_token);
    await patchMe(therapist, { country: "GB" });
    const { resources, guidance, country } = await crisisTool(therapist);
    expect(country).toBe("GB");
    expect(resources).toContainEqual({ name: "Samaritans", contact: "Call 116 123 (24/7)" });
    expect(guidance).toMatch(/call 999 \(emergency services in United Kingdom\)/);
    expect(JSON.stringify({ resources, guidance })).not.toMatch(US_NUMBERS);
  });
});

describe("the console's settings", () => {
  it("set the country and language from a list of the supported countries, and refuse a code that is no country", async () => {
    const therapist = await createVerifiedTherapist(api, admin.tokens.access_token);
    const visitor = consoleVisitor(api);
    expect((await visitor.signIn(therapist.user.email, therapist.password)).status).toBe(303);
    const csrf = await visitor.csrfToken();
    const { html } = await visitor.page("/app/settings");
    expect(html).toMatch(/<label for="country">Country<\/label>/);
    expect(html).toMatch(/<option value="">Not set<\/option>/);
    expect(html).toMatch(/<option value="GB">United Kingdom<\/option>/);
    const profile = {
      _csrf: csrf,
      first_name: "Test",
      last_name: "User",
      license_type: "LMFT",
      license_number: "LMFT-12345",
      license_state: "CA",
    };

    const saved = await visitor.post("/app/settings/profile", { ...profile, country: "GB", locale: "es" });
    expect(saved.status).toBe(303);
    const me = await api.get("/api/auth/me", { headers: authHeader(therapist.tokens.access_token) });
    expect(me.body).toMatchObject({ country: "GB", locale: "es", is_verified: true });
    expect((await visitor.page("/app/settings")).html).toMatch(/<option value="GB" selected="">United Kingdom<\/option>/);

    const refused = await visitor.post("/app/settings/profile", { ...profile, country: "XX" });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("ISO 3166-1 alpha-2");
    const cleared = await visitor.post("/app/settings/profile", { ...profile, country: "", locale: "" });
    expect(cleared.status).toBe(303);
    expect((await api.get("/api/auth/me", { headers: authHeader(therapist.tokens.access_token) })).body).toMatchObject({
      country: null,
      locale: null,
    });
  });
});
