/**
 * The console's tool endpoints (what /app/diagnose, /app/treatment and /app/voice call): the API's
 * flows behind the console session. Refused without a session, without the login's CSRF token,
 * with only a bearer token, or for a student; answers are no-store, problems are problem+json;
 * the stream starts with the safety screen; medication considerations only for prescribers (in
 * the answer and in its exported report); notes and PDF reports through the same session.
 */
import { env } from "cloudflare:test";
import { describe, expect, inject, it } from "vitest";
import { REPORT_FONT_KEY } from "../src/reports/report-font-file";
import { authHeader, createAdmin, createVerifiedTherapist, registerUser } from "./support/accounts";
import { createTestApi } from "./support/api";
import { type ConsoleVisitor, consoleVisitor, ORIGIN } from "./support/console";
import { scriptOpenAi, stubStats } from "./support/openai-stub";

const api = await createTestApi();
const admin = await createAdmin(api);
const newTherapist = () => createVerifiedTherapist(api, admin.tokens.access_token);
const newPsychiatrist = () =>
  createVerifiedTherapist(api, admin.tokens.access_token, { role: "psychiatrist", license_type: "MD", license_number: "MD-98765" });

const GAD_SYMPTOMS = "Excessive worry most days for eight months, restlessness, muscle tension and poor sleep.";
const RISK_SYMPTOMS = "Low mood for months; says she wants to kill herself and has thought about how.";

async function signedIn(account: { user: { email: string }; password: string }): Promise<ConsoleVisitor> {
  const visitor = consoleVisitor(api);
  const res = await visitor.signIn(account.user.email, account.password);
  expect(res.status, await res.clone().text()).toBe(303);
  return visitor;
}

/** A script's JSON POST to a console endpoint, as the page sends it. */
function postAsScript(
  visitor: ConsoleVisitor,
  path: string,
  body: unknown,
  csrfToken: string | null,
  headers: Record<string, string> = {},
) {
  return visitor.fetch(path, {
    method: "POST",
    headers: {
      Origin: ORIGIN,
      "Content-Type": "application/json",
      Accept: "text/event-stream",
      ...(csrfToken ? { "X-CSRF-Token": csrfToken } : {}),
      ...headers,
    },
    body: JSON.stringify(body),
  });
}

type SseEvent = { event: string; data: Record<string, unknown> };

function parseSse(text: string): SseEvent[] {
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

async function expectProblem(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
  const problem = (await res.json()) as { code: string; detail: string };
  expect(problem.code).toBe(code);
  expect(problem.detail.length).toBeGreaterThan(10);
  return problem;
}

const chatCalls = async () => (await stubStats(api.openaiKey)).chat ?? 0;

describe("who may use the console's diagnose stream", () => {
  it("refuses a visitor with no session (401 problem, no AI call)", async () => {
    const before = await chatCalls();
    const res = await postAsScript(consoleVisitor(api), "/app/diagnose/stream", { symptoms: GAD_SYMPTOMS }, null);
    await expectProblem(res, 401, "session_expired");
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(await chatCalls()).toBe(before);
  });

  it("refuses a signed-in visitor without the login's CSRF token, or with another login's", async () => {
    const visitor = await signedIn(await newTherapist());
    const other = await signedIn(await newTherapist());
    const before = await chatCalls();
    await expectProblem(await postAsScript(visitor, "/app/diagnose/stream", { symptoms: GAD_SYMPTOMS }, null), 403, "csrf_token_invalid");
    const foreign = await other.csrfToken();
    await expectProblem(
      await postAsScript(visitor, "/app/diagnose/stream", { symptoms: GAD_SYMPTOMS }, foreign),
      403,
      "csrf_token_invalid",
    );
    expect(await chatCalls()).toBe(before);
  });

  it("does not accept the API's bearer token in place of the session", async () => {
    const therapist = await newTherapist();
    const res = await api.fetch("/app/diagnose/stream", {
      method: "POST",
      headers: { ...authHeader(therapist.tokens.access_token), "Content-Type": "application/json", Origin: ORIGIN },
      body: JSON.stringify({ symptoms: GAD_SYMPTOMS }),
    });
    await expectProblem(res, 401, "session_expired");
  });

  it("refuses a student with 403, and shows the student the verification notice instead of the form", async () => {
    const student = await registerUser(api, { role: "student" });
    const visitor = await signedIn(student);
    const token = await visitor.csrfToken();
    await expectProblem(await postAsScript(visitor, "/app/diagnose/stream", { symptoms: GAD_SYMPTOMS }, token), 403, "forbidden");
    const { res, html } = await visitor.page("/app/diagnose");
    expect(res.status).toBe(200);
    expect(html).toContain("Verification needed");
    expect(html).not.toContain('id="diagnose-form"');
  });

  it("answers invalid input with a 400 validation problem naming the field, and asks no model", async () => {
    const visitor = await signedIn(await newTherapist());
    const token = await visitor.csrfToken();
    const before = await chatCalls();
    const problem = await expectProblem(
      await postAsScript(visitor, "/app/diagnose/stream", { symptoms: "   " }, token),
      400,
      "validation_error",
    );
    expect(problem.detail).toContain("body.symptoms");
    await expectProblem(await postAsScript(visitor, "/app/diagnose/stream", { symptoms: "x", extra: 1 }, token), 400, "validation_error");
    const malformed = await visitor.fetch("/app/diagnose/stream", {
      method: "POST",
      headers: { Origin: ORIGIN, "Content-Type": "application/json", "X-CSRF-Token": token },
      body: "{not json",
    });
    await expectProblem(malformed, 400, "malformed_json");
    expect(await chatCalls()).toBe(before);
  });
});

describe("the diagnose stream", () => {
  it("streams the safety screen first, then sources, deltas and the answer, with no-store", async () => {
    const visitor = await signedIn(await newTherapist());
    const res = await postAsScript(
      visitor,
      "/app/diagnose/stream",
      { symptoms: GAD_SYMPTOMS, patient_context: "34, teacher" },
      await visitor.csrfToken(),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/event-stream/);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const events = parseSse(await res.text());
    expect(events[0]).toEqual({ event: "safety", data: expect.objectContaining({ crisis_detected: false }) });
    expect(events[1].event).toBe("sources");
    expect(events.slice(2, -1).every((e) => e.event === "delta")).toBe(true);
    const done = events.at(-1)!;
    expect(done.event).toBe("done");
    expect(done.data).toMatchObject({ status: "success", query: { symptoms: GAD_SYMPTOMS, patient_context: "34, teacher" } });
    expect(done.data).toHaveProperty("differential");
  });

  it("puts the crisis screen with its resources at the very start when the text shows risk", async () => {
    const visitor = await signedIn(await newTherapist());
    const res = await postAsScript(visitor, "/app/diagnose/stream", { symptoms: RISK_SYMPTOMS }, await visitor.csrfToken());
    const events = parseSse(await res.text());
    expect(events[0].event).toBe("safety");
    const safety = events[0].data as { crisis_detected: boolean; resources: Array<{ name: string }> };
    expect(safety.crisis_detected).toBe(true);
    expect(safety.resources.map((r) => r.name).join(" ")).toMatch(/Find A Helpline/);
    // The flow's own answer agrees with the screen sent first.
    expect((events.at(-1)!.data as { safety: unknown }).safety).toEqual(safety);
  });

  it("ends with an error event carrying a problem when the model's stream breaks", async () => {
    const visitor = await signedIn(await newTherapist());
    await scriptOpenAi(api.openaiKey, { chat: [{ malformed_stream: true }] });
    const res = await postAsScript(visitor, "/app/diagnose/stream", { symptoms: GAD_SYMPTOMS }, await visitor.csrfToken());
    const events = parseSse(await res.text());
    expect(events.at(-1)).toEqual({ event: "error", data: expect.objectContaining({ status: 502 }) });
  });
});

describe("the treatment stream", () => {
  const planOf = async (visitor: ConsoleVisitor) => {
    const res = await postAsScript(
      visitor,
      "/app/treatment/stream",
      { diagnosis: "Generalised anxiety disorder (6B00)" },
      await visitor.csrfToken(),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const done = parseSse(await res.text()).at(-1)!;
    expect(done.event).toBe("done");
    return (done.data as { treatment_plan: Record<string, unknown> }).treatment_plan;
  };

  it("includes medication considerations for a psychiatrist and an admin, and omits them for a therapist", async () => {
    expect(await planOf(await signedIn(await newPsychiatrist()))).toHaveProperty("medication_considerations", expect.any(String));
    expect(await planOf(await signedIn(admin))).toHaveProperty("medication_considerations", expect.any(String));
    expect(Object.keys(await planOf(await signedIn(await newTherapist())))).not.toContain("medication_considerations");
  });
});

/** A valid RIFF/WAVE file: a quarter second of 16-bit mono silence. */
function wav(): Uint8Array {
  const samples = 4_000;
  const bytes = new Uint8Array(44 + samples * 2);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string) =>
    bytes.set(
      Array.from(text, (c) => c.charCodeAt(0)),
      offset,
    );
  ascii(0, "RIFF");
  view.setUint32(4, 36 + samples * 2, true);
  ascii(8, "WAVEfmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, 16_000, true);
  view.setUint32(28, 32_000, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, "data");
  view.setUint32(40, samples * 2, true);
  return bytes;
}

describe("voice analysis from the console", () => {
  const upload = (visitor: ConsoleVisitor, token: string, headers: Record<string, string>) => {
    const form = new FormData();
    form.append("file", new Blob([wav()], { type: "audio/wav" }), "session.wav");
    return visitor.fetch("/app/voice/analyze", {
      method: "POST",
      headers: { Origin: ORIGIN, "X-CSRF-Token": token, ...headers },
      body: form,
    });
  };

  it("refuses audio sent without the consent the page asks for, before transcribing anything", async () => {
    const visitor = await signedIn(await newTherapist());
    const before = (await stubStats(api.openaiKey)).transcription ?? 0;
    await expectProblem(await upload(visitor, await visitor.csrfToken(), {}), 400, "consent_required");
    expect((await stubStats(api.openaiKey)).transcription ?? 0).toBe(before);
  });

  it("transcribes and analyses with consent: transcript, speech metrics, tone, sentiment, safety; no-store", async () => {
    const visitor = await signedIn(await newTherapist());
    const res = await upload(visitor, await visitor.csrfToken(), { "X-Recording-Consent": "given" });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ transcription: expect.stringContaining("worrying"), safety: { crisis_detected: false } });
    for (const field of ["speechRate", "pauseFrequency", "tone", "sentiment", "emotion", "audio_id"]) expect(body).toHaveProperty(field);
  });

  it("refuses the upload without the CSRF token", async () => {
    const visitor = await signedIn(await newTherapist());
    await expectProblem(await upload(visitor, "", { "X-Recording-Consent": "given" }), 403, "csrf_token_invalid");
  });
});

describe("the tool pages", () => {
  it.each([
    ["/app/diagnose", ["Symptoms", "Patient context"], "Analyze", "diagnose.js"],
    ["/app/treatment", ["Diagnosis", "Patient context"], "Get treatment plan", "treatment.js"],
    ["/app/voice", ["Audio file"], "Analyze recording", "voice.js"],
    ["/app/notes", ["Format", "Session text or transcript", "Client context"], "Generate note", "notes.js"],
  ])(
    "%s labels its fields, posts (never puts clinical text in a URL), loads its script and is no-store",
    async (path, labels, button, script) => {
      const visitor = await signedIn(await newTherapist());
      const { res, html } = await visitor.page(path);
      expect(res.status).toBe(200);
      expect(res.headers.get("Cache-Control")).toBe("no-store");
      expect(res.headers.get("Content-Security-Policy")).toContain("script-src 'self'");
      for (const label of labels) expect(html).toMatch(new RegExp(`<label [^>]*for="[^"]+"[^>]*>${label}</label>`));
      expect(html).toContain(`>${button}</button>`);
      expect(html).toContain(`src="/app/assets/${script}"`);
      expect(html).not.toMatch(/<form(?![^>]*method="post")[^>]*>/);
    },
  );
});

describe("notes and reports from the console", () => {
  it("writes a note from session text for a signed-in clinician, no-store; refuses it without the CSRF token", async () => {
    const visitor = await signedIn(await newTherapist());
    const body = { format: "soap", text: "Client reports worry most days and poor sleep; we practised breathing exercises." };
    await expectProblem(await postAsScript(visitor, "/app/notes/generate", body, null), 403, "csrf_token_invalid");
    const res = await postAsScript(visitor, "/app/notes/generate", body, await visitor.csrfToken(), { Accept: "application/json" });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const note = (await res.json()) as { format: string; sections: Record<string, string> };
    expect(note.format).toBe("soap");
    expect(Object.keys(note.sections)).toEqual(["subjective", "objective", "assessment", "plan"]);
  });

  it("exports the shown diagnose answer as a PDF through the API's renderer, and refuses an Accept it cannot serve", async () => {
    await env.STORAGE.put(
      REPORT_FONT_KEY,
      Uint8Array.from(atob(inject("reportFontBase64")), (char) => char.charCodeAt(0)),
    );
    const visitor = await signedIn(await newTherapist());
    const token = await visitor.csrfToken();
    const stream = await postAsScript(visitor, "/app/diagnose/stream", { symptoms: GAD_SYMPTOMS }, token);
    const answer = parseSse(await stream.text()).at(-1)!.data;
    const report = { kind: "diagnose", content: answer };
    const pdf = await postAsScript(visitor, "/app/reports", report, token, { Accept: "application/pdf" });
    expect(pdf.status, await pdf.clone().text()).toBe(200);
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    expect(pdf.headers.get("Content-Disposition")).toMatch(/^attachment; filename="diagnose-report-\d{4}-\d{2}-\d{2}\.pdf"$/);
    expect(pdf.headers.get("Cache-Control")).toBe("no-store");
    expect(new TextDecoder("latin1").decode((await pdf.arrayBuffer()).slice(0, 5))).toBe("%PDF-");
    await expectProblem(await postAsScript(visitor, "/app/reports", report, token, { Accept: "image/png" }), 406, "not_acceptable");
    await expectProblem(
      await postAsScript(visitor, "/app/reports", { kind: "diagnose", content: {} }, token, { Accept: "application/pdf" }),
      400,
      "validation_error",
    );
  });

  it("leaves medication considerations out of a therapist's exported treatment report, and keeps them for a psychiatrist", async () => {
    const psychiatrist = await signedIn(await newPsychiatrist());
    const stream = await postAsScript(
      psychiatrist,
      "/app/treatment/stream",
      { diagnosis: "Generalised anxiety disorder" },
      await psychiatrist.csrfToken(),
    );
    const answer = parseSse(await stream.text()).at(-1)!.data as { treatment_plan: Record<string, unknown> };
    const marker = "Sertraline 50 mg, titrate after two weeks";
    const content = { ...answer, treatment_plan: { ...answer.treatment_plan, medication_considerations: marker } };
    const htmlFor = async (visitor: ConsoleVisitor) => {
      const res = await postAsScript(visitor, "/app/reports", { kind: "treatment", content }, await visitor.csrfToken(), {
        Accept: "text/html",
      });
      expect(res.status).toBe(200);
      return res.text();
    };
    expect(await htmlFor(psychiatrist)).toContain(marker);
    expect(await htmlFor(await signedIn(await newTherapist()))).not.toContain(marker);
  });
});
