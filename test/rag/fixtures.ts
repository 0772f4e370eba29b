/**
 * What the files of test/rag share: a database with the knowledge corpus embedded, an admin, the
 * same data offline (no AI key), the GAD presentation and its F41.1 documents, the replies the
 * OpenAI stub is scripted with, and the requests a clinician's client sends (JSON and event stream).
 *
 * Vitest evaluates this module once per test file (each file runs in an isolate of its own), so
 * each file that imports it gets a database of its own.
 *
 * Every test that talks to the model uses a client of its own (same database, its own OpenAI
 * stub key), so scripted replies and the stub's per-key counts belong to that test alone, and a
 * fresh clinician, so no test spends another's AI rate limit (10/min per user).
 */
import type { ClientResponse } from "hono/client";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { expect } from "vitest";
import type { DiagnoseAnswer, TreatmentAnswer } from "../../src/rag/rag.schemas";
import { authHeader, createAdmin, createVerifiedTherapist, type LoggedIn } from "../support/accounts";
import { createTestApi, type TestApi } from "../support/api";
import { type AuditQuery, auditEvents as auditTrail } from "../support/audit";
import { answerOf, ok, type ProblemBody, read } from "../support/client";
import { loadCorpus } from "../support/corpus";
import { stubStats } from "../support/openai-stub";

export const api = await createTestApi();
await loadCorpus(api, { embed: true });
export const admin = await createAdmin(api);
export const adminToken = admin.tokens.access_token;
/** The same data with no AI key configured: offline mode. */
export const offline = await createTestApi({ OPENAI_API_KEY: "" }, { database: api.database });

export const CHAT_MODEL = api.env.OPENAI_CHAT_MODEL;

export const GAD_SYMPTOMS =
  "Excessive anxiety and worry about work, finances and her health on most days for the past 8 months. She finds the worry difficult to control. " +
  "Restlessness, feeling on edge, fatigue, difficulty concentrating, irritability, muscle tension and disturbed sleep.";
export const GAD_CONTEXT = "34-year-old accountant, no prior psychiatric history.";
/** With its code, as clinicians write it: the exact-code match puts the GAD guideline first. */
export const GAD_DIAGNOSIS = "Generalized anxiety disorder (F41.1)";
export const RISK_SYMPTOMS = "Low mood and anhedonia for two months; passive SI last week, has stockpiled pills.";
export const NO_RISK_SYMPTOMS = "Low mood and anhedonia for two months; denies SI, no history of self-harm.";

/** The knowledge documents coded F41.1, found the way a client would: the search route. */
async function documentFor(code: string, type: "dsm5_criteria" | "treatment_guideline"): Promise<{ id: string; title: string }> {
  const { body } = ok(
    await read(api.client.api.v1.search.knowledge.$get({ query: { q: code, type } }, { headers: authHeader(adminToken) })),
    200,
  );
  const hit = body.results.find((result) => result.dsm5_code === code);
  expect(hit, `no ${type} document coded ${code}`).toBeDefined();
  return hit!;
}
export const gadCriteria = await documentFor("F41.1", "dsm5_criteria");
export const gadGuideline = await documentFor("F41.1", "treatment_guideline");

/** A client on the shared database with an OpenAI stub key of its own. */
export function modelClient(): Promise<TestApi> {
  return createTestApi({}, { database: api.database });
}

/** A verified clinician (therapist unless overridden) with an unspent AI rate limit. */
export async function clinician(overrides: Parameters<typeof createVerifiedTherapist>[2] = {}): Promise<LoggedIn> {
  return createVerifiedTherapist(api, adminToken, overrides);
}

export function psychiatrist(): Promise<LoggedIn> {
  return clinician({ role: "psychiatrist", license_type: "MD", license_number: "MD-98765", license_state: "NY" });
}

export function bearer(account: LoggedIn): Record<string, string> {
  return authHeader(account.tokens.access_token);
}

type Body = Record<string, unknown>;

export function query(params: Body): string {
  return new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
}

type RagRoute = "diagnose" | "treatment";
type RagAnswer<R extends RagRoute> = R extends "diagnose" ? DiagnoseAnswer : TreatmentAnswer;

/**
 * A RAG route's answers. The typed client merges these routes' GET and POST, JSON and event-stream
 * answers into one unusable type, so their requests are sent raw and typed from the routes' schemas.
 */
type RagEndpoint<R extends RagRoute> = () => Promise<
  ClientResponse<RagAnswer<R>, 200, "json"> | ClientResponse<ProblemBody, ContentfulStatusCode, "json">
>;

/** A raw answer of a RAG route, read and typed. */
export function readRag<R extends RagRoute>(res: Response) {
  return read(answerOf<RagEndpoint<R>>(res));
}

/** GET with the fields as query parameters, or POST with them as a JSON body. */
export async function ask<R extends RagRoute>(
  client: TestApi,
  route: R,
  method: "GET" | "POST",
  account: LoggedIn,
  fields: Body,
  headers: Record<string, string> = {},
) {
  const path = `/api/v1/rag/${route}`;
  const init = { headers: { ...bearer(account), ...headers } };
  return readRag<R>(method === "GET" ? await client.fetch(`${path}?${query(fields)}`, init) : await client.post(path, fields, init));
}

export async function stubCounts(client: TestApi): Promise<{ chat: number; embeddings: number }> {
  const counts = await stubStats(client.openaiKey);
  return { chat: counts.chat ?? 0, embeddings: counts.embeddings ?? 0 };
}

interface ModelItem {
  condition: string;
  dsm5_code: string | null;
  icd11_code: string | null;
  confidence: number;
  rationale: string;
  supporting_sources: string[];
}

/** What the model returns for a differential (the structured output the app asks for). */
export function modelDiagnosis(
  differential: Array<Partial<ModelItem>>,
  response = "GAD criteria are met: 8 months of excessive, hard-to-control worry with 6 of 6 associated symptoms.",
): string {
  return JSON.stringify({
    response,
    differential: differential.map((item) => ({
      condition: "Generalized Anxiety Disorder",
      dsm5_code: "F41.1",
      icd11_code: "6B00",
      confidence: 0.7,
      rationale: "Meets criteria A-C.",
      supporting_sources: [],
      ...item,
    })),
  });
}

export function modelTreatment(medication: string | null, response = "CBT first; consider an SSRI if there is no response."): string {
  return JSON.stringify({
    response,
    treatment_plan: {
      modalities: [
        {
          name: "Cognitive behavioural therapy",
          evidence_level: "A",
          rationale: "First-line psychological treatment.",
          supporting_sources: [gadGuideline.id, crypto.randomUUID()],
        },
        {
          name: "Applied relaxation",
          evidence_level: "A",
          rationale: "An alternative first-line option.",
          supporting_sources: [gadGuideline.id],
        },
      ],
      goals: ["GAD-7 below 10 by week 12", "Return to full-time work"],
      timeline: "12-16 weekly sessions; review at week 6.",
      ...MODEL_PLAN_TEMPLATE,
      medication_considerations: medication,
    },
  });
}

/** The structured template in a model's treatment plan: one citation retrieved, one invented. */
export const MODEL_PLAN_TEMPLATE = {
  problems: [{ description: "Excessive worry most days for 8 months", supporting_sources: [gadGuideline.id, crypto.randomUUID()] }],
  smart_goals: [
    {
      goal: "Reduce worry",
      specific: "Worry about work and finances",
      measurable: "GAD-7 below 10",
      achievable: "With weekly CBT",
      relevant: "Main complaint",
      time_bound: "By week 12",
    },
  ],
  objectives: [{ description: "Keep a worry log daily", target_week: 2 }],
  interventions: [
    { name: "CBT for GAD", evidence_level: "A", frequency: "weekly, 12-16 sessions", citations: [gadGuideline.id, crypto.randomUUID()] },
  ],
  measures: [{ instrument: "GAD-7", frequency: "every two weeks", target: "below 10" }],
  review_after_weeks: 6,
};

/** Today plus whole weeks, as the server dates a plan's review. */
export const weeksFromToday = (weeks: number) => new Date(Date.now() + weeks * 7 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

export const isSortedDescending = (values: number[]) => values.every((value, i) => i === 0 || value <= values[i - 1]);

/** The diagnose answer as docs/api.md describes it, with every cited source among the retrieved ones. */
export function expectDiagnoseAnswer(body: DiagnoseAnswer, mode: "llm" | "offline") {
  expect(body, JSON.stringify(body)).toMatchObject({
    status: "success",
    query: { symptoms: expect.any(String) },
    differential: expect.any(Array),
    ai_response: {
      response: expect.any(String),
      model_used: expect.any(String),
      prompt_tokens: expect.any(Number),
      completion_tokens: expect.any(Number),
      mode,
    },
    retrieved_sources: expect.any(Array),
    coverage: expect.stringMatching(/^(?:good|partial|low)$/),
    safety: { crisis_detected: expect.any(Boolean), indicators: expect.any(Array), resources: expect.any(Array) },
    disclaimer: expect.stringMatching(/licensed/i),
  });
  expect(body.query).toHaveProperty("patient_context");
  expect(body.ai_response.response.length).toBeGreaterThan(0);
  expect(body.retrieved_sources.length).toBeGreaterThan(0);
  for (const source of body.retrieved_sources) {
    expect(Object.keys(source).sort()).toEqual(["dsm5_code", "icd11_code", "id", "score", "title", "type"]);
    expect(source.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(typeof source.score).toBe("number");
  }
  expect(isSortedDescending(body.retrieved_sources.map((s) => s.score))).toBe(true);
  const retrieved = new Set(body.retrieved_sources.map((s) => s.id));
  for (const item of body.differential) {
    expect(Object.keys(item).sort()).toEqual(["condition", "confidence", "dsm5_code", "icd11_code", "rationale", "supporting_sources"]);
    expect(item.confidence).toBeGreaterThanOrEqual(0);
    expect(item.confidence).toBeLessThanOrEqual(1);
    for (const id of item.supporting_sources) expect(retrieved.has(id), `${id} cited but not retrieved`).toBe(true);
  }
}

interface SseEvent {
  event: string;
  data: unknown;
}

/** The events a RAG route streams: its sources, the answer's text in pieces, then the answer or a problem. */
type RagEvent<R extends RagRoute> =
  | { event: "sources"; data: { sources: DiagnoseAnswer["retrieved_sources"] } }
  | { event: "delta"; data: { text: string } }
  | { event: "done"; data: RagAnswer<R> }
  | { event: "error"; data: ProblemBody };

/** Asserts the event's name; its data, typed. */
export function dataOf<E extends RagEvent<RagRoute>, N extends E["event"]>(
  event: E | undefined,
  name: N,
): Extract<E, { event: N }>["data"] {
  expect(event?.event).toBe(name);
  return (event as { data: unknown }).data as Extract<E, { event: N }>["data"];
}

export function parseSse(text: string): SseEvent[] {
  return text
    .split(/\r?\n\r?\n/)
    .filter((block) => block.trim())
    .map((block) => {
      let event = "message";
      const data: string[] = [];
      for (const line of block.split(/\r?\n/)) {
        if (line.startsWith("event:")) event = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
      }
      return { event, data: JSON.parse(data.join("\n")) };
    });
}

export async function streamed<R extends RagRoute>(client: TestApi, account: LoggedIn, route: R, fields: Body) {
  const res = await client.fetch(`/api/v1/rag/${route}`, {
    method: "POST",
    headers: { ...bearer(account), "Content-Type": "application/json", Accept: "text/event-stream" },
    body: JSON.stringify(fields),
  });
  expect(res.status).toBe(200);
  expect(res.headers.get("Content-Type")).toMatch(/^text\/event-stream/);
  // The names are asserted where a test reads an event's data (dataOf).
  return { res, events: parseSse(await res.text()) as RagEvent<R>[] };
}

export function auditEvents(filters: AuditQuery) {
  return auditTrail(api, adminToken, { limit: "100", ...filters });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
