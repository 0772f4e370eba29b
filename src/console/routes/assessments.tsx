/** The console's assessments page: the forms, and their server-side scoring with the API's scorer (a POST: answers are clinical). */
import { Hono } from "hono";
import { scoreQuestionnaire } from "../../assessments/assessment.flow";
import { INSTRUMENT_IDS, INSTRUMENTS, isInstrument } from "../../assessments/instrument-registry";
import type { AppEnv } from "../../env";
import { ProblemError } from "../../lib/problem";
import { useCaseDeps } from "../../use-case/deps";
import { AssessmentsPage } from "../pages/assessments";
import { renderPage } from "../render";
import { consoleSession } from "../session";

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

assessmentPages.post("/", consoleSession, async (c) => {
  const form = await c.req.parseBody();
  if (!isInstrument(form.instrument))
    throw new ProblemError(400, { code: "validation_error", detail: `Choose one of the forms: ${INSTRUMENT_IDS.join(", ")}.` });
  const instrument = form.instrument;
  // An unanswered item, a skipped C-SSRS question or a value no radio button offers stays null; the scorer names any that needed an answer.
  const answers = INSTRUMENTS[instrument].items.map((item) => {
    const value = form[`item${item.number}`];
    return item.options.find((option) => String(option.value) === value)?.value ?? null;
  });
  const page = (view: Parameters<typeof AssessmentsPage>[0]["view"], status: 200 | 400 = 200) =>
    renderPage(c, <AssessmentsPage account={c.var.account} csrfToken={c.var.csrfToken} view={view} />, status);
  try {
    return page({
      instrument,
      answers,
      result: await scoreQuestionnaire(useCaseDeps(c), instrument, answers, { action: "assessment.score" }),
    });
  } catch (error) {
    if (!(error instanceof ProblemError) || error.status !== 400) throw error;
    return page({ instrument, answers, ...formError(error) }, 400);
  }
});
