/**
 * What "Save to client…" calls (public/app/assets/save-to-client.js): an answer shown in the
 * console goes into one of the clinician's client records through the workspace's own use cases,
 * behind the console session and CSRF token. JSON in, JSON out (problem+json on failure), like
 * the console's other script actions (../actions.ts).
 */
import { Hono } from "hono";
import { validator } from "hono/validator";
import { z } from "zod";
import type { AppEnv } from "../../env";
import { handleError } from "../../lib/error-handler";
import { validationProblem } from "../../lib/problem";
import { useCaseDeps } from "../../use-case/deps";
import { recordDiagnosis } from "../../workspace/diagnoses/diagnoses.flow";
import { RecordDiagnosisBody } from "../../workspace/diagnoses/diagnoses.schemas";
import { createNote } from "../../workspace/notes/client-notes.flow";
import { CreateNoteBody } from "../../workspace/notes/client-notes.schemas";
import { replacePlan } from "../../workspace/plan/plan.flow";
import { PutPlanBody } from "../../workspace/plan/plan.schemas";
import { jsonBody } from "../json-body";
import { consoleMay, consoleSessionWith } from "../session";

export const saveToClientActions = new Hono<AppEnv>();
saveToClientActions.onError(handleError);

const clientParam = validator("param", (value) => {
  const parsed = z.object({ id: z.uuid("must be a client id (UUID)") }).safeParse(value);
  if (!parsed.success) throw validationProblem(parsed.error.issues, "path");
  return parsed.data;
});

/** Where the saved item can be seen. */
const recordUrl = (clientId: string) => `/app/clients/${clientId}`;

// Paths under /:id/save/, which no page route of the client record uses (/:id/notes/:note_id would take "save" for a note id).
saveToClientActions.post(
  "/:id/save/diagnosis",
  consoleSessionWith(consoleMay("workspace")),
  clientParam,
  jsonBody(RecordDiagnosisBody),
  async (c) => {
    const { id } = c.req.valid("param");
    const diagnosis = await recordDiagnosis(useCaseDeps(c), id, c.req.valid("json"));
    return c.json({ saved: diagnosis, record_url: recordUrl(id) }, 201);
  },
);

/** A note the notes page generated, kept as a draft the clinician then reviews, edits and signs. */
saveToClientActions.post(
  "/:id/save/note",
  consoleSessionWith(consoleMay("workspace")),
  clientParam,
  jsonBody(CreateNoteBody),
  async (c) => {
    const { id } = c.req.valid("param");
    const note = await createNote(useCaseDeps(c), id, c.req.valid("json"));
    return c.json({ saved: note, record_url: `${recordUrl(id)}/notes/${note.id}` }, 201);
  },
);

/**
 * A treatment answer's plan as the client's current plan (its SMART goals become tracked goals).
 * It replaces the plan: goals of the old plan are kept, marked discontinued (plan.flow.ts).
 */
saveToClientActions.post("/:id/save/plan", consoleSessionWith(consoleMay("workspace")), clientParam, jsonBody(PutPlanBody), async (c) => {
  const { id } = c.req.valid("param");
  const plan = await replacePlan(useCaseDeps(c), id, c.req.valid("json"));
  return c.json({ saved: plan, record_url: `${recordUrl(id)}/plan` }, 201);
});
