import { createRoute, z } from "@hono/zod-openapi";
import { createMiddleware } from "hono/factory";
import { licensed, type SignedIn } from "../auth/guard";
import type { AppEnv } from "../env";
import { bearerSecurity, problemResponses } from "../lib/schemas";
import { requireReportType } from "./report.flow";
import { ReportInput, SpeechInput } from "./reports.schemas";

const tags = ["Documentation"];

/** Before the body is validated: a client that accepts neither format gets its 406 first. */
const acceptsReport = createMiddleware<AppEnv & SignedIn>(async (c, next) => {
  requireReportType(c.req.header("Accept"));
  await next();
});
const reportGuard: [...typeof licensed, typeof acceptsReport] = [...licensed, acceptsReport];

export const createReportRoute = createRoute({
  method: "post",
  path: "/reports",
  tags,
  security: bearerSecurity,
  summary:
    "A printable report (title, clinician, date and time, content, sources, safety, disclaimer) of a diagnose, treatment, case analysis or note answer; Accept: application/pdf or text/html",
  middleware: reportGuard,
  request: { body: { required: true, content: { "application/json": { schema: ReportInput } } } },
  responses: {
    200: {
      description: "The report (medication considerations only for psychiatrists and admins)",
      content: {
        "application/pdf": { schema: z.string().openapi({ format: "binary" }) },
        "text/html": { schema: z.string() },
      },
    },
    ...problemResponses(400, 401, 403, 406, 413, 415, 503),
  },
});

export const speechRoute = createRoute({
  method: "post",
  path: "/reports/audio",
  tags,
  security: bearerSecurity,
  summary:
    "A spoken summary (text-to-speech) as audio/mpeg, kept in R2 under the caller with the audio retention; its id in the Audio-Id header",
  middleware: licensed,
  request: { body: { required: true, content: { "application/json": { schema: SpeechInput } } } },
  responses: {
    200: {
      description: "MPEG audio",
      headers: z.object({ "Audio-Id": z.uuid(), "Audio-Expires-At": z.iso.datetime() }),
      content: { "audio/mpeg": { schema: z.string().openapi({ format: "binary" }) } },
    },
    ...problemResponses(400, 401, 403, 413, 415, 429, 502, 503, 504),
  },
});
