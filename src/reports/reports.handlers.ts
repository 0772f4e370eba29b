import type { AppRouteHandler } from "../lib/openapi";
import { createReport } from "./report.flow";
import type { createReportRoute, speechRoute } from "./reports.routes";
import { speakSummary } from "./speech.flow";

export const createReportHandler: AppRouteHandler<typeof createReportRoute> = (c) => createReport(c, c.req.valid("json"));
export const speechHandler: AppRouteHandler<typeof speechRoute> = (c) => speakSummary(c, c.req.valid("json").text);
