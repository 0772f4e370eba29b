/** The console's assessments page: the forms, and their server-side scoring with the API's scorer (a POST: answers are clinical). */
import { Hono } from "hono";
import { z } from "zod";
import { scoreQuestionnaire } from "../../assessments/assessment.flow";
import { INSTRUMENT_IDS, INSTRUMENTS, type Instrument, isInstrument } from "../../assessments/instrument-registry";
import type { AppEnv } from "../../env";
import { ProblemError } from "../../lib/problem";
import { useCaseDeps } from "../../use-case/deps";
import { recordMeasure } from "../../workspace/measures/measures.flow";
import { clientChoices } from "../components/save-to-client";
import { AssessmentsPage } from "../pages/assessments";
import { renderPage } from "../render";
import { consoleMay, consoleSession, consoleSessionWith } from "../session";

export const assessmentPages = new Hono<AppEnv>();

assessmentPages.get("/", consoleSession, (c) =>
  renderPage(c, <AssessmentsPage account={c.var.account} csrfToken={c.var.csrfToken} view={{}} />),
);

/** The scorer's complaints for the form: unanswered items by number (the page words them), then anything else it said (branching). */
function formError(problem: ProblemError): { unanswered: number[]; error: string } {
  const errors = problem.problem.errors ?? [];
  const unanswered = errors.filter((e) => e.message.endsWith("got null")).map((e) => Number(e.path.split(".").pop()) + 1);
  const others = errors.filter((e) => !e.message.endsWith("got null")).map((e) => e.message);
  return { unanswered, error: others.join(" ") };
}

/** The form's answers in item order; an unanswered item, a skipped question or a value no radio button offers is null. */
function formAnswers(instrument: Instrument, form: Record<string, unknown>): Array<number | null> {
  return INSTRUMENTS[instrument].items.map((item) => {
    const value = form[`item${item.number}`];
    return item.options.find((option) => String(option.value) === value)?.value ?? null;
  });
}

assessmentPages.post("/", consoleSession, async (c) => {
  const form = await c.req.parseBody();
  if (!isInstrument(form.instrument))
    throw new ProblemError(400, { code: "validation_error", detail: `Choose one of the forms: ${INSTRUMENT_IDS.join(", ")}.` });
  const instrument = form.instrument;
  // An unanswered item, a skipped C-SSRS question or a value no radio button offers stays null; the scorer names any that needed an answer.
  const answers = formAnswers(instrument, form);
  const page = (view: Parameters<typeof AssessmentsPage>[0]["view"], status: 200 | 400 = 200) =>
    renderPage(c, <AssessmentsPage account={c.var.account} csrfToken={c.var.csrfToken} view={view} />, status);
  try {
    return page({
      instrument,
      answers,
      result: await scoreQuestionnaire(useCaseDeps(c), instrument, answers, { action: "assessment.score" }),
      clients: await clientChoices(c),
    });
  } catch (error) {
    if (!(error instanceof ProblemError) || error.status !== 400) throw error;
    return page({ instrument, answers, ...formError(error) }, 400);
  }
});

const SaveMeasureForm = z.object({
  client_id: z.uuid("Choose one of your clients."),
  // The day the client completed the form; stored at noon UTC, so no time zone moves it to another day.
  administered_on: z.iso.date("Give the date the client completed the form."),
});

/**
 * "Save to client…" under a result: the answers are scored again by the workspace's use case
 * and stored in the chosen record, then the clinician lands on its measures.
 */
assessmentPages.post("/save", consoleSessionWith(consoleMay("workspace")), async (c) => {
  const form = await c.req.parseBody();
  if (!isInstrument(form.instrument))
    throw new ProblemError(400, { code: "validation_error", detail: `Choose one of the forms: ${INSTRUMENT_IDS.join(", ")}.` });
  const parsed = SaveMeasureForm.safeParse(form);
  if (!parsed.success)
    throw new ProblemError(400, { code: "validation_error", detail: parsed.error.issues.map((issue) => issue.message).join(" ") });
  const { client_id: clientId, administered_on: day } = parsed.data;
  await recordMeasure(useCaseDeps(c), clientId, {
    instrument: form.instrument,
    responses: formAnswers(form.instrument, form),
    administered_at: `${day}T12:00:00.000Z`,
  });
  return c.redirect(`/app/clients/${clientId}#measures`, 303);
});
