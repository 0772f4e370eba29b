/**
 * The differential as a clinician's client gets it: its shape, codes and confidences, citations
 * only of what was retrieved, what one request costs (round trips, model calls, reused query
 * embeddings), the answer offline from retrieval alone, honest coverage when nothing fits, and
 * the safety block leading an answer about risk (the treatment route screens its input too).
 */
import { describe, expect, it } from "vitest";
import type { DiagnoseAnswer, TreatmentAnswer } from "../../src/rag/rag.schemas";
import { databaseRequests } from "../support/api";
import { ok } from "../support/client";
import { scriptOpenAi, stubChatRequests } from "../support/openai-stub";
import {
  api,
  ask,
  CHAT_MODEL,
  clinician,
  dataOf,
  expectDiagnoseAnswer,
  GAD_CONTEXT,
  GAD_SYMPTOMS,
  gadCriteria,
  isSortedDescending,
  modelClient,
  modelDiagnosis,
  NO_RISK_SYMPTOMS,
  offline,
  RISK_SYMPTOMS,
  streamed,
  stubCounts,
} from "./fixtures";

// ---------------------------------------------------------------------------------------------
// The answer
// ---------------------------------------------------------------------------------------------

describe("a differential from the model", () => {
  it.each(["GET", "POST"] as const)("%s answers 200 with codes, clamped confidences and only retrieved sources cited", async (method) => {
    const client = await modelClient();
    const therapist = await clinician();
    const madeUp = crypto.randomUUID();
    await scriptOpenAi(client.openaiKey, {
      chat: [
        {
          content: modelDiagnosis([
            { confidence: 1.7, supporting_sources: [gadCriteria.id, madeUp, gadCriteria.id] },
            {
              condition: "Major Depressive Disorder",
              dsm5_code: "F32.1",
              icd11_code: "6A70.1",
              confidence: 0.2,
              rationale: "Low mood not reported.",
              supporting_sources: [madeUp],
            },
          ]),
        },
      ],
    });

    const { res, body } = ok(
      await ask(client, "diagnose", method, therapist, { symptoms: GAD_SYMPTOMS, patient_context: GAD_CONTEXT }),
      200,
    );
    expect(res.headers.get("Content-Type")).toMatch(/^application\/json/);
    expectDiagnoseAnswer(body, "llm");
    expect(body.query).toEqual({ symptoms: GAD_SYMPTOMS, patient_context: GAD_CONTEXT });
    // The GAD criteria were retrieved for this presentation (else the citation test proves nothing).
    const retrievedIds = body.retrieved_sources.map((s) => s.id);
    expect(retrievedIds).toContain(gadCriteria.id);
    expect(retrievedIds).not.toContain(madeUp);
    expect(body.differential).toEqual([
      {
        condition: "Generalized Anxiety Disorder",
        dsm5_code: "F41.1",
        icd11_code: "6B00",
        confidence: 1,
        rationale: "Meets criteria A-C.",
        supporting_sources: [gadCriteria.id],
      },
      {
        condition: "Major Depressive Disorder",
        dsm5_code: "F32.1",
        icd11_code: "6A70.1",
        confidence: 0.2,
        rationale: "Low mood not reported.",
        supporting_sources: [],
      },
    ]);
    expect(body.ai_response).toMatchObject({
      mode: "llm",
      model_used: CHAT_MODEL,
      response: expect.stringContaining("GAD criteria are met"),
    });
    expect(body.ai_response.prompt_tokens).toBeGreaterThan(0);
    expect(body.ai_response.completion_tokens).toBeGreaterThan(0);
    expect(body.safety).toEqual({ crisis_detected: false, indicators: [], resources: [] });
    expect(body.disclaimer).toMatch(/decision support/i);
  });
});

// ---------------------------------------------------------------------------------------------
// Cost
// ---------------------------------------------------------------------------------------------

describe("query embeddings of the last minutes", () => {
  it("the same question from the same clinician is embedded once; another clinician's identical question is embedded again", async () => {
    const client = await modelClient();
    const [first, second] = await Promise.all([clinician(), clinician()]);
    const symptoms = `${GAD_SYMPTOMS} (${crypto.randomUUID()})`;
    const once = ok(await ask(client, "diagnose", "GET", first, { symptoms }), 200);
    const again = ok(await ask(client, "diagnose", "POST", first, { symptoms }), 200);
    expect(await stubCounts(client)).toEqual({ chat: 2, embeddings: 1 });
    // The same hybrid retrieval: the reused vector found the same sources with the same scores.
    expect(again.body.retrieved_sources).toEqual(once.body.retrieved_sources);
    // Only the chat call remains on the repeat.
    expect(again.res.headers.get("Server-Timing")).toMatch(/(^|,\s*)ai;dur=[\d.]+;desc="1 calls"/);
    ok(await ask(client, "diagnose", "GET", second, { symptoms }), 200);
    expect(await stubCounts(client)).toEqual({ chat: 3, embeddings: 2 });
  });
});

describe("what one diagnose request costs", () => {
  it("the account and licence check before any AI call, the full-text half of retrieval during the embeddings call, then the vector half: three blocking queries, one deferred audit write, one embedding and one chat call", async () => {
    const client = await modelClient();
    const therapist = await clinician();
    const before = await databaseRequests(api.database);
    const { res } = ok(await ask(client, "diagnose", "GET", therapist, { symptoms: GAD_SYMPTOMS }), 200);
    // The test client waits for the deferred work, so the audit insert is already counted.
    expect((await databaseRequests(api.database)) - before).toBe(4);
    expect(await stubCounts(client)).toEqual({ chat: 1, embeddings: 1 });
    const timing = res.headers.get("Server-Timing") ?? "";
    // Only the blocking work is in the response's timing: three queries (one of them beside the embeddings call), two AI calls.
    expect(timing).toMatch(/(^|,\s*)db;dur=[\d.]+;desc="3 queries"/);
    expect(timing).toMatch(/(^|,\s*)ai;dur=[\d.]+;desc="2 calls"/);
    expect(timing).toMatch(/(^|,\s*)total;dur=/);
  });
});

// ---------------------------------------------------------------------------------------------
// Offline mode
// ---------------------------------------------------------------------------------------------

describe("offline mode (no AI key configured)", () => {
  it.each(["GET", "POST"] as const)("%s answers 200 from retrieval alone, with confidences from the retrieval scores", async (method) => {
    const therapist = await clinician();
    const { body } = ok(await ask(offline, "diagnose", method, therapist, { symptoms: GAD_SYMPTOMS, patient_context: GAD_CONTEXT }), 200);
    expectDiagnoseAnswer(body, "offline");
    expect(body.ai_response).toMatchObject({ mode: "offline", prompt_tokens: 0, completion_tokens: 0 });
    expect(body.ai_response.response).toMatch(/offline/i);

    const byId = new Map<string, { type: string; score: number; dsm5_code: string | null }>(
      body.retrieved_sources.map((s) => [s.id, s] as const),
    );
    expect(body.differential.length).toBeGreaterThan(0);
    expect(body.differential[0]).toMatchObject({ dsm5_code: "F41.1", supporting_sources: [gadCriteria.id] });
    const scores: number[] = [];
    for (const item of body.differential) {
      // Each item is one retrieved criteria document, with its codes.
      expect(item.supporting_sources).toHaveLength(1);
      const source = byId.get(item.supporting_sources[0])!;
      expect(source.type).toBe("dsm5_criteria");
      expect(item.dsm5_code).toBe(source.dsm5_code);
      scores.push(source.score);
    }
    const confidences = body.differential.map((item) => item.confidence);
    expect(isSortedDescending(confidences)).toBe(true);
    expect(confidences[0]).toBeGreaterThan(0);
    expect(confidences[0]).toBeLessThan(1);
    // Proportional to the retrieval score (rounded to 2 decimals).
    for (let i = 1; i < confidences.length; i++)
      expect(Math.abs(confidences[i] / confidences[0] - scores[i] / scores[0])).toBeLessThan(0.02);
  });
  it("never answers 5xx, even for a presentation nothing in the corpus matches", async () => {
    const therapist = await clinician();
    const { body } = ok(await ask(offline, "diagnose", "POST", therapist, { symptoms: "zzqx qqvv wwxy" }), 200);
    expect(body).toMatchObject({
      status: "success",
      differential: [],
      retrieved_sources: [],
      coverage: "low",
      ai_response: { mode: "offline" },
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Coverage: honest abstention
// ---------------------------------------------------------------------------------------------

/** A presentation no document of the knowledge base is about. */
const OUT_OF_SCOPE =
  "Twisted his right ankle playing football on Saturday: swelling and bruising over the outer ankle bone, limps but can bear weight.";
/** A depressive episode described as a progress note, with a pertinent negative that names another disorder. */
const DEPRESSION_NOTE_DENYING_ALCOHOL =
  "S: low mood most of the day for two months, waking at 4am, guilt about letting the family down, poor appetite and concentration. Denies alcohol use.";

describe("coverage: an answer says so when nothing in the knowledge base fits", () => {
  it("offline, an out-of-scope presentation gets coverage low, no differential and a plain notice, not the nearest disorder", async () => {
    const therapist = await clinician();
    const { body } = ok(await ask(offline, "diagnose", "POST", therapist, { symptoms: OUT_OF_SCOPE }), 200);
    expect(body.ai_response.mode).toBe("offline");
    expect(body.coverage).toBe("low");
    expect(body.differential).toEqual([]);
    expect(body.ai_response.response).toMatch(/No good match in the knowledge base/);
  });

  it("offline, a described case in scope is covered and answered with its disorder first", async () => {
    const therapist = await clinician();
    const { body } = ok(await ask(offline, "diagnose", "POST", therapist, { symptoms: GAD_SYMPTOMS, patient_context: GAD_CONTEXT }), 200);
    expect(body.coverage).not.toBe("low");
    expect(body.differential[0]).toMatchObject({ dsm5_code: "F41.1" });
  });

  it("a denied finding does not drive retrieval: a depressive note that denies alcohol use does not rank alcohol use disorder", async () => {
    const therapist = await clinician();
    const { body } = ok(await ask(offline, "diagnose", "POST", therapist, { symptoms: DEPRESSION_NOTE_DENYING_ALCOHOL }), 200);
    expect(body.differential[0]?.condition).toBe("Major Depressive Disorder");
    expect(body.differential.map((item) => item.condition)).not.toContain("Alcohol Use Disorder");
  });

  it("with a model, low coverage is said in the prompt, and the model's empty differential is a valid answer", async () => {
    const client = await modelClient();
    const therapist = await clinician();
    await scriptOpenAi(client.openaiKey, {
      chat: [{ content: JSON.stringify({ response: "No good match among the sources.", differential: [] }) }],
    });
    const { body } = ok(await ask(client, "diagnose", "POST", therapist, { symptoms: OUT_OF_SCOPE }), 200);
    expect(body).toMatchObject({
      coverage: "low",
      differential: [],
      ai_response: { mode: "llm", response: expect.stringContaining("No good match") },
    });
    const [request] = await stubChatRequests(client.openaiKey);
    const prompt = request.messages.map((message) => message.content).join("\n");
    expect(prompt).toContain("RETRIEVAL COVERAGE: LOW");
    expect(prompt).toMatch(/no good match among the sources/i);
  });

  it("a covered question's prompt carries no coverage warning", async () => {
    const client = await modelClient();
    const therapist = await clinician();
    await scriptOpenAi(client.openaiKey, { chat: [{ content: modelDiagnosis([{ supporting_sources: [gadCriteria.id] }]) }] });
    const { body } = ok(await ask(client, "diagnose", "POST", therapist, { symptoms: GAD_SYMPTOMS }), 200);
    expect(body.coverage).toBe("good");
    const [request] = await stubChatRequests(client.openaiKey);
    expect(request.messages.map((message) => message.content).join("\n")).not.toContain("RETRIEVAL COVERAGE");
  });

  it("a stream tells the coverage in its first event, before any text", async () => {
    const therapist = await clinician();
    const { events } = await streamed(offline, therapist, "diagnose", { symptoms: OUT_OF_SCOPE });
    expect(dataOf(events[0], "sources")).toMatchObject({ coverage: "low" });
    expect(dataOf(events.at(-1), "done")).toMatchObject({ coverage: "low", differential: [] });
  });

  it("a treatment question about something the guidelines do not cover says there is no good match", async () => {
    const therapist = await clinician();
    const { body } = ok(await ask(offline, "treatment", "POST", therapist, { diagnosis: OUT_OF_SCOPE }), 200);
    expect(body.coverage).toBe("low");
    expect(body.ai_response.response).toMatch(/No good match in the knowledge base/);
  });
});

// ---------------------------------------------------------------------------------------------
// Safety
// ---------------------------------------------------------------------------------------------

describe("the safety block", () => {
  function expectCrisis(body: DiagnoseAnswer | TreatmentAnswer) {
    expect(body.safety.crisis_detected).toBe(true);
    expect(body.safety.indicators).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          category: "suicidal_ideation",
          field: "symptoms",
          evidence: expect.any(String),
          temporal: expect.stringMatching(/^(current|recent)$/),
        }),
      ]),
    );
    const contacts = body.safety.resources.map((r) => `${r.name} ${r.contact}`).join("\n");
    // No country on the account and none from the edge: the international list, no US number.
    expect(contacts).toMatch(/findahelpline\.com/);
    expect(contacts).toMatch(/local emergency number/);
    expect(contacts).not.toMatch(/988|741741/);
    expect(body.ai_response.response).toMatch(/^## Risk assessment/);
  }

  it("offline: risk found sets crisis_detected, lists indicators and resources, and puts a risk section first", async () => {
    const therapist = await clinician();
    const { body } = ok(await ask(offline, "diagnose", "POST", therapist, { symptoms: RISK_SYMPTOMS }), 200);
    expectCrisis(body);
    // The clinical answer is still given after the risk section.
    expect(body.ai_response.response).toMatch(/offline mode/i);
  });

  it("llm: the server's risk section leads the model's answer, even when the model opens with a risk heading of its own", async () => {
    const client = await modelClient();
    const therapist = await clinician();
    await scriptOpenAi(client.openaiKey, {
      chat: [
        { content: modelDiagnosis([{ condition: "Major Depressive Disorder", dsm5_code: "F32.1" }], "Depressive episode likely.") },
        {
          content: modelDiagnosis(
            [{ condition: "Major Depressive Disorder", dsm5_code: "F32.1" }],
            "## Risk assessment\n\nHigh acute risk.\n\n## Differential\n\nDepressive episode likely.",
          ),
        },
      ],
    });
    const first = ok(await ask(client, "diagnose", "POST", therapist, { symptoms: RISK_SYMPTOMS }), 200);
    expectCrisis(first.body);
    expect(first.body.ai_response.response).toMatch(/Depressive episode likely\.$/);

    const second = ok(await ask(client, "diagnose", "GET", therapist, { symptoms: RISK_SYMPTOMS }), 200);
    expectCrisis(second.body);
    const response: string = second.body.ai_response.response;
    // The section shown is the server's, with the crisis resources; the model's heading no longer claims to be it.
    expect(response).toMatch(/^## Risk assessment\n\nRisk indicators were found\./);
    for (const resource of second.body.safety.resources) expect(response).toContain(resource.contact);
    expect(response.match(/risk assessment/gi)).toHaveLength(1);
    expect(response).toMatch(/## Risk notes from the model\n\nHigh acute risk\.\n\n## Differential\n\nDepressive episode likely\.$/);
  });

  it("the treatment route screens its input too", async () => {
    const therapist = await clinician();
    const { body } = ok(
      await ask(offline, "treatment", "POST", therapist, {
        diagnosis: "Major depressive disorder",
        patient_context: "Passive SI last week, has stockpiled pills.",
      }),
      200,
    );
    expect(body.safety.crisis_detected).toBe(true);
    expect(body.safety.indicators).toEqual(expect.arrayContaining([expect.objectContaining({ field: "patient_context" })]));
    expect(body.ai_response.response).toMatch(/^## Risk assessment/);
  });

  it.each([
    ["offline", false],
    ["llm", true],
  ] as const)("%s: denied SI and no self-harm history is no crisis and no risk section", async (_mode, useModel) => {
    const client = useModel ? await modelClient() : offline;
    const therapist = await clinician();
    if (useModel)
      await scriptOpenAi(client.openaiKey, {
        chat: [{ content: modelDiagnosis([{ condition: "Major Depressive Disorder", dsm5_code: "F32.1" }], "Depressive episode likely.") }],
      });
    const { body } = ok(await ask(client, "diagnose", "POST", therapist, { symptoms: NO_RISK_SYMPTOMS }), 200);
    expect(body.safety).toEqual({ crisis_detected: false, indicators: [], resources: [] });
    expect(body.ai_response.response).not.toMatch(/risk assessment/i);
    expect(body.ai_response.mode).toBe(useModel ? "llm" : "offline");
  });
});
