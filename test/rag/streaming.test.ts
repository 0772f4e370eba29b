/**
 * Server-Sent Events (Accept: text/event-stream) from the RAG routes: sources first, the answer's
 * text as deltas, then the validated answer; an upstream stream that breaks off, goes quiet or
 * fails validation ends with an error event carrying a problem (and is audited); offline
 * streaming; a client that disconnects cuts the upstream call.
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../../src/index";
import { scriptOpenAi } from "../support/openai-stub";
import {
  auditEvents,
  bearer,
  clinician,
  dataOf,
  expectDiagnoseAnswer,
  GAD_DIAGNOSIS,
  GAD_SYMPTOMS,
  gadCriteria,
  gadGuideline,
  MODEL_PLAN_TEMPLATE,
  modelClient,
  modelDiagnosis,
  modelTreatment,
  offline,
  parseSse,
  psychiatrist,
  sleep,
  streamed,
  stubCounts,
  weeksFromToday,
} from "./fixtures";

describe("Server-Sent Events (Accept: text/event-stream)", () => {
  it("streams sources first, then deltas, then done with the full validated answer", async () => {
    const client = await modelClient();
    const therapist = await clinician();
    const madeUp = crypto.randomUUID();
    const content = modelDiagnosis(
      [{ confidence: 1.2, supporting_sources: [gadCriteria.id, madeUp] }],
      "Streamed: criteria for GAD are met.",
    );
    await scriptOpenAi(client.openaiKey, { chat: [{ content }] });

    const { events } = await streamed(client, therapist, "diagnose", { symptoms: GAD_SYMPTOMS });

    const names = events.map((e) => e.event);
    expect(names[0]).toBe("sources");
    expect(names.at(-1)).toBe("done");
    expect(names.slice(1, -1).length).toBeGreaterThanOrEqual(1);
    expect(new Set(names.slice(1, -1))).toEqual(new Set(["delta"]));
    expect(names).not.toContain("error");

    const { sources } = dataOf(events[0], "sources");
    expect(sources.map((s) => s.id)).toContain(gadCriteria.id);
    // The deltas are the model's text as it was written.
    expect(
      events
        .filter((e) => e.event === "delta")
        .map((e) => dataOf(e, "delta").text)
        .join(""),
    ).toBe(content);

    const done = dataOf(events.at(-1), "done");
    expectDiagnoseAnswer(done, "llm");
    expect(done.retrieved_sources).toEqual(sources);
    expect(done.differential).toEqual([expect.objectContaining({ confidence: 1, supporting_sources: [gadCriteria.id] })]);
    expect(done.ai_response.response).toBe("Streamed: criteria for GAD are met.");
    expect(done.ai_response.prompt_tokens).toBeGreaterThan(0);
    expect(done.ai_response.completion_tokens).toBeGreaterThan(0);
    expect(await stubCounts(client)).toEqual({ chat: 1, embeddings: 1 });
  });

  it("streams a treatment plan the same way", async () => {
    const client = await modelClient();
    const prescriber = await psychiatrist();
    await scriptOpenAi(client.openaiKey, { chat: [{ content: modelTreatment("SSRIs or SNRIs first line; review at 4-6 weeks.") }] });
    const { events } = await streamed(client, prescriber, "treatment", { diagnosis: GAD_DIAGNOSIS });
    expect(events[0].event).toBe("sources");
    expect(events.at(-1)!.event).toBe("done");
    expect(dataOf(events.at(-1), "done").treatment_plan).toMatchObject({
      medication_considerations: "SSRIs or SNRIs first line; review at 4-6 weeks.",
      measures: MODEL_PLAN_TEMPLATE.measures,
      interventions: [{ ...MODEL_PLAN_TEMPLATE.interventions[0], citations: [gadGuideline.id] }],
      review_date: weeksFromToday(MODEL_PLAN_TEMPLATE.review_after_weeks),
    });
  });

  it("a stream that breaks off upstream ends with an error event carrying a problem, and no done", async () => {
    const client = await modelClient();
    const therapist = await clinician();
    await scriptOpenAi(client.openaiKey, {
      chat: [{ content: modelDiagnosis([{ supporting_sources: [gadCriteria.id] }]), malformed_stream: true }],
    });
    const { res, events } = await streamed(client, therapist, "diagnose", { symptoms: GAD_SYMPTOMS });
    const names = events.map((e) => e.event);
    expect(names[0]).toBe("sources");
    expect(names.at(-1)).toBe("error");
    expect(names).not.toContain("done");
    expect(events.at(-1)!.data).toMatchObject({
      status: 502,
      code: "ai_upstream_error",
      type: expect.stringContaining("ai_upstream_error"),
      title: expect.any(String),
      detail: expect.any(String),
      request_id: res.headers.get("X-Request-Id"),
    });
  });

  it("a stream that goes quiet midway ends with an ai_timeout error event after the AI timeout, and is audited", async () => {
    const client = await modelClient();
    const therapist = await clinician();
    await scriptOpenAi(client.openaiKey, {
      chat: [{ content: modelDiagnosis([{ supporting_sources: [gadCriteria.id] }]), stalled_stream: true }],
    });
    const started = Date.now();
    const { res, events } = await streamed(client, therapist, "diagnose", { symptoms: GAD_SYMPTOMS });
    // AI_TIMEOUT_MS is 3000 in tests.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(events[0].event).toBe("sources");
    expect(events.map((e) => e.event)).not.toContain("done");
    expect(events.at(-1)).toMatchObject({
      event: "error",
      data: { status: 504, code: "ai_timeout", title: "Gateway Timeout", request_id: res.headers.get("X-Request-Id") },
    });
    const audited = (await auditEvents({ action: "rag.diagnose", user_id: therapist.user.id })).filter(
      (event) => event.request_id === res.headers.get("X-Request-Id"),
    );
    expect(audited).toMatchObject([{ outcome: "failure", detail: { error: "ai_timeout" } }]);
  });

  it("a streamed answer that fails validation ends with an ai_invalid_output error event", async () => {
    const client = await modelClient();
    const therapist = await clinician();
    await scriptOpenAi(client.openaiKey, { chat: [{ content: "Probably GAD, but I cannot format that as JSON." }] });
    const { events } = await streamed(client, therapist, "diagnose", { symptoms: GAD_SYMPTOMS });
    expect(events.map((e) => e.event)).not.toContain("done");
    expect(events.at(-1)).toMatchObject({ event: "error", data: { status: 502, code: "ai_invalid_output" } });
  });

  it("offline, it streams sources, the extractive answer as a delta, then done in offline mode", async () => {
    const therapist = await clinician();
    const { events } = await streamed(offline, therapist, "diagnose", { symptoms: GAD_SYMPTOMS });
    expect(events.map((e) => e.event)).toEqual(["sources", "delta", "done"]);
    const done = dataOf(events[2], "done");
    expectDiagnoseAnswer(done, "offline");
    expect(dataOf(events[1], "delta").text).toBe(done.ai_response.response);
    expect(dataOf(events[0], "sources").sources).toEqual(done.retrieved_sources);
  });

  it("a client that disconnects after the sources aborts the upstream call and gets no done", async () => {
    const client = await modelClient();
    const therapist = await clinician();
    // The model takes 2 s before it writes anything.
    await scriptOpenAi(client.openaiKey, {
      chat: [{ delay_ms: 2000 }, { content: modelDiagnosis([{ supporting_sources: [gadCriteria.id] }]) }],
    });

    const started = Date.now();
    const ctx = createExecutionContext();
    const res = await worker.fetch(
      new Request("http://api.test/api/v1/rag/diagnose", {
        method: "POST",
        headers: { ...bearer(therapist), "Content-Type": "application/json", Accept: "text/event-stream" },
        body: JSON.stringify({ symptoms: GAD_SYMPTOMS }),
      }) as Request<unknown, IncomingRequestCfProperties>,
      client.env,
      ctx,
    );
    expect(res.status).toBe(200);
    const requestId = res.headers.get("X-Request-Id");
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    while (!text.includes("\n\n")) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    expect(parseSse(text)[0].event).toBe("sources");
    // Disconnect only once the chat call is in flight (the stub is holding it for 2 s).
    while ((await stubCounts(client)).chat < 1 && Date.now() - started < 1500) await sleep(20);
    expect((await stubCounts(client)).chat).toBe(1);
    await reader.cancel();
    await waitOnExecutionContext(ctx);

    // The server side notices: the flow audits the request as abandoned by the client, and it
    // does so long before the model would have answered (2 s), so the upstream call was cut.
    let events: Awaited<ReturnType<typeof auditEvents>> = [];
    while (Date.now() - started < 5000) {
      events = (await auditEvents({ action: "rag.diagnose", user_id: therapist.user.id })).filter(
        (event) => event.request_id === requestId,
      );
      if (events.length) break;
      await sleep(50);
    }
    expect(events).toEqual([
      expect.objectContaining({ outcome: "failure", detail: expect.objectContaining({ error: "client_disconnected" }) }),
    ]);
    expect(Date.now() - started).toBeLessThan(2000);

    // After the model would have finished, still no answer was completed for that request.
    await sleep(Math.max(0, 2600 - (Date.now() - started)));
    const later = (await auditEvents({ action: "rag.diagnose", user_id: therapist.user.id })).filter(
      (event) => event.request_id === requestId,
    );
    expect(later.map((event) => event.outcome)).toEqual(["failure"]);
    expect((await stubCounts(client)).chat).toBe(1);
  });
});
