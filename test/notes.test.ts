/**
 * Session notes (POST /api/v1/notes) as a clinician's client sees them: each format's sections
 * from the model through the OpenAI stub, empty sections saying so, risk screened over the source
 * every time, codes kept only with a retrieved source that carries them, offline extractive
 * notes, notes from the caller's own stored recording (and 404 for anyone else's), bad input,
 * the audit trail without clinical text, and nothing stored.
 */
import { env } from "cloudflare:test";
import { afterEach, describe, expect, it } from "vitest";
import { NOT_DOCUMENTED, NOTE_SECTIONS, type NoteAnswer } from "../src/notes/notes.schemas";
import {
  authHeader,
  createAdmin,
  createVerifiedTherapist,
  errorsAt,
  type LoggedIn,
  readProblem,
  registerAndLogin,
} from "./support/accounts";
import { createTestApi } from "./support/api";
import { auditEvents } from "./support/audit";
import { ok, read } from "./support/client";
import { loadCorpus } from "./support/corpus";
import { scriptOpenAi, stubStats } from "./support/openai-stub";

const api = await createTestApi();
await loadCorpus(api, { embed: true });
const admin = await createAdmin(api);
const adminToken = admin.tokens.access_token;
const offline = await createTestApi({ OPENAI_API_KEY: "" }, { database: api.database });

afterEach(async () => {
  await scriptOpenAi(api.openaiKey, { reset: true });
});

const SESSION =
  "Client reports feeling on edge most days and worrying about work and money for the past eight months. " +
  "She says sleep is poor and she cannot control the worry. " +
  "Affect appeared anxious; she was fidgeting throughout. GAD-7 score 15. " +
  "Therapist introduced diaphragmatic breathing and reviewed a worry log. " +
  "Client responded well and was able to practise the breathing in session. " +
  "Plan: continue weekly CBT, complete the worry log as homework, next session in one week.";
const RISK_SESSION = "Client says she has been thinking about killing herself and has stockpiled pills at home.";

function clinician(): Promise<LoggedIn> {
  return createVerifiedTherapist(api, adminToken);
}

/** The criteria document coded F41.1, found through the search route as a client would. */
async function gadCriteria() {
  const { body } = ok(
    await read(
      api.client.api.v1.search.knowledge.$get({ query: { q: "F41.1", type: "dsm5_criteria" } }, { headers: authHeader(adminToken) }),
    ),
    200,
  );
  const hit = body.results.find((result) => result.dsm5_code === "F41.1");
  expect(hit).toBeDefined();
  return hit!;
}
const gad = await gadCriteria();

async function postNote(user: LoggedIn, body: unknown, client = api) {
  return client.json("/api/v1/notes", body, { headers: authHeader(user.tokens.access_token) });
}

async function note(user: LoggedIn, body: Record<string, unknown>, client = api): Promise<NoteAnswer> {
  const { res, body: answer } = await postNote(user, body, client);
  expect(res.status, JSON.stringify(answer)).toBe(200);
  expect(res.headers.get("Cache-Control")).toBe("no-store");
  return answer as NoteAnswer;
}

/** The model's answer: each section one statement quoting itself (so a verbatim sentence of the source is supported). */
function modelNote(sections: Record<string, string>, codes: unknown[] = []) {
  const statements = Object.fromEntries(
    Object.entries(sections).map(([name, text]) => [name, text.trim() ? [{ text, quotes: [text] }] : []]),
  );
  return JSON.stringify({ response: "Session focused on worry and sleep.", statements, suggested_codes: codes });
}

const PLAN = "Plan: continue weekly CBT, complete the worry log as homework, next session in one week.";

/** Every stored object under audio/ (the only place a note could have left anything). */
async function storedAudioKeys(): Promise<string[]> {
  return (await env.STORAGE.list({ prefix: "audio/" })).objects.map((object) => object.key);
}

describe("notes from the model", () => {
  it.each([
    [
      "soap",
      {
        subjective: "Client reports feeling on edge most days and worrying about work and money for the past eight months.",
        objective: "Affect appeared anxious; she was fidgeting throughout.",
        assessment: "GAD-7 score 15.",
        plan: PLAN,
      },
    ],
    ["dap", { data: "She says sleep is poor and she cannot control the worry.", assessment: "GAD-7 score 15.", plan: PLAN }],
    [
      "birp",
      {
        behavior: "Affect appeared anxious; she was fidgeting throughout.",
        intervention: "Therapist introduced diaphragmatic breathing and reviewed a worry log.",
        response: "Client responded well and was able to practise the breathing in session.",
        plan: PLAN,
      },
    ],
  ] as const)("writes a %s note with exactly its format's sections, risk screened and the model's usage", async (format, sections) => {
    const user = await clinician();
    await scriptOpenAi(api.openaiKey, { chat: [{ content: modelNote(sections) }] });
    const answer = await note(user, { format, text: SESSION });

    expect(answer.format).toBe(format);
    expect(Object.keys(answer.sections)).toEqual([...NOTE_SECTIONS[format]]);
    expect(answer.sections).toEqual(sections);
    expect(answer.risk).toEqual({ crisis_detected: false, categories: [], summary: expect.stringMatching(/no risk indicators/) });
    expect(answer.safety.crisis_detected).toBe(false);
    expect(answer.ai_response).toMatchObject({ mode: "llm", response: "Session focused on worry and sleep." });
    expect(answer.ai_response.prompt_tokens).toBeGreaterThan(0);
    expect(answer.source).toEqual({ input: "text", audio_id: null, chars: SESSION.length, text: SESSION });
  });

  it("says so in a section the model left empty", async () => {
    const user = await clinician();
    await scriptOpenAi(api.openaiKey, {
      chat: [{ content: modelNote({ data: "Client reports worrying most days.", assessment: "  ", plan: "" }) }],
    });
    const answer = await note(user, { format: "dap", text: "Client reports worrying most days." });
    expect(answer.sections).toEqual({ data: "Client reports worrying most days.", assessment: NOT_DOCUMENTED, plan: NOT_DOCUMENTED });
  });

  it("keeps a code only when a retrieved source it cites carries that code", async () => {
    const user = await clinician();
    await scriptOpenAi(api.openaiKey, {
      chat: [
        {
          content: modelNote({ subjective: "s", objective: "o", assessment: "a", plan: "p" }, [
            { code: "F41.1", system: "DSM-5-TR", supporting_sources: [gad.id, crypto.randomUUID()] },
            // Cited, retrieved, but that source does not carry this code: an invented code.
            { code: "F32.1", system: "DSM-5-TR", supporting_sources: [gad.id] },
            // No source at all.
            { code: "6B00", system: "ICD-11", supporting_sources: [] },
            // A source that was never retrieved.
            { code: "F43.10", system: "DSM-5-TR", supporting_sources: [crypto.randomUUID()] },
          ]),
        },
      ],
    });
    const answer = await note(user, { format: "soap", text: SESSION });
    expect(answer.retrieved_sources.map((source) => source.id)).toContain(gad.id);
    expect(answer.suggested_codes).toEqual([{ code: "F41.1", system: "DSM-5-TR", supporting_sources: [gad.id] }]);
  });

  it("screens the source text for risk even when the model's note says nothing of it", async () => {
    const user = await clinician();
    await scriptOpenAi(api.openaiKey, { chat: [{ content: modelNote({ data: "Low mood.", assessment: "Stable.", plan: "Review." }) }] });
    const answer = await note(user, { format: "dap", text: RISK_SESSION });

    expect(answer.risk.crisis_detected).toBe(true);
    expect(answer.risk.categories).toContain("suicidal_ideation");
    expect(answer.risk.summary).toMatch(/assess risk now/);
    expect(answer.safety.resources.map((resource) => resource.name).join(" ")).toMatch(/Find A Helpline/);
    expect(answer.ai_response.response).toMatch(/^## Risk assessment/);
  });

  it("answers an upstream failure as a 502 problem and audits it without the text", async () => {
    const user = await clinician();
    await scriptOpenAi(api.openaiKey, { chat: [{ status: 500 }, { status: 500 }, { status: 500 }] });
    const { res, body } = await postNote(user, { format: "soap", text: SESSION });
    expect(res.status, JSON.stringify(body)).toBe(502);
    const events = await auditEvents(api, adminToken, { user_id: user.user.id, action: "note.create" });
    expect(events.map((event) => event.outcome)).toEqual(["failure"]);
  });
});

describe("offline notes", () => {
  it("fills each section with sentences quoted from the text, and says so where there are none", async () => {
    const user = await clinician();
    const answer = await note(user, { format: "soap", text: SESSION }, offline);

    expect(answer.ai_response.mode).toBe("offline");
    expect(Object.keys(answer.sections)).toEqual(["subjective", "objective", "assessment", "plan"]);
    expect(answer.sections.subjective).toMatch(/^Client reports feeling on edge/);
    expect(answer.sections.objective).toMatch(/Affect appeared anxious/);
    expect(answer.sections.plan).toMatch(/Plan: continue weekly CBT/);
    for (const text of Object.values(answer.sections)) {
      if (text === undefined || text === NOT_DOCUMENTED) continue;
      // Extractive: every sentence is the source's own.
      for (const sentence of text.split(/(?<=[.!?])\s+/)) expect(SESSION).toContain(sentence);
    }

    const sparse = await note(user, { format: "birp", text: "Client reports poor sleep." }, offline);
    expect(sparse.sections).toEqual({
      behavior: "Client reports poor sleep.",
      intervention: NOT_DOCUMENTED,
      response: NOT_DOCUMENTED,
      plan: NOT_DOCUMENTED,
    });
  });

  it("suggests only codes that a retrieved criteria document carries, citing it", async () => {
    const user = await clinician();
    const answer = await note(user, { format: "dap", text: SESSION }, offline);
    expect(answer.suggested_codes.length).toBeGreaterThan(0);
    const byId = new Map(answer.retrieved_sources.map((source) => [source.id, source]));
    for (const code of answer.suggested_codes) {
      expect(code.supporting_sources.length).toBeGreaterThan(0);
      for (const id of code.supporting_sources) {
        const source = byId.get(id);
        expect(code.system === "DSM-5-TR" ? source?.dsm5_code : source?.icd11_code).toBe(code.code);
      }
    }
  });

  it("still screens for risk", async () => {
    const user = await clinician();
    const answer = await note(user, { format: "soap", text: RISK_SESSION }, offline);
    expect(answer.risk.crisis_detected).toBe(true);
    expect(answer.safety.crisis_detected).toBe(true);
  });
});

describe("notes from a stored recording", () => {
  /** A silent WAV stored through the voice route; its audio_id. */
  async function storeRecording(user: LoggedIn): Promise<string> {
    const samples = 4_000;
    const bytes = new Uint8Array(44 + samples * 2);
    const view = new DataView(bytes.buffer);
    bytes.set(new TextEncoder().encode("RIFF"), 0);
    view.setUint32(4, 36 + samples * 2, true);
    bytes.set(new TextEncoder().encode("WAVEfmt "), 8);
    view.setUint32(16, 16, true);
    view.setUint16(20, 1, true);
    view.setUint16(22, 1, true);
    view.setUint32(24, 16_000, true);
    view.setUint32(28, 32_000, true);
    view.setUint16(32, 2, true);
    view.setUint16(34, 16, true);
    bytes.set(new TextEncoder().encode("data"), 36);
    view.setUint32(40, samples * 2, true);
    const { res, body } = await api.json(
      "/voice/transcribe",
      { audio_data: btoa(String.fromCharCode(...bytes)), format: "wav" },
      { headers: authHeader(user.tokens.access_token) },
    );
    expect(res.status, JSON.stringify(body)).toBe(200);
    return (body as { audio_id: string }).audio_id;
  }

  it("transcribes the caller's own recording and writes the note from its transcript", async () => {
    const user = await clinician();
    const audioId = await storeRecording(user);
    const transcript = "Client reports she cannot stop worrying about work. Plan: practise the breathing daily.";
    const before = (await stubStats(api.openaiKey)).transcription ?? 0;
    await scriptOpenAi(api.openaiKey, { transcription: [{ text: transcript }] });

    const answer = await note(user, { format: "soap", audio_id: audioId });
    expect((await stubStats(api.openaiKey)).transcription).toBe(before + 1);
    expect(answer.source).toEqual({ input: "audio", audio_id: audioId, chars: transcript.length, text: transcript });
    expect(answer.risk.crisis_detected).toBe(false);
  });

  it("answers 404 for another user's recording or an unknown id, without calling the model", async () => {
    const owner = await clinician();
    const other = await clinician();
    const audioId = await storeRecording(owner);
    const before = await stubStats(api.openaiKey);

    for (const id of [audioId, crypto.randomUUID()]) {
      const { res, body } = await postNote(other, { format: "soap", audio_id: id });
      expect(res.status).toBe(404);
      expect(body).toMatchObject({ code: "audio_not_found" });
    }
    expect(await stubStats(api.openaiKey)).toEqual(before);
  });
});

describe("bad input", () => {
  it.each([
    ["empty text", { format: "soap", text: "" }, "body.text"],
    ["blank text", { format: "soap", text: " \n\t " }, "body.text"],
    ["oversized text", { format: "soap", text: "a".repeat(20_001) }, "body.text"],
    ["an unknown format", { format: "narrative", text: SESSION }, "body.format"],
    ["both text and audio_id", { format: "soap", text: SESSION, audio_id: crypto.randomUUID() }, "body.text"],
    ["neither text nor audio_id", { format: "soap" }, "body.text"],
    ["an audio_id that is not an id", { format: "soap", audio_id: "../other-user/x" }, "body.audio_id"],
    ["an unknown field", { format: "soap", text: SESSION, patient_name: "x" }, "body.patient_name"],
  ])("%s is a 400 problem naming the field, and nothing is stored or audited", async (_label, body, path) => {
    const user = await clinician();
    const keys = await storedAudioKeys();
    const chats = (await stubStats(api.openaiKey)).chat ?? 0;
    const res = await api.post("/api/v1/notes", body, { headers: authHeader(user.tokens.access_token) });
    const problem = await readProblem(res, 400, "validation_error");
    expect(errorsAt(problem, path).length, JSON.stringify(problem)).toBeGreaterThan(0);
    expect(await storedAudioKeys()).toEqual(keys);
    expect((await stubStats(api.openaiKey)).chat ?? 0).toBe(chats);
    expect(await auditEvents(api, adminToken, { user_id: user.user.id, action: "note.create" })).toEqual([]);
  });

  it("refuses a student (403) and a caller without a token (401)", async () => {
    const student = await registerAndLogin(api);
    const refused = await api.post(
      "/api/v1/notes",
      { format: "soap", text: SESSION },
      { headers: authHeader(student.tokens.access_token) },
    );
    expect(refused.status).toBe(403);
    expect((await api.post("/api/v1/notes", { format: "soap", text: SESSION })).status).toBe(401);
  });
});

describe("audit and storage", () => {
  it("audits sizes and sources, never the text, and stores nothing of the note", async () => {
    const user = await clinician();
    const keys = await storedAudioKeys();
    await note(user, { format: "birp", text: SESSION, client_context: "34-year-old accountant" });
    const [event] = await auditEvents(api, adminToken, { user_id: user.user.id, action: "note.create" });
    expect(event).toMatchObject({
      outcome: "success",
      detail: { format: "birp", input: "text", text_chars: SESSION.length, context_chars: 22, mode: "llm" },
    });
    expect(JSON.stringify(event)).not.toMatch(/worry|accountant|breathing/i);
    expect(await storedAudioKeys()).toEqual(keys);
  });
});
