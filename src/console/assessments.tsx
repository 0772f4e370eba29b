/** The console's assessments page: the forms, and their server-side scoring with the API's scorer (a POST: answers are clinical). */
import { Hono } from "hono";
import { assess } from "../assessments/assessment";
import { INSTRUMENTS, type Instrument } from "../assessments/scoring";
import type { AppEnv } from "../env";
import { ProblemError } from "../lib/problem";
import { AssessmentsPage } from "./pages/assessments";
import { renderPage } from "./render";
import { consoleSession } from "./session";

export const assessmentPages = new Hono<AppEnv>();

assessmentPages.get("/", consoleSession, (c) =>
  renderPage(c, <AssessmentsPage account={c.var.account} csrfToken={c.var.csrfToken} view={{}} />),
);

const isInstrument = (value: unknown): value is Instrument => value === "phq9" || value === "gad7";

assessmentPages.post("/", consoleSession, async (c) => {
  const form = await c.req.parseBody();
  if (!isInstrument(form.instrument))
    throw new ProblemError(400, { code: "validation_error", detail: "Choose the PHQ-9 or the GAD-7 form." });
  const instrument = form.instrument;
  // An unanswered item stays null, which the scorer reports by its number.
  const answers = Array.from({ length: INSTRUMENTS[instrument].items }, (_, index) => {
    const value = form[`item${index + 1}`];
    return typeof value === "string" && /^[0-3]$/.test(value) ? Number(value) : null;
  });
  const page = (view: Parameters<typeof AssessmentsPage>[0]["view"], status: 200 | 400 = 200) =>
    renderPage(c, <AssessmentsPage account={c.var.account} csrfToken={c.var.csrfToken} view={view} />, status);
  try {
    return page({ instrument, answers, result: assess(instrument, answers) });
  } catch (error) {
    if (!(error instanceof ProblemError) || error.status !== 400) throw error;
    const missing = answers.flatMap((value, index) => (value === null ? [index + 1] : []));
    return page({ instrument, answers, error: `Answer every item before scoring; unanswered: ${missing.join(", ")}.` }, 400);
  }
});
