/**
 * What the console's scripts call: the API's own flows (diagnose, treatment, voice analysis, notes, reports)
 * behind the console session (cookies, CSRF token) instead of a bearer token. Answers are the
 * API's: JSON or Server-Sent Events, and problem+json on failure (a script shows its detail), never
 * an HTML page. Clinical text travels only in request bodies.
 */
import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { validator } from "hono/validator";
import type { z } from "zod";
import { requireLicensed, type SignedInContext } from "../auth/guard";
import type { AppEnv } from "../env";
import { handleError } from "../lib/error-handler";
import { ProblemError, validationProblem } from "../lib/problem";
import { writeNote } from "../notes/note.flow";
import { NoteInput } from "../notes/note.schemas";
import { diagnose } from "../rag/diagnose.flow";
import { DiagnoseInput, TreatmentInput } from "../rag/rag.schemas";
import { recommendTreatment } from "../rag/treatment.flow";
import { createReport, requireReportType } from "../reports/report.flow";
import { ReportInput } from "../reports/report.schemas";
import { assessCrisis } from "../safety/crisis";
import { analyzeRecording, voiceReady } from "../voice/voice.flow";
import { withLeadingEvent } from "./event-stream";
import { type ConsoleContext, consoleSession } from "./session";

export const consoleActions = new Hono<AppEnv>();
consoleActions.onError(handleError);

/**
 * The console session sets the same `account` and `token` the bearer guards set (plus its CSRF
 * token), so the API's flows run on it unchanged; Hono's invariant context type cannot see that.
 */
const signedIn = (c: ConsoleContext) => c as unknown as SignedInContext;

const jsonBody = <T extends z.ZodType>(schema: T) =>
  validator("json", (value): z.infer<T> => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw validationProblem(parsed.error.issues, "body");
    return parsed.data;
  });

/**
 * The answer streams; the safety screen of the same fields the flow screens goes out first, so
 * the crisis banner is on screen before the model has written a word.
 */
consoleActions.post("/diagnose/stream", consoleSession, requireLicensed, jsonBody(DiagnoseInput), async (c) => {
  const input = c.req.valid("json");
  const answer = await diagnose(signedIn(c), input);
  return withLeadingEvent(answer, "safety", assessCrisis({ symptoms: input.symptoms, patient_context: input.patient_context }));
});

consoleActions.post("/treatment/stream", consoleSession, requireLicensed, jsonBody(TreatmentInput), async (c) => {
  const input = c.req.valid("json");
  const answer = await recommendTreatment(signedIn(c), input);
  return withLeadingEvent(answer, "safety", assessCrisis({ diagnosis: input.diagnosis, patient_context: input.patient_context }));
});

/** The page's consent checkbox, stated by its script; without it nothing is uploaded, stored or transcribed. */
const recordingConsent = createMiddleware<AppEnv>(async (c, next) => {
  if (c.req.header("X-Recording-Consent") !== "given") {
    throw new ProblemError(400, {
      code: "consent_required",
      detail: "Confirm that the client consented to recording and analysis before sending audio.",
    });
  }
  await next();
});

consoleActions.post("/voice/analyze", consoleSession, requireLicensed, recordingConsent, voiceReady, async (c) =>
  c.json(await analyzeRecording(signedIn(c)), 200),
);

consoleActions.post("/notes/generate", consoleSession, requireLicensed, jsonBody(NoteInput), async (c) =>
  c.json(await writeNote(signedIn(c), c.req.valid("json")), 200),
);

/** A client that accepts neither report format is refused before the body is read, as the API does. */
const acceptsReport = createMiddleware<AppEnv>(async (c, next) => {
  requireReportType(c.req.header("Accept"));
  await next();
});

/** "Export PDF": the answer shown in the page, rendered by the API's report renderer as the signed-in role may see it. */
consoleActions.post("/reports", consoleSession, requireLicensed, acceptsReport, jsonBody(ReportInput), async (c) =>
  createReport(signedIn(c), c.req.valid("json")),
);
