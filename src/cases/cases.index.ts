import type { RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../env";
import { createRouter } from "../lib/openapi";
import { invalidCursor } from "../lib/pagination";
import { ProblemError } from "../lib/problem";
import { analyzeStoredCase } from "./case-analysis";
import { readCase, readCaseIndex } from "./case-store";
import { analyzeCase, getCase, listCases } from "./cases.routes";

const notFound = () => new ProblemError(404, { code: "not_found", detail: "No synthetic case has that id." });

function decodeCaseCursor(cursor: string): string {
  try {
    return atob(cursor);
  } catch {
    throw invalidCursor();
  }
}

const listHandler: RouteHandler<typeof listCases, AppEnv> = async (c) => {
  const { severity, diagnosis, limit, cursor } = c.req.valid("query");
  const needle = diagnosis?.toLowerCase();
  const matching = (await readCaseIndex(c.var.storage)).filter(
    (summary) =>
      (!severity || summary.severity === severity) &&
      (!needle || summary.primary_diagnosis.toLowerCase().includes(needle) || summary.dsm5_code.toLowerCase().startsWith(needle) || summary.icd11_code.toLowerCase().startsWith(needle)),
  );
  const after = cursor ? decodeCaseCursor(cursor) : null;
  const remaining = after === null ? matching : matching.filter((summary) => summary.case_id > after);
  const cases = remaining.slice(0, limit);
  const next = remaining.length > limit ? btoa(cases[cases.length - 1].case_id) : null;
  return c.json({ status: "success" as const, total_cases: matching.length, cases, next_cursor: next }, 200);
};

const getHandler: RouteHandler<typeof getCase, AppEnv> = async (c) => {
  const item = await readCase(c.var.storage, c.req.valid("param").case_id);
  if (!item) throw notFound();
  return c.json(item, 200);
};

const analyzeHandler: RouteHandler<typeof analyzeCase, AppEnv> = async (c) => {
  const item = await readCase(c.var.storage, c.req.valid("param").case_id);
  if (!item) throw notFound();
  return c.json(await analyzeStoredCase(c, item), 200);
};

export const casesRouter = createRouter().openapi(listCases, listHandler).openapi(getCase, getHandler).openapi(analyzeCase, analyzeHandler);
