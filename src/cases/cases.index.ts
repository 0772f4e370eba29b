import type { RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../env";
import { createRouter } from "../lib/openapi";
import { z } from "@hono/zod-openapi";
import { decodeCursor, encodeCursor } from "../lib/pagination";
import { ProblemError } from "../lib/problem";
import { analyzeStoredCase } from "./case-analysis";
import { readCase, readCaseIndex } from "./case-store";
import { CASE_ID } from "./case.schema";
import { analyzeCase, getCase, listCases } from "./cases.routes";

const notFound = () => new ProblemError(404, { code: "not_found", detail: "No synthetic case has that id." });

/** Cases are listed in case_id order; a cursor names the last case_id of the previous page. */
const CASE_LIST = "cases";
const CaseCursorKey = z.tuple([z.string().regex(CASE_ID)]);

const listHandler: RouteHandler<typeof listCases, AppEnv> = async (c) => {
  const { severity, diagnosis, limit, cursor } = c.req.valid("query");
  const needle = diagnosis?.toLowerCase();
  const matching = (await readCaseIndex(c.var.storage)).filter(
    ({ severity: itemSeverity, suggested_diagnosis: diagnosed }) =>
      (!severity || itemSeverity === severity) &&
      (!needle || diagnosed.primary.toLowerCase().includes(needle) || diagnosed.dsm5_code.toLowerCase().startsWith(needle) || diagnosed.icd11_code.toLowerCase().startsWith(needle)),
  );
  const after = cursor ? decodeCursor(CASE_LIST, cursor, CaseCursorKey)[0] : null;
  const remaining = after === null ? matching : matching.filter((item) => item.case_id > after);
  const cases = remaining.slice(0, limit);
  const next = remaining.length > limit ? encodeCursor(CASE_LIST, [cases[cases.length - 1].case_id]) : null;
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
