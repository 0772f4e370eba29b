import { z } from "@hono/zod-openapi";
import type { AppRouteHandler } from "../lib/openapi";
import { pageByKey } from "../lib/pagination";
import { ProblemError } from "../lib/problem";
import { CASE_ID } from "./case.schemas";
import { analyzeStoredCase } from "./case-analysis.flow";
import { readCase, readCaseIndex } from "./cases.data";
import type { analyzeCase, getCase, listCases } from "./cases.routes";

/** A cursor names the last case_id of the previous page. */
const CaseCursorKey = z.tuple([z.string().regex(CASE_ID)]);

const notFound = () => new ProblemError(404, { code: "not_found", detail: "No synthetic case has that id." });

export const listCasesHandler: AppRouteHandler<typeof listCases> = async (c) => {
  const { severity, diagnosis, limit, cursor } = c.req.valid("query");
  const needle = diagnosis?.toLowerCase();
  const matching = (await readCaseIndex(c.var.storage)).filter(
    ({ severity: itemSeverity, suggested_diagnosis: diagnosed }) =>
      (!severity || itemSeverity === severity) &&
      (!needle ||
        diagnosed.primary.toLowerCase().includes(needle) ||
        diagnosed.dsm5_code.toLowerCase().startsWith(needle) ||
        diagnosed.icd11_code.toLowerCase().startsWith(needle)),
  );
  // Cases are listed in case_id order (the index object keeps them so).
  const { items, nextCursor } = pageByKey("cases", matching, (item) => item.case_id, limit, cursor, CaseCursorKey);
  return c.json({ status: "success" as const, total_cases: matching.length, cases: items, next_cursor: nextCursor }, 200);
};

export const getCaseHandler: AppRouteHandler<typeof getCase> = async (c) => {
  const item = await readCase(c.var.storage, c.req.valid("param").case_id);
  if (!item) throw notFound();
  return c.json(item, 200);
};

export const analyzeCaseHandler: AppRouteHandler<typeof analyzeCase> = async (c) => {
  const item = await readCase(c.var.storage, c.req.valid("param").case_id);
  if (!item) throw notFound();
  return c.json(await analyzeStoredCase(c, item), 200);
};
