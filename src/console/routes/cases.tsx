/**
 * The console's case pages: the list (filters and cursor paging of the cases API, validated by
 * its own query schema), a case, and "Analyze case", which runs the API's case-analysis flow
 * and shows the analysis beside the case. The analysis is a POST: the case id is not clinical
 * text, but the action costs an AI call and must not be replayed by a link.
 */
import { Hono } from "hono";
import { analyzeCase as analyzeCaseUseCase } from "../../cases/case-analysis.flow";
import { findCases, readCase } from "../../cases/cases.data";
import { analyzeCase, getCase, listCases } from "../../cases/cases.routes";
import type { AppEnv } from "../../env";
import { ProblemError } from "../../lib/problem";
import { useCaseDeps } from "../../use-case/deps";
import { consoleLocale, t } from "../i18n/i18n";
import { CasePage, type CaseView } from "../pages/case";
import { CasesPage } from "../pages/cases";
import { filledQuery, parsed } from "../parsed";
import { renderPage } from "../render";
import { type ConsoleContext, consoleMay, consoleSession, consoleSessionWith } from "../session";

export const casePages = new Hono<AppEnv>();

/** The problem in the clinician's language: the console's error page shows its detail. */
const caseNotFound = (c: ConsoleContext) =>
  new ProblemError(404, { code: "not_found", detail: t(consoleLocale(c.var.account, c.req.header("accept-language")), "cases.notFound") });

casePages.get("/", consoleSession, async (c) => {
  const query = parsed(listCases.request.query.safeParse(filledQuery(c.req.query())), "query");
  const { total, items, nextCursor } = await findCases(c.var.storage, query);
  const next = new URLSearchParams({
    ...(query.severity ? { severity: query.severity } : {}),
    ...(query.diagnosis ? { diagnosis: query.diagnosis } : {}),
  });
  if (nextCursor) next.set("cursor", nextCursor);
  return renderPage(
    c,
    <CasesPage
      account={c.var.account}
      csrfToken={c.var.csrfToken}
      view={{ severity: query.severity, diagnosis: query.diagnosis, total, items, nextPage: nextCursor ? `/app/cases?${next}` : null }}
    />,
  );
});

async function caseFor(c: ConsoleContext) {
  const { case_id } = parsed(getCase.request.params.safeParse(c.req.param()), "path");
  const item = await readCase(c.var.storage, case_id);
  if (!item) throw caseNotFound(c);
  return item;
}

const casePage = (c: ConsoleContext, view: CaseView, status: 200 | 400 | 403 | 429 | 502 | 503 | 504 = 200) =>
  renderPage(c, <CasePage account={c.var.account} csrfToken={c.var.csrfToken} view={view} />, status);

casePages.get("/:case_id", consoleSession, async (c) => casePage(c, { item: await caseFor(c) }));

casePages.post("/:case_id/analyze", consoleSessionWith(consoleMay("clinical")), async (c) => {
  const { case_id } = parsed(analyzeCase.request.params.safeParse(c.req.param()), "path");
  try {
    const analysis = await analyzeCaseUseCase(useCaseDeps(c), case_id, { action: "case.analyze" });
    return casePage(c, { item: analysis.case_data, analysis });
  } catch (error) {
    // The AI's or the limit's problem is shown beside the case, with the button to retry.
    if (!(error instanceof ProblemError) || ![429, 502, 503, 504].includes(error.status)) throw error;
    const retryAfter = error.problem.headers?.["Retry-After"];
    if (retryAfter) c.header("Retry-After", retryAfter);
    return casePage(c, { item: await caseFor(c), error: error.problem.detail }, error.status as 429 | 502 | 503 | 504);
  }
});
