import type { AppRouteHandler } from "../lib/openapi";
import { ProblemError } from "../lib/problem";
import { useCaseDeps } from "../use-case/deps";
import { analyzeCase } from "./case-analysis.flow";
import { findCases, readCase } from "./cases.data";
import type { analyzeCase as analyzeCaseRoute, getCase, listCases } from "./cases.routes";

const notFound = () => new ProblemError(404, { code: "not_found", detail: "No synthetic case has that id." });

export const listCasesHandler: AppRouteHandler<typeof listCases> = async (c) => {
  const { total, items, nextCursor } = await findCases(c.var.storage, c.req.valid("query"));
  return c.json({ status: "success" as const, total_cases: total, cases: items, next_cursor: nextCursor }, 200);
};

export const getCaseHandler: AppRouteHandler<typeof getCase> = async (c) => {
  const item = await readCase(c.var.storage, c.req.valid("param").case_id);
  if (!item) throw notFound();
  return c.json(item, 200);
};

export const analyzeCaseHandler: AppRouteHandler<typeof analyzeCaseRoute> = async (c) =>
  c.json(await analyzeCase(useCaseDeps(c), c.req.valid("param").case_id, { action: "case.analyze" }), 200);
