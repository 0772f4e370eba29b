import { createRouter } from "../lib/openapi";
import { analyzeCaseHandler, getCaseHandler, listCasesHandler } from "./cases.handlers";
import { analyzeCase, getCase, listCases } from "./cases.routes";

export const casesRouter = createRouter()
  .openapi(listCases, listCasesHandler)
  .openapi(getCase, getCaseHandler)
  .openapi(analyzeCase, analyzeCaseHandler);
