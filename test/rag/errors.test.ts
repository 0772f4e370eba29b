/**
 * What goes wrong on the RAG routes, as a clinician's client sees it: the model's invalid output
 * (one retry), the provider's 429, 500 and silence mapped to problems that leak nothing, bad input
 * as a 4xx problem naming the field (at no AI cost), and the AI rate limit of 10 requests a
 * minute per user.
 */
import { describe, expect, it } from "vitest";
import { errorsAt, expectProblem, type LoggedIn } from "../support/accounts";
import { ok } from "../support/client";
import { scriptOpenAi } from "../support/openai-stub";
import {
  api,
  ask,
  auditEvents,
  bearer,
  clinician,
  expectDiagnoseAnswer,
  GAD_DIAGNOSIS,
  GAD_SYMPTOMS,
  gadCriteria,
  modelClient,
  modelDiagnosis,
  offline,
  query,
  readRag,
  sleep,
  stubCounts,
} from "./fixtures";

describe("when the model misbehaves", () => {
  it("invalid output twice is a 502 ai_invalid_output after exactly one retry", async () => {
    const client = await modelClient();
    const therapist = await clinician();
    await scriptOpenAi(client.openaiKey, {
      chat: [{ content: "I think it is GAD." }, { content: JSON.stringify({ response: "GAD", differential: "F41.1" }) }],
    });
    const { res, body } = await ask(client, "diagnose", "POST", therapist, { symptoms: GAD_SYMPTOMS });
    expectProblem(res, body, 502, "ai_invalid_output");
    expect(await stubCounts(client)).toEqual({ chat: 2, embeddings: 1 });
    const [event] = await auditEvents({ action: "rag.diagnose", user_id: therapist.user.id });
    expect(event).toMatchObject({
      outcome: "failure",
      request_id: res.headers.get("X-Request-Id"),
      detail: { error: "ai_invalid_output" },
    });
  });

  it("invalid output once, then a valid answer, is a 200 from the retry", async () => {
    const client = await modelClient();
    const therapist = await clinician();
    await scriptOpenAi(client.openaiKey, {
      chat: [
        { content: '{"response": "cut off' },
        { content: modelDiagnosis([{ confidence: 0.65, supporting_sources: [gadCriteria.id] }], "From the retry.") },
      ],
    });
    const { body } = ok(await ask(client, "diagnose", "POST", therapist, { symptoms: GAD_SYMPTOMS }), 200);
    expectDiagnoseAnswer(body, "llm");
    expect(body.ai_response.response).toBe("From the retry.");
    expect(body.differential).toEqual([expect.objectContaining({ confidence: 0.65, supporting_sources: [gadCriteria.id] })]);
    expect(await stubCounts(client)).toEqual({ chat: 2, embeddings: 1 });
  });

  it("a provider that keeps answering 429 is a 503 ai_rate_limited with its Retry-After", async () => {
    const client = await modelClient();
    const therapist = await clinician();
    // The SDK retries twice, honouring Retry-After: three 429s exhaust it.
    await scriptOpenAi(client.openaiKey, { chat: [1, 2, 3].map(() => ({ status: 429, retry_after: 1 })) });
    const { res, body } = await ask(client, "diagnose", "POST", therapist, { symptoms: GAD_SYMPTOMS });
    expectProblem(res, body, 503, "ai_rate_limited");
    expect(res.headers.get("Retry-After")).toBe("1");
    expect((await stubCounts(client)).chat).toBe(3);
  });

  it("a provider that keeps failing with 500 is a 502 ai_upstream_error that leaks nothing of the upstream", async () => {
    const client = await modelClient();
    const therapist = await clinician();
    await scriptOpenAi(client.openaiKey, {
      chat: [1, 2, 3].map(() => ({
        status: 500,
        body: { error: { message: "secret internal trace at /srv/model.py:42", type: "server_error" } },
      })),
    });
    const { res, body } = await ask(client, "diagnose", "POST", therapist, { symptoms: GAD_SYMPTOMS });
    expectProblem(res, body, 502, "ai_upstream_error");
    expect(JSON.stringify(body)).not.toMatch(/model\.py|secret|sk-test/);
    expect((await stubCounts(client)).chat).toBe(3);
  });

  it("a provider that never answers is a 504 ai_timeout within a bounded time", async () => {
    const client = await modelClient();
    const therapist = await clinician();
    await scriptOpenAi(client.openaiKey, { chat: [1, 2, 3].map(() => ({ hang: true })) });
    const started = Date.now();
    const { res, body } = await ask(client, "diagnose", "POST", therapist, { symptoms: GAD_SYMPTOMS });
    const elapsed = Date.now() - started;
    expectProblem(res, body, 504, "ai_timeout");
    // AI_TIMEOUT_MS is 3000 in tests: three attempts and the SDK's backoff between them.
    expect(elapsed).toBeGreaterThanOrEqual(3 * 3000);
    expect(elapsed).toBeLessThan(15_000);
    expect((await stubCounts(client)).chat).toBe(3);
  });
});

// ---------------------------------------------------------------------------------------------
// Bad input
// ---------------------------------------------------------------------------------------------

describe("bad input is a 4xx problem naming the field", () => {
  let therapist: LoggedIn;
  const tooLong = "worried ".repeat(3000).slice(0, 20_001);

  async function post(body: string, contentType = "application/json", route = "diagnose") {
    therapist ??= await clinician();
    return readRag(
      await api.fetch(`/api/v1/rag/${route}`, { method: "POST", headers: { ...bearer(therapist), "Content-Type": contentType }, body }),
    );
  }

  async function get(search: string, route = "diagnose") {
    therapist ??= await clinician();
    return readRag(await api.fetch(`/api/v1/rag/${route}?${search}`, { headers: bearer(therapist) }));
  }

  it.each<[string, string, unknown, RegExp]>([
    ["empty symptoms", "body.symptoms", { symptoms: "" }, /must not be empty/],
    ["whitespace-only symptoms", "body.symptoms", { symptoms: " \n\t  " }, /must not be empty/],
    ["symptoms over 20,000 characters", "body.symptoms", { symptoms: tooLong }, /at most 20,000 characters/],
    ["non-string symptoms", "body.symptoms", { symptoms: 123 }, /must be a string/],
    ["null symptoms", "body.symptoms", { symptoms: null }, /must be a string/],
    ["missing symptoms", "body.symptoms", { patient_context: "34-year-old" }, /symptoms/],
    ["an unknown extra field", "body.severity", { symptoms: GAD_SYMPTOMS, severity: "high" }, /severity/],
    ["a non-string patient_context", "body.patient_context", { symptoms: GAD_SYMPTOMS, patient_context: ["a"] }, /must be a string/],
    [
      "patient_context over 20,000 characters",
      "body.patient_context",
      { symptoms: GAD_SYMPTOMS, patient_context: tooLong },
      /at most 20,000 characters/,
    ],
  ])("POST diagnose with %s is 400 at %s", async (_case, path, payload, message) => {
    const { res, body } = await post(JSON.stringify(payload));
    expectProblem(res, body, 400, "validation_error");
    expect(errorsAt(body, path).length, JSON.stringify(body)).toBeGreaterThan(0);
    expect(errorsAt(body, path).join(" ")).toMatch(message);
  });

  it.each<[string, string, string, RegExp]>([
    ["empty symptoms", "query.symptoms", query({ symptoms: "" }), /must not be empty/],
    ["whitespace-only symptoms", "query.symptoms", query({ symptoms: "   " }), /must not be empty/],
    ["symptoms over 20,000 characters", "query.symptoms", query({ symptoms: tooLong }), /at most 20,000 characters/],
    ["missing symptoms", "query.symptoms", query({ patient_context: "34-year-old" }), /symptoms/],
    ["an unknown extra parameter", "query.severity", query({ symptoms: GAD_SYMPTOMS, severity: "high" }), /severity/],
  ])("GET diagnose with %s is 400 at %s", async (_case, path, search, message) => {
    const { res, body } = await get(search);
    expectProblem(res, body, 400, "validation_error");
    expect(errorsAt(body, path).length, JSON.stringify(body)).toBeGreaterThan(0);
    expect(errorsAt(body, path).join(" ")).toMatch(message);
  });

  it("treatment without a diagnosis is 400 at body.diagnosis and query.diagnosis", async () => {
    const posted = await post(JSON.stringify({ patient_context: "x" }), "application/json", "treatment");
    expectProblem(posted.res, posted.body, 400, "validation_error");
    expect(errorsAt(posted.body, "body.diagnosis").length).toBeGreaterThan(0);
    const got = await get(query({ diagnosis: " " }), "treatment");
    expectProblem(got.res, got.body, 400, "validation_error");
    expect(errorsAt(got.body, "query.diagnosis").length).toBeGreaterThan(0);
  });

  it("malformed JSON is a 400 malformed_json", async () => {
    const { res, body } = await post('{"symptoms": "worry');
    expectProblem(res, body, 400, "malformed_json");
  });

  it("a body that is not JSON is a 415 unsupported_media_type", async () => {
    const { res, body } = await post(GAD_SYMPTOMS, "text/plain");
    expectProblem(res, body, 415, "unsupported_media_type");
  });

  it("exactly 20,000 characters of symptoms is accepted", async () => {
    const account = await clinician();
    const symptoms = `${GAD_SYMPTOMS} `.repeat(100).slice(0, 20_000);
    const answer = await ask(offline, "diagnose", "POST", account, { symptoms });
    expect(answer.res.status, JSON.stringify(answer.body).slice(0, 500)).toBe(200);
    expect(ok(answer, 200).body.query.symptoms).toHaveLength(20_000);
  });

  it("bad input costs no AI call and no AI rate limit", async () => {
    const client = await modelClient();
    const account = await clinician();
    for (let i = 0; i < 12; i++) {
      const { res } = await ask(client, "diagnose", "POST", account, { symptoms: "" });
      expect(res.status).toBe(400);
    }
    expect(await stubCounts(client)).toEqual({ chat: 0, embeddings: 0 });
    expect((await ask(client, "diagnose", "POST", account, { symptoms: GAD_SYMPTOMS })).res.status).toBe(200);
  });
});

describe("the AI rate limit (10 requests a minute per user)", () => {
  it("the 11th AI request within a minute is 429 with Retry-After, and other users are unaffected", async () => {
    // The limiter's window is the wall-clock minute: start the burst early in one.
    const intoWindow = Date.now() % 60_000;
    if (intoWindow > 45_000) await sleep(60_000 - intoWindow + 100);
    const client = await modelClient();
    const account = await clinician();
    const other = await clinician();
    for (let i = 0; i < 10; i++) {
      const route = i % 2 ? "treatment" : "diagnose";
      const fields = route === "diagnose" ? { symptoms: GAD_SYMPTOMS } : { diagnosis: GAD_DIAGNOSIS };
      const { res, body } = await ask(client, route, i % 3 ? "POST" : "GET", account, fields);
      expect(res.status, `request ${i + 1}: ${JSON.stringify(body)}`).toBe(200);
    }
    const { res, body } = await ask(client, "diagnose", "POST", account, { symptoms: GAD_SYMPTOMS });
    expectProblem(res, body, 429, "rate_limited");
    expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);
    const counts = await stubCounts(client);
    // The repeated diagnose and treatment questions are each embedded once (recent query embeddings are reused).
    expect(counts).toEqual({ chat: 10, embeddings: 2 });
    expect((await ask(client, "diagnose", "POST", other, { symptoms: GAD_SYMPTOMS })).res.status).toBe(200);
  }, 80_000);
});
