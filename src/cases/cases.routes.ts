import { createRoute, z } from "@hono/zod-openapi";
import { licensed, readAccess } from "../auth/guard";
import { bearerSecurity, jsonContent, problemResponses } from "../lib/schemas";
import { CASE_ID, CaseAnalysisAnswer, CaseSchema, SEVERITIES } from "./cases.schemas";

const tags = ["Cases"];
const caseIdParam = z.object({ case_id: z.string().max(64).regex(CASE_ID, "must be a case id: lowercase letters, digits and hyphens") });

export const listCases = createRoute({
  method: "get",
  path: "/synthetic-cases",
  tags,
  security: bearerSecurity,
  summary: "Synthetic cases (full Case objects), filtered by severity and diagnosis (name or code prefix), paginated",
  middleware: readAccess,
  request: {
    query: z.object({
      severity: z.enum(SEVERITIES, { error: `severity must be one of ${SEVERITIES.join(", ")}` }).optional(),
      diagnosis: z.string().trim().min(1).max(100).optional(),
      limit: z.coerce.number().int().min(1).max(100).default(20),
      cursor: z.string().max(200).optional(),
    }),
  },
  responses: {
    200: jsonContent(
      z.object({
        status: z.literal("success"),
        total_cases: z.number().int(),
        cases: z.array(CaseSchema),
        next_cursor: z.string().nullable(),
      }),
      "A page of cases",
    ),
    ...problemResponses(400, 401, 403, 503),
  },
});

export const getCase = createRoute({
  method: "get",
  path: "/synthetic-cases/{case_id}",
  tags,
  security: bearerSecurity,
  summary: "One synthetic case",
  middleware: readAccess,
  request: { params: caseIdParam },
  responses: { 200: jsonContent(CaseSchema, "The case"), ...problemResponses(400, 401, 403, 404, 503) },
});

export const analyzeCase = createRoute({
  method: "get",
  path: "/case-analysis/{case_id}",
  tags,
  security: bearerSecurity,
  summary: "AI analysis of a case against retrieved criteria: differential check, missing assessments, treatment considerations, risk",
  middleware: licensed,
  request: { params: caseIdParam },
  responses: {
    200: jsonContent(CaseAnalysisAnswer, "The analysis"),
    ...problemResponses(400, 401, 403, 404, 429, 502, 503, 504),
  },
});
