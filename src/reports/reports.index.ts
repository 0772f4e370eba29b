import { createRouter } from "../lib/openapi";
import { createReportHandler, speechHandler } from "./reports.handlers";
import { createReportRoute, speechRoute } from "./reports.routes";

export const reportsRouter = createRouter().openapi(createReportRoute, createReportHandler).openapi(speechRoute, speechHandler);
