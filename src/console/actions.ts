/**
 * What the console's scripts call: the API's own use cases (diagnose, treatment, voice analysis, notes, reports, FHIR)
 * behind the console session (cookies, CSRF token) instead of a bearer token. Answers are the
 * API's: JSON or Server-Sent Events, and problem+json on failure (a script shows its detail), never
 * an HTML page. Clinical text travels only in request bodies.
 */
import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { convertToFhir, fhirFilename } from "../fhir/convert.flow";
import { ConvertInput } from "../fhir/convert.schemas";
import { FHIR_JSON } from "../fhir/terminology";
import { answerStream } from "../grounded-answer/answer-response";
import { handleError } from "../lib/error-handler";
import { ProblemError } from "../lib/problem";
import { writeNote } from "../notes/note.flow";
import { NoteInput } from "../notes/notes.schemas";
import { diagnose } from "../rag/diagnose.flow";
import { DiagnoseInput, TreatmentInput } from "../rag/rag.schemas";
import { recommendTreatment } from "../rag/treatment.flow";
import { renderReport, reportResponse, requireReportType } from "../reports/report.flow";
import { ReportInput } from "../reports/reports.schemas";
import { assessCrisis } from "../safety/crisis";
import { useCaseDeps } from "../use-case/deps";
import { readVoiceUpload } from "../voice/transcription";
import { analyzeRecording, voiceReady } from "../voice/voice.flow";
import { withLeadingEvent } from "./event-stream";
import { jsonBody } from "./json-body";
import { consoleMay, consoleSessionWith } from "./session";

export const consoleActions = new Hono<AppEnv>();
consoleActions.onError(handleError);

/**
 * The answer streams; the safety screen of the same fields the flow screens goes out first, so
 * the crisis banner is on screen before the model has written a word.
 */
consoleActions.post("/diagnose/stream", consoleSessionWith(consoleMay("clinical")), jsonBody(DiagnoseInput), async (c) => {
  const input = c.req.valid("json");
  const deps = useCaseDeps(c);
  const answer = await answerStream(c, (events) => diagnose(deps, input, { action: "rag.diagnose", events }));
  return withLeadingEvent(
    answer,
    "safety",
    assessCrisis({ symptoms: input.symptoms, patient_context: input.patient_context }, deps.country),
  );
});

consoleActions.post("/treatment/stream", consoleSessionWith(consoleMay("clinical")), jsonBody(TreatmentInput), async (c) => {
  const input = c.req.valid("json");
  const deps = useCaseDeps(c);
  const answer = await answerStream(c, (events) => recommendTreatment(deps, input, { action: "rag.treatment", events }));
  return withLeadingEvent(
    answer,
    "safety",
    assessCrisis({ diagnosis: input.diagnosis, patient_context: input.patient_context }, deps.country),
  );
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

consoleActions.post("/voice/analyze", consoleSessionWith(consoleMay("clinical"), recordingConsent, voiceReady), async (c) =>
  c.json(await analyzeRecording(useCaseDeps(c), await readVoiceUpload(c.req.raw), { action: "voice.analyze" }), 200),
);

consoleActions.post("/notes/generate", consoleSessionWith(consoleMay("clinical")), jsonBody(NoteInput), async (c) =>
  c.json(await writeNote(useCaseDeps(c), c.req.valid("json"), { action: "note.create" }), 200),
);

/** A client that accepts neither report format is refused before the body is read, as the API does. */
const acceptsReport = createMiddleware<AppEnv>(async (c, next) => {
  requireReportType(c.req.header("Accept"));
  await next();
});

/** "Export PDF": the answer shown in the page, rendered by the API's report renderer as the signed-in role may see it. */
consoleActions.post("/reports", consoleSessionWith(consoleMay("clinical"), acceptsReport), jsonBody(ReportInput), async (c) =>
  reportResponse(
    await renderReport(useCaseDeps(c), c.req.valid("json"), requireReportType(c.req.header("Accept")), { action: "report.create" }),
  ),
);

/** "Download FHIR": the answer shown in the page as a FHIR R4 Bundle file, by the API's converter (docs/api.md §13). */
consoleActions.post("/fhir/convert", consoleSessionWith(consoleMay("clinical")), jsonBody(ConvertInput), async (c) => {
  const input = c.req.valid("json");
  const bundle = await convertToFhir(useCaseDeps(c), input, { action: "fhir.convert" });
  return c.json(bundle, 200, { "Content-Type": FHIR_JSON, "Content-Disposition": `attachment; filename="${fhirFilename(input.kind)}"` });
});
