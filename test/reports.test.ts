/**
 * Reports and spoken summaries (POST /api/v1/reports, /api/v1/reports/audio) as a clinician's
 * client sees them: real answers of the diagnose, treatment and note routes turned into PDF and
 * HTML; the PDF read back by an independent parser (PDF.js through unpdf: page count, extractable
 * text with the title, disclaimer and every section heading, the font embedded); the HTML escaped
 * and script-free; a therapist's report without medication considerations; content that does not
 * match its kind, and other bad input, refused with nothing stored; text-to-speech as real MPEG
 * frames kept in R2 under the caller with the audio retention and purged with it.
 */
import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { extractText, getDocumentProxy } from "unpdf";
import { afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import worker from "../src/index";
import type { NoteAnswer } from "../src/notes/notes.schemas";
import type { DiagnoseAnswer, TreatmentAnswer } from "../src/rag/rag.schemas";
import { REPORT_FONT_KEY } from "../src/reports/report-font-file";
import { countMpegFrames, readMpegFrameHeader } from "../tools/support/mpeg-frame.ts";
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
import { loadCorpus } from "./support/corpus";
import { scriptOpenAi, stubStats } from "./support/openai-stub";

const api = await createTestApi();
await loadCorpus(api, { embed: true });
const admin = await createAdmin(api);
const adminToken = admin.tokens.access_token;
const offline = await createTestApi({ OPENAI_API_KEY: "" }, { database: api.database });

const fontBytes = Uint8Array.from(atob(inject("reportFontBase64")), (char) => char.charCodeAt(0));
beforeAll(async () => {
  await env.STORAGE.put(REPORT_FONT_KEY, fontBytes);
});
afterEach(async () => {
  await scriptOpenAi(api.openaiKey, { reset: true });
});

const GAD_SYMPTOMS =
  "Excessive anxiety and worry about work and finances on most days for 8 months, difficult to control; restlessness, fatigue, " +
  "poor concentration, irritability, muscle tension and disturbed sleep.";
const MEDICATION = "SSRIs (escitalopram, sertraline) or SNRIs first line; review at 4-6 weeks.";
const DISCLAIMER_START = "Clinical decision support for licensed professionals only.";

function clinician(role: "therapist" | "psychiatrist" = "therapist"): Promise<LoggedIn> {
  return createVerifiedTherapist(api, adminToken, { role, license_type: role === "psychiatrist" ? "MD" : "LPC" });
}

async function answer<T>(client: typeof api, user: LoggedIn, path: string, body: unknown): Promise<T> {
  const { res, body: json } = await client.json(path, body, { headers: authHeader(user.tokens.access_token) });
  expect(res.status, JSON.stringify(json)).toBe(200);
  return json as T;
}

function report(user: LoggedIn, body: unknown, accept: string, client = api) {
  return client.post("/api/v1/reports", body, { headers: { ...authHeader(user.tokens.access_token), Accept: accept } });
}

async function pdfOf(res: Response) {
  expect(res.status).toBe(200);
  expect(res.headers.get("Content-Type")).toBe("application/pdf");
  expect(res.headers.get("Cache-Control")).toBe("no-store");
  expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="[a-z-]+-report-\d{4}-\d{2}-\d{2}\.pdf"$/);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const document = await getDocumentProxy(bytes.slice());
  const { text } = await extractText(document, { mergePages: true });
  const fonts = new TextDecoder("latin1").decode(bytes);
  return { bytes, pages: document.numPages, text: text.replace(/\s+/g, " "), raw: fonts };
}

async function htmlOf(res: Response) {
  expect(res.status).toBe(200);
  expect(res.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
  expect(res.headers.get("Content-Security-Policy")).toMatch(/default-src 'none'/);
  return res.text();
}

async function storedAudioKeys(prefix = "audio/"): Promise<string[]> {
  return (await env.STORAGE.list({ prefix })).objects.map((object) => object.key);
}

describe("PDF reports", () => {
  it("a diagnose answer as a PDF: title, clinician, every section heading and the disclaimer in extractable text, the font embedded", async () => {
    const user = await clinician();
    // Offline: the answer quotes the retrieved criteria, as long as a typical model answer.
    const diagnosis = await answer<DiagnoseAnswer>(offline, user, "/api/v1/rag/diagnose", { symptoms: GAD_SYMPTOMS });
    const pdf = await pdfOf(await report(user, { kind: "diagnose", content: diagnosis }, "application/pdf"));

    expect(pdf.pages).toBeGreaterThanOrEqual(1);
    for (const heading of [
      "Differential diagnosis report",
      "Presentation",
      "Differential diagnosis",
      "Clinical reasoning",
      "Sources",
      "Safety",
      "Disclaimer",
    ])
      expect(pdf.text).toContain(heading);
    expect(pdf.text).toContain(DISCLAIMER_START);
    expect(pdf.text).toContain(`Clinician: ${user.user.first_name} ${user.user.last_name}`);
    expect(pdf.text).toMatch(/Generated: \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
    expect(pdf.text).toContain(diagnosis.differential[0].condition);
    expect(pdf.text).toContain(diagnosis.retrieved_sources[0].title);
    // The font travels inside the file (a subset), so the PDF reads the same on any machine.
    expect(pdf.raw).toMatch(/\/FontFile2 \d+ 0 R/);
    expect(pdf.raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
    // Subset: a typical report is far smaller than the 740 KiB font.
    expect(pdf.bytes.length).toBeLessThan(150 * 1024);
    console.info(`diagnose report PDF: ${pdf.bytes.length} bytes, ${pdf.pages} page(s)`);
  });

  it("long content flows onto more pages, numbered, with nothing lost at the breaks", async () => {
    const user = await clinician();
    const diagnosis = await answer<DiagnoseAnswer>(api, user, "/api/v1/rag/diagnose", { symptoms: GAD_SYMPTOMS });
    const paragraphs = Array.from(
      { length: 60 },
      (_, i) => `Paragraph ${i + 1} of the reasoning, with enough words to fill a line or two of the page.`,
    );
    const long = { ...diagnosis, ai_response: { ...diagnosis.ai_response, response: paragraphs.join("\n\n") } };
    const pdf = await pdfOf(await report(user, { kind: "diagnose", content: long }, "application/pdf"));

    expect(pdf.pages).toBeGreaterThan(1);
    expect(pdf.text).toContain(`Page ${pdf.pages} of ${pdf.pages}`);
    for (const paragraph of paragraphs) expect(pdf.text).toContain(paragraph);
  });

  it("the longest fields (a 20,000-character word, thousands of short words) are laid out promptly, every character kept", async () => {
    const user = await clinician();
    const note = await answer<NoteAnswer>(offline, user, "/api/v1/notes", { format: "dap", text: "Client reports poor sleep." });
    const content = { ...note, sections: { data: "ж".repeat(20_000), assessment: "word ".repeat(3_999), plan: "x" } };
    const started = Date.now();
    const pdf = await pdfOf(await report(user, { kind: "note", content }, "application/pdf"));
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(pdf.text.replace(/[^ж]/g, "").length).toBe(20_000);
    expect(pdf.pages).toBeGreaterThan(5);
  });

  it("a treatment plan's template (problems, SMART goals, objectives, interventions, measures, review date) as a PDF", async () => {
    const user = await clinician("psychiatrist");
    const plan = await answer<TreatmentAnswer>(offline, user, "/api/v1/rag/treatment", {
      diagnosis: "Generalized anxiety disorder (F41.1)",
    });
    const pdf = await pdfOf(await report(user, { kind: "treatment", content: plan }, "application/pdf", offline));
    for (const heading of [
      "Treatment plan report",
      "Problems",
      "SMART goals",
      "Objectives",
      "Interventions",
      "Measures",
      "Review",
      "Sources",
      "Safety",
      "Disclaimer",
    ])
      expect(pdf.text).toContain(heading);
    expect(pdf.text).toContain("GAD-7, every two weeks");
    expect(pdf.text).toContain(plan.treatment_plan.review_date);
  });

  it("a note as a PDF with each of its format's section headings", async () => {
    const user = await clinician();
    const note = await answer<NoteAnswer>(offline, user, "/api/v1/notes", {
      format: "birp",
      text: "Client reports constant worry. Therapist introduced breathing exercises. Client responded well. Plan: weekly sessions.",
    });
    const pdf = await pdfOf(await report(user, { kind: "note", content: note }, "application/pdf"));
    for (const heading of ["Session note (BIRP)", "Behavior", "Intervention", "Response", "Plan", "Risk", "Suggested codes", "Disclaimer"])
      expect(pdf.text).toContain(heading);
    expect(pdf.text).toContain("Therapist introduced breathing exercises.");
  });

  it("without the font in storage, a PDF is a 503 problem and HTML still works", async () => {
    const user = await clinician();
    const note = await answer<NoteAnswer>(offline, user, "/api/v1/notes", { format: "dap", text: "Client reports poor sleep." });
    await env.STORAGE.delete(REPORT_FONT_KEY);
    try {
      await readProblem(await report(user, { kind: "note", content: note }, "application/pdf"), 503, "report_font_unavailable");
      await htmlOf(await report(user, { kind: "note", content: note }, "text/html"));
    } finally {
      await env.STORAGE.put(REPORT_FONT_KEY, fontBytes);
    }
  });
});

describe("HTML reports", () => {
  it("a printable page with the content escaped, print CSS and no script", async () => {
    const user = await clinician();
    const note = await answer<NoteAnswer>(offline, user, "/api/v1/notes", {
      format: "soap",
      text: "Client reports <script>alert('x')</script> worry & poor sleep. Plan: weekly CBT.",
    });
    const page = await htmlOf(await report(user, { kind: "note", content: note }, "text/html"));

    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain("<h1>Session note (SOAP)</h1>");
    for (const heading of ["Subjective", "Objective", "Assessment", "Plan", "Risk", "Sources", "Safety", "Disclaimer"])
      expect(page).toContain(`<h2>${heading}</h2>`);
    expect(page).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; worry &amp; poor sleep.");
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain("@page");
    expect(page).toContain(DISCLAIMER_START);
  });
});

describe("what a role may see", () => {
  it("a therapist's treatment report has no medication considerations, even when the content carries them; a psychiatrist's has them", async () => {
    const psychiatrist = await clinician("psychiatrist");
    const therapist = await clinician();
    await scriptOpenAi(api.openaiKey, {
      chat: [
        {
          content: JSON.stringify({
            response: "CBT first.",
            treatment_plan: {
              modalities: [{ name: "CBT", evidence_level: "A", rationale: "First line.", supporting_sources: [] }],
              goals: ["GAD-7 below 10"],
              timeline: "12 weekly sessions.",
              problems: [],
              smart_goals: [],
              objectives: [],
              interventions: [],
              measures: [{ instrument: "GAD-7", frequency: "every two weeks", target: "below 10" }],
              review_after_weeks: 8,
              medication_considerations: MEDICATION,
            },
          }),
        },
      ],
    });
    const plan = await answer<TreatmentAnswer>(api, psychiatrist, "/api/v1/rag/treatment", { diagnosis: "Generalized anxiety disorder" });
    expect(plan.treatment_plan.medication_considerations).toBe(MEDICATION);
    const body = { kind: "treatment", content: plan };

    const theirs = await pdfOf(await report(psychiatrist, body, "application/pdf"));
    expect(theirs.text).toContain("Medication considerations");
    expect(theirs.text).toContain("escitalopram");

    const forTherapist = await pdfOf(await report(therapist, body, "application/pdf"));
    expect(forTherapist.text).not.toContain("Medication considerations");
    expect(forTherapist.text).not.toContain("escitalopram");
    const page = await htmlOf(await report(therapist, body, "text/html"));
    expect(page).not.toContain("Medication considerations");
    expect(page).not.toContain("escitalopram");
  });
});

/** A note-shaped content built from another answer's common fields. */
const noteOf = (frame: DiagnoseAnswer) => ({
  status: "success",
  source: { input: "text", audio_id: null, chars: 10 },
  risk: { crisis_detected: false, categories: [], summary: "none" },
  safety: frame.safety,
  suggested_codes: [],
  ai_response: frame.ai_response,
  retrieved_sources: frame.retrieved_sources,
  disclaimer: frame.disclaimer,
});

describe("bad report requests", () => {
  let user: LoggedIn;
  let diagnosis: DiagnoseAnswer;
  beforeAll(async () => {
    user = await clinician();
    diagnosis = await answer<DiagnoseAnswer>(offline, user, "/api/v1/rag/diagnose", { symptoms: GAD_SYMPTOMS });
  });

  it.each([
    ["content of another kind", () => ({ kind: "treatment", content: diagnosis }), "body.content.query.diagnosis"],
    [
      "content missing a field",
      () => ({ kind: "diagnose", content: { ...diagnosis, differential: undefined } }),
      "body.content.differential",
    ],
    ["an unknown kind", () => ({ kind: "invoice", content: diagnosis }), "body.kind"],
    ["no content", () => ({ kind: "diagnose" }), "body.content"],
    [
      "a field over 20,000 characters",
      () => ({ kind: "diagnose", content: { ...diagnosis, disclaimer: "a".repeat(20_001) } }),
      "body.content.disclaimer",
    ],
    [
      "a note with another format's sections",
      () => ({ kind: "note", content: { ...noteOf(diagnosis), format: "soap", sections: { data: "d", assessment: "a", plan: "p" } } }),
      "body.content.sections",
    ],
  ])("%s is a 400 problem naming the field", async (_label, body, path) => {
    const problem = await readProblem(await report(user, body(), "application/pdf"), 400, "validation_error");
    expect(errorsAt(problem, path).length, JSON.stringify(problem)).toBeGreaterThan(0);
  });

  it.each(["application/json", "*/*", "image/png", "application/pdf;q=0"])("Accept: %s is a 406 problem", async (accept) => {
    await readProblem(await report(user, { kind: "diagnose", content: diagnosis }, accept), 406, "not_acceptable");
  });

  it("picks the format the client prefers by quality", async () => {
    const res = await report(user, { kind: "diagnose", content: diagnosis }, "application/pdf;q=0.5, text/html");
    expect(res.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
  });

  it("refuses a student (403) and a caller without a token (401)", async () => {
    const student = await registerAndLogin(api);
    expect((await report(student, { kind: "diagnose", content: diagnosis }, "text/html")).status).toBe(403);
    expect((await api.post("/api/v1/reports", { kind: "diagnose", content: diagnosis }, { headers: { Accept: "text/html" } })).status).toBe(
      401,
    );
  });

  it("audits the kind, format and size, never the content", async () => {
    const before = await storedAudioKeys("");
    await pdfOf(await report(user, { kind: "diagnose", content: diagnosis }, "application/pdf"));
    expect(await storedAudioKeys("")).toEqual(before);
    const [event] = await auditEvents(api, adminToken, { user_id: user.user.id, action: "report.create" });
    expect(event).toMatchObject({ outcome: "success", detail: { kind: "diagnose", format: "pdf", bytes: expect.any(Number) } });
    expect(JSON.stringify(event)).not.toMatch(/worry|anxiety/i);
  });
});

describe("spoken summaries", () => {
  it("answers audio/mpeg made of valid MPEG frames, kept in R2 under the caller with the audio retention", async () => {
    const user = await clinician();
    const before = (await stubStats(api.openaiKey)) as Record<string, number>;
    const res = await api.post(
      "/api/v1/reports/audio",
      { text: "Session summary: worry is easing; continue weekly CBT." },
      { headers: authHeader(user.tokens.access_token) },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("audio/mpeg");
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const audio = new Uint8Array(await res.arrayBuffer());
    expect(readMpegFrameHeader(audio)).toMatchObject({ layer: 3 });
    expect(countMpegFrames(audio)).toBeGreaterThan(0);
    expect(((await stubStats(api.openaiKey)) as Record<string, number>).speech).toBe((before.speech ?? 0) + 1);

    const audioId = res.headers.get("Audio-Id");
    const key = `audio/${user.user.id}/${audioId}.mp3`;
    const stored = await env.STORAGE.get(key);
    expect(stored).not.toBeNull();
    expect(new Uint8Array(await stored!.arrayBuffer())).toEqual(audio);
    const expiresAt = Date.parse(stored!.customMetadata?.expires_at ?? "");
    expect(Math.round((expiresAt - Date.now()) / 86_400_000)).toBe(Number(api.env.AUDIO_RETENTION_DAYS));

    // The daily purge removes it once it has expired.
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: expiresAt + 1000, cron: "0 3 * * *" }), api.env, ctx);
    await waitOnExecutionContext(ctx);
    expect(await env.STORAGE.get(key)).toBeNull();
  });

  it("is a 503 ai_not_configured offline, and an upstream failure a 502 that stores nothing", async () => {
    const user = await clinician();
    const text = { text: "Summary." };
    await readProblem(
      await offline.post("/api/v1/reports/audio", text, { headers: authHeader(user.tokens.access_token) }),
      503,
      "ai_not_configured",
    );
    const keys = await storedAudioKeys();
    await scriptOpenAi(api.openaiKey, { speech: [{ status: 500 }, { status: 500 }, { status: 500 }] });
    await readProblem(
      await api.post("/api/v1/reports/audio", text, { headers: authHeader(user.tokens.access_token) }),
      502,
      "ai_upstream_error",
    );
    expect(await storedAudioKeys()).toEqual(keys);
  });

  it.each([
    ["empty text", { text: "" }],
    ["blank text", { text: "  \n " }],
    ["text over 4,000 characters", { text: "a".repeat(4_001) }],
    ["no text", {}],
  ])("%s is a 400 problem that calls nothing and stores nothing", async (_label, body) => {
    const user = await clinician();
    const keys = await storedAudioKeys();
    const before = (await stubStats(api.openaiKey)) as Record<string, number>;
    const problem = await readProblem(
      await api.post("/api/v1/reports/audio", body, { headers: authHeader(user.tokens.access_token) }),
      400,
      "validation_error",
    );
    expect(errorsAt(problem, "body.text").length).toBeGreaterThan(0);
    expect(((await stubStats(api.openaiKey)) as Record<string, number>).speech ?? 0).toBe(before.speech ?? 0);
    expect(await storedAudioKeys()).toEqual(keys);
  });
});
