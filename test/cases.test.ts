/**
 * Synthetic cases: the repository's 32 cases are valid and varied; listing,
 * filtering and pagination read the R2 index object only; one case by id; and the case analysis
 * (licensed), its model output checked against what was retrieved, its safety block, offline mode
 * and its audit event.
 */
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { CASE_INDEX_KEY, caseKey } from "../src/cases/cases.data";
import { CaseSchema } from "../src/cases/cases.schemas";
import { authHeader, createAdmin, createVerifiedTherapist, expectProblem, type LoggedIn, registerAndLogin } from "./support/accounts";
import { createTestApi, type TestApi } from "./support/api";
import { auditEvents } from "./support/audit";
import { caseFiles, loadCases } from "./support/cases";
import { type ApiClient, answerOf, type JsonAt, ok, read } from "./support/client";
import { loadCorpus } from "./support/corpus";
import { scriptOpenAi } from "./support/openai-stub";

const api = await createTestApi();
const admin = await createAdmin(api);
const student = await registerAndLogin(api);
const reader = await registerAndLogin(api);
const readerAuth = { headers: authHeader(reader.tokens.access_token) };

const dataCases = caseFiles.map((file) => CaseSchema.parse(file));
const byId = new Map(dataCases.map((item) => [item.case_id, item]));

beforeAll(async () => {
  await loadCases();
  await loadCorpus(api);
});

type ListCases = ApiClient["api"]["v1"]["synthetic-cases"]["$get"];
type GetCase = ApiClient["api"]["v1"]["synthetic-cases"][":case_id"]["$get"];
type CasePage = JsonAt<Awaited<ReturnType<ListCases>>, 200>;

/** Any query string, valid or not, sent raw; the answer typed as the route's. */
async function list(query = "", client: TestApi = api) {
  return read(answerOf<ListCases>(await client.fetch(`/api/v1/synthetic-cases${query}`, readerAuth)));
}

/** Any case id, valid or not, sent raw (the typed client would encode it); the answer typed. */
async function getCase(caseId: string, init?: RequestInit) {
  return read(answerOf<GetCase>(await api.fetch(`/api/v1/synthetic-cases/${caseId}`, init)));
}

/** Follows next_cursor from the first page to the end; every page must be a 200. */
async function walk(query: string): Promise<CasePage[]> {
  const pages: CasePage[] = [];
  let cursor: string | null = null;
  do {
    const separator = query ? "&" : "?";
    const page: CasePage = ok(await list(`${query}${cursor ? `${separator}cursor=${encodeURIComponent(cursor)}` : ""}`), 200).body;
    pages.push(page);
    cursor = page.next_cursor;
    expect(pages.length).toBeLessThan(40);
  } while (cursor !== null);
  return pages;
}

describe("the repository's synthetic cases", () => {
  it("all 32 validate and load into R2 with the index", async () => {
    expect(caseFiles).toHaveLength(32);
    expect(await loadCases()).toBe(32);
    const index = (await (await env.STORAGE.get(CASE_INDEX_KEY))!.json()) as Array<{ case_id: string }>;
    expect(index.map((summary) => summary.case_id).sort()).toEqual([...byId.keys()].sort());
    expect(new Set(dataCases.map((item) => item.case_id)).size).toBe(32);
  });

  it("cover at least 20 disorders and every severity", () => {
    const disorders = new Set(dataCases.map((item) => item.suggested_diagnosis.primary.toLowerCase()));
    expect(disorders.size).toBeGreaterThanOrEqual(20);
    expect(new Set(dataCases.map((item) => item.severity))).toEqual(new Set(["mild", "moderate", "severe"]));
  });
});

describe("GET /api/v1/synthetic-cases", () => {
  it("lists every case with total_cases", async () => {
    const { body } = ok(await list("?limit=100"), 200);
    expect(body).toMatchObject({ status: "success", total_cases: 32, next_cursor: null });
    expect(body.cases).toHaveLength(32);
    // Full Case objects, exactly as stored, not summaries.
    for (const item of body.cases) expect(item).toEqual(byId.get(item.case_id));
  });

  it("defaults to 20 per page", async () => {
    const { body } = ok(await list(), 200);
    expect(body.cases).toHaveLength(20);
    expect(body.total_cases).toBe(32);
    expect(body.next_cursor).toEqual(expect.any(String));
  });

  it.each(["mild", "moderate", "severe"] as const)("filters severity=%s", async (severity) => {
    const expected = dataCases
      .filter((item) => item.severity === severity)
      .map((item) => item.case_id)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    const { body } = ok(await list(`?severity=${severity}&limit=100`), 200);
    expect(body.total_cases).toBe(expected.length);
    expect(body.cases.map((summary) => summary.case_id).sort()).toEqual(expected);
    expect(body.cases.every((summary) => summary.severity === severity)).toBe(true);
  });

  it("filters diagnosis by a name substring, case-insensitively", async () => {
    const expected = dataCases
      .filter((item) => item.suggested_diagnosis.primary.toLowerCase().includes("anxiety"))
      .map((item) => item.case_id)
      .sort();
    expect(expected.length).toBeGreaterThanOrEqual(3);
    const { body } = ok(await list("?diagnosis=ANXIETY&limit=100"), 200);
    expect(body.cases.map((summary) => summary.case_id).sort()).toEqual(expected);
    expect(body.total_cases).toBe(expected.length);
  });

  it("filters diagnosis by a code prefix (F41)", async () => {
    const expected = dataCases
      .filter((item) => item.suggested_diagnosis.dsm5_code.startsWith("F41"))
      .map((item) => item.case_id)
      .sort();
    expect(expected).toEqual(["case-008", "case-009", "case-010"]);
    const { body } = ok(await list("?diagnosis=F41&limit=100"), 200);
    expect(body.cases.map((summary) => summary.case_id).sort()).toEqual(expected);
    // A code prefix, not a substring: "41" alone is in no name and starts no code.
    expect(ok(await list("?diagnosis=41&limit=100"), 200).body.total_cases).toBe(0);
  });

  it("combines severity and diagnosis filters", async () => {
    const expected = dataCases
      .filter((item) => item.severity === "moderate" && item.suggested_diagnosis.dsm5_code.startsWith("F3"))
      .map((item) => item.case_id)
      .sort();
    const { body } = ok(await list("?severity=moderate&diagnosis=F3&limit=100"), 200);
    expect(body.cases.map((summary) => summary.case_id).sort()).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });

  it("a diagnosis nothing matches is an empty page, not an error", async () => {
    const { body } = ok(await list("?diagnosis=zzz-no-such-disorder"), 200);
    expect(body).toMatchObject({ total_cases: 0, cases: [], next_cursor: null });
  });

  it.each([3, 7, 32])("paginates with limit=%i to the end without duplicates or gaps", async (limit) => {
    const pages = await walk(`?limit=${limit}`);
    expect(pages).toHaveLength(Math.ceil(32 / limit));
    for (const page of pages.slice(0, -1)) expect(page.cases).toHaveLength(limit);
    expect(pages.at(-1)!.next_cursor).toBeNull();
    const ids = pages.flatMap((page) => page.cases.map((summary) => summary.case_id));
    expect(ids).toHaveLength(32);
    expect(new Set(ids).size).toBe(32);
    expect([...ids].sort()).toEqual([...byId.keys()].sort());
    expect(pages.every((page) => page.total_cases === 32)).toBe(true);
  });

  it("paginates a filtered list", async () => {
    const expected = dataCases
      .filter((item) => item.severity === "severe")
      .map((item) => item.case_id)
      .sort();
    const pages = await walk("?severity=severe&limit=2");
    const ids = pages.flatMap((page) => page.cases.map((summary) => summary.case_id));
    expect(ids.sort()).toEqual(expected);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("reads exactly one R2 object per request, whatever the number of cases", async () => {
    // A client whose R2 binding counts what the app asks of it (same bucket, same database).
    const calls: string[] = [];
    const bucket = env.STORAGE;
    const recorded = <T>(call: string, result: T): T => {
      calls.push(call);
      return result;
    };
    const counting = {
      get: (key: string, options?: R2GetOptions) => recorded(`get ${key}`, bucket.get(key, options)),
      head: (key: string) => recorded(`head ${key}`, bucket.head(key)),
      list: (options?: R2ListOptions) => recorded("list", bucket.list(options)),
      put: (...args: Parameters<R2Bucket["put"]>) => recorded(`put ${args[0]}`, bucket.put(...args)),
      delete: (keys: string | string[]) => recorded("delete", bucket.delete(keys)),
    };
    const spied = await createTestApi({ STORAGE: counting as unknown as string }, { database: api.database });
    for (const query of ["?limit=100", "?severity=severe", "?diagnosis=F41&limit=1"]) {
      calls.length = 0;
      const { res } = await list(query, spied);
      expect(res.status).toBe(200);
      expect(calls).toEqual([`get ${CASE_INDEX_KEY}`]);
    }
  });

  it("lists from the index object: a case whose own object is gone is still listed", async () => {
    // Delete one case's object behind the app's back. If listing read each case object, case-001
    // would vanish from the list (or the request would fail); it is still there because listing
    // reads only the index object, which still names it. Fetching it by id does read its object.
    await env.STORAGE.delete(caseKey("case-001"));
    try {
      const { body } = ok(await list("?limit=100"), 200);
      expect(body.total_cases).toBe(32);
      expect(body.cases.map((summary) => summary.case_id)).toContain("case-001");
      expect((await getCase("case-001", readerAuth)).res.status).toBe(404);
    } finally {
      await loadCases();
    }
    expect((await getCase("case-001", readerAuth)).res.status).toBe(200);
  });

  it.each([
    ["severity=critical", "query.severity"],
    ["limit=0", "query.limit"],
    ["limit=101", "query.limit"],
    ["limit=ten", "query.limit"],
    ["limit=2.5", "query.limit"],
  ])("?%s is a 400 naming %s", async (query, path) => {
    const { res, body } = await list(`?${query}`);
    expectProblem(res, body, 400, "validation_error");
    expect(body.errors.map((error) => error.path)).toContain(path);
  });

  it.each([
    ["not base64", "%25%25%25"],
    ["a crafted offset", btoa(JSON.stringify({ offset: -1 }))],
    ["a bare case id", btoa("case-005")],
    ["another list's cursor", btoa(JSON.stringify(["users", new Date().toISOString(), crypto.randomUUID()]))],
    ["an edited key", btoa(JSON.stringify(["cases", "../index"]))],
  ])("a cursor that is not one of ours (%s) is a 400 invalid_cursor", async (_label, cursor) => {
    const { res, body } = await list(`?cursor=${encodeURIComponent(cursor)}`);
    expectProblem(res, body, 400, "invalid_cursor");
    expect(body.errors).toEqual([{ path: "query.cursor", message: expect.any(String) }]);
  });

  it("needs a token", async () => {
    const { res, body } = await read(api.client.api.v1["synthetic-cases"].$get({ query: {} }));
    expectProblem(res, body, 401, "unauthorized");
  });
});

describe("GET /api/v1/synthetic-cases/{case_id}", () => {
  it("returns the full case", async () => {
    const { res, body } = ok(
      await read(api.client.api.v1["synthetic-cases"][":case_id"].$get({ param: { case_id: "case-017" } }, readerAuth)),
      200,
    );
    expect(res.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(body).toEqual(byId.get("case-017"));
    expect(CaseSchema.safeParse(body).success).toBe(true);
  });

  it("an unknown id is a 404", async () => {
    const { res, body } = await getCase("case-999", readerAuth);
    expectProblem(res, body, 404, "not_found");
  });

  it.each(["..%2Fx", "CASE-001", "a%20b", "-case"])("the id %s is a 400", async (id) => {
    const { res, body } = await getCase(id, readerAuth);
    expectProblem(res, body, 400, "validation_error");
    expect(body.errors.map((error) => error.path)).toContain("param.case_id");
  });

  it("needs a token", async () => {
    const { res, body } = await getCase("case-001");
    expectProblem(res, body, 401, "unauthorized");
  });
});

describe("GET /api/v1/case-analysis/{case_id}", () => {
  let therapist: LoggedIn;

  beforeAll(async () => {
    therapist = await createVerifiedTherapist(api, admin.tokens.access_token);
  });

  /** A fresh verified therapist per analysis batch: the AI routes allow 10 calls a minute per user. */
  async function analyze(caseId: string, client: TestApi = api, token?: string) {
    const caller = token ?? (await createVerifiedTherapist(api, admin.tokens.access_token)).tokens.access_token;
    return read(client.client.api.v1["case-analysis"][":case_id"].$get({ param: { case_id: caseId } }, { headers: authHeader(caller) }));
  }

  it("is for licensed professionals: a student is 403, an unverified therapist is 403", async () => {
    const asStudent = await analyze("case-001", api, student.tokens.access_token);
    expectProblem(asStudent.res, asStudent.body, 403, "forbidden");
    const unverified = await registerAndLogin(api, { role: "therapist", license_type: "LMFT" });
    const asUnverified = await analyze("case-001", api, unverified.tokens.access_token);
    expectProblem(asUnverified.res, asUnverified.body, 403, "forbidden");
  });

  it("needs a token", async () => {
    const { res, body } = await read(api.client.api.v1["case-analysis"][":case_id"].$get({ param: { case_id: "case-001" } }));
    expectProblem(res, body, 401, "unauthorized");
  });

  it("answers a verified therapist with the case, the analysis, the sources and the safety block", async () => {
    const { body } = ok(await analyze("case-008", api, therapist.tokens.access_token), 200);
    expect(body).toMatchObject({
      status: "success",
      case_id: "case-008",
      case_data: byId.get("case-008"),
      ai_analysis: {
        response: expect.any(String),
        model_used: expect.any(String),
        prompt_tokens: expect.any(Number),
        completion_tokens: expect.any(Number),
        mode: "llm",
        findings: expect.objectContaining({
          alternative_diagnoses: expect.any(Array),
          missing_assessments: expect.any(Array),
          treatment_considerations: expect.any(Array),
        }),
      },
      retrieved_documents: expect.any(Array),
      knowledge_sources: expect.any(Array),
      // A case the knowledge base covers: its sources fit.
      coverage: "good",
      safety: { crisis_detected: expect.any(Boolean), indicators: expect.any(Array), resources: expect.any(Array) },
    });
    expect(body.ai_analysis.prompt_tokens).toBeGreaterThan(0);
    expect(body.retrieved_documents.length).toBeGreaterThan(0);
    expect(body.knowledge_sources).toEqual(body.retrieved_documents.map(({ id, title, score }) => ({ id, title, score })));
    // The GAD case retrieves GAD criteria.
    expect(body.retrieved_documents.some((doc) => /generali[sz]ed anxiety/i.test(doc.title))).toBe(true);
  });

  it("keeps only the sources that were retrieved: a made-up source id is dropped", async () => {
    const caller = await createVerifiedTherapist(api, admin.tokens.access_token);
    const token = caller.tokens.access_token;
    // Retrieval is deterministic: learn which sources this case retrieves, then script the model.
    const first = ok(await analyze("case-010", api, token), 200);
    const realId = first.body.retrieved_documents[0].id;
    const madeUp = crypto.randomUUID();
    const answer = {
      response: "## Assessment\n\nThe presentation meets criteria for panic disorder.",
      suggested_diagnosis_supported: true,
      alternative_diagnoses: [
        {
          condition: "Agoraphobia",
          dsm5_code: "F40.00",
          icd11_code: "6B02",
          confidence: 0.3,
          rationale: "Avoidance of crowded places.",
          supporting_sources: [realId, madeUp, "not-even-a-uuid"],
        },
        {
          condition: "Hyperthyroidism-related anxiety",
          dsm5_code: null,
          icd11_code: null,
          confidence: 0.1,
          rationale: "Rule out medically.",
          supporting_sources: [madeUp],
        },
        // Out of range: clamped to 1, not a retry.
        {
          condition: "Panic disorder",
          dsm5_code: "F41.0",
          icd11_code: "6B01",
          confidence: 1.2,
          rationale: "Recurrent unexpected attacks.",
          supporting_sources: [realId],
        },
      ],
      missing_assessments: ["PDSS", "TSH"],
      treatment_considerations: ["CBT with interoceptive exposure"],
    };
    await scriptOpenAi(api.openaiKey, { chat: [{ content: JSON.stringify(answer), prompt_tokens: 321, completion_tokens: 123 }] });
    const { body } = ok(await analyze("case-010", api, token), 200);
    expect(body.ai_analysis).toMatchObject({ response: answer.response, prompt_tokens: 321, completion_tokens: 123, mode: "llm" });
    expect(body.ai_analysis.findings).toMatchObject({
      suggested_diagnosis_supported: true,
      missing_assessments: ["PDSS", "TSH"],
      treatment_considerations: ["CBT with interoceptive exposure"],
    });
    const [agoraphobia, medical] = body.ai_analysis.findings!.alternative_diagnoses;
    expect(agoraphobia.supporting_sources).toEqual([realId]);
    expect(medical.supporting_sources).toEqual([]);
    expect(body.ai_analysis.findings!.alternative_diagnoses[2]).toMatchObject({ condition: "Panic disorder", confidence: 1 });
    const retrieved = new Set(body.retrieved_documents.map((doc) => doc.id));
    for (const item of body.ai_analysis.findings!.alternative_diagnoses)
      for (const id of item.supporting_sources) expect(retrieved.has(id)).toBe(true);
    expect(JSON.stringify(body)).not.toContain(madeUp);
  });

  it("the risk case (case-002, passive SI with a plan) detects the crisis and leads with a risk assessment", async () => {
    const answer = {
      response: "## Formulation\n\nRecurrent major depressive disorder, current episode severe.",
      suggested_diagnosis_supported: true,
      alternative_diagnoses: [],
      missing_assessments: ["C-SSRS full version"],
      treatment_considerations: ["Safety planning"],
    };
    await scriptOpenAi(api.openaiKey, { chat: [{ content: JSON.stringify(answer) }] });
    const { body } = ok(await analyze("case-002"), 200);
    expect(body.safety.crisis_detected).toBe(true);
    expect(body.safety.indicators.map((indicator) => indicator.category)).toContain("suicidal_ideation");
    expect(body.safety.resources.map((resource) => resource.name)).toEqual(
      expect.arrayContaining([expect.stringContaining("Find A Helpline")]),
    );
    expect(body.ai_analysis.response.startsWith("## Risk assessment")).toBe(true);
    // The model's own answer still follows the risk section.
    expect(body.ai_analysis.response).toContain("Recurrent major depressive disorder, current episode severe.");
  });

  it("a case without risk indicators has no crisis and no risk section", async () => {
    const { body } = ok(await analyze("case-031"), 200);
    expect(body.safety).toEqual({ crisis_detected: false, indicators: expect.any(Array), resources: [] });
    expect(body.ai_analysis.response.startsWith("## Risk assessment")).toBe(false);
  });

  it("offline (no AI key) answers from retrieval alone, never a 5xx", async () => {
    const offline = await createTestApi({ OPENAI_API_KEY: "" }, { database: api.database });
    for (const caseId of ["case-008", "case-002"]) {
      const { body } = ok(await analyze(caseId, offline), 200);
      expect(body.ai_analysis).toMatchObject({ mode: "offline", prompt_tokens: 0, completion_tokens: 0, findings: null });
      expect(body.ai_analysis.response).toContain(byId.get(caseId)!.suggested_diagnosis.primary);
      expect(body.case_data).toEqual(byId.get(caseId));
      expect(body.retrieved_documents.length).toBeGreaterThan(0);
    }
    const risky = ok(await analyze("case-002", offline), 200);
    expect(risky.body.safety.crisis_detected).toBe(true);
    expect(risky.body.ai_analysis.response.startsWith("## Risk assessment")).toBe(true);
  });

  it("an unknown case id is a 404, a malformed one a 400", async () => {
    const unknown = await analyze("case-404", api, therapist.tokens.access_token);
    expectProblem(unknown.res, unknown.body, 404, "not_found");
    const malformed = await analyze("Case_1", api, therapist.tokens.access_token);
    expectProblem(malformed.res, malformed.body, 400, "validation_error");
  });

  it("is audited as case.analyze with the caller and the case", async () => {
    const caller = await createVerifiedTherapist(api, admin.tokens.access_token);
    const { res, body } = ok(await analyze("case-019", api, caller.tokens.access_token), 200);
    const caseDetail = byId.get("case-019")!;
    const requestId = res.headers.get("X-Request-Id");
    const events = await auditEvents(api, admin.tokens.access_token, { action: "case.analyze", user_id: caller.user.id, limit: "100" });
    expect(events.length).toBeGreaterThanOrEqual(1);
    expect(events.every((event) => event.action === "case.analyze")).toBe(true);
    const event = events.find((candidate) => candidate.request_id === requestId);
    expect(event).toMatchObject({ user_id: caller.user.id, action: "case.analyze", outcome: "success", model: expect.any(String) });
    expect(event!.detail).toEqual({ case_id: "case-019", mode: expect.any(String), sources: expect.any(Array) });
    // Neither the case's text nor the answer's is kept.
    const kept = JSON.stringify(event);
    for (const phrase of [
      ...caseDetail.presenting_symptoms,
      caseDetail.clinical_history.slice(0, 40),
      body.ai_analysis.response.slice(0, 40),
    ])
      expect(kept).not.toContain(phrase);
  });
});
