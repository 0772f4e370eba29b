import type { AppRouteHandler } from "../lib/openapi";
import { useCaseDeps } from "../use-case/deps";
import { renderReport, reportResponse, requireReportType } from "./report.flow";
import type { createReportRoute, speechRoute } from "./reports.routes";
import { speakSummary } from "./speech.flow";

export const createReportHandler: AppRouteHandler<typeof createReportRoute> = async (c) =>
  reportResponse(
    await renderReport(useCaseDeps(c), c.req.valid("json"), requireReportType(c.req.header("Accept")), { action: "report.create" }),
  );
export const speechHandler: AppRouteHandler<typeof speechRoute> = (c) => speakSummary(c, c.req.valid("json").text);
