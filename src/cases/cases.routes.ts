import { createRoute, z } from "@hono/zod-openapi";
import { licensed, readAccess } from "../auth/guard";
import { COVERAGE_LEVELS } from "../knowledge/coverage";
import { bearerSecurity, jsonContent, problemResponses } from "../lib/schemas";
import { AiResponseSchema, DifferentialItem, RetrievedSourceSchema } from "../rag/rag.schemas";
import { SafetySchema } from "../safety/safety.schema";
import { CASE_ID, CaseSchema, SEVERITIES } from "./case.schemas";

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

export const CaseFindings = z.object({
  suggested_diagnosis_supported: z.boolean(),
  alternative_diagnoses: z.array(DifferentialItem),
  missing_assessments: z.array(z.string()),
  treatment_considerations: z.array(z.string()),
});

export const CaseAnalysisAnswer = z
  .object({
    status: z.literal("success"),
    case_id: z.string(),
    case_data: CaseSchema,
    ai_analysis: AiResponseSchema.extend({ findings: CaseFindings.nullable() }),
    retrieved_documents: z.array(RetrievedSourceSchema),
    knowledge_sources: z.array(z.object({ id: z.string(), title: z.string(), score: z.number() })),
    coverage: z.enum(COVERAGE_LEVELS).openapi({ description: "How well the retrieved sources fit the case (§3 Coverage)" }),
    safety: SafetySchema,
    disclaimer: z.string(),
  })
  .openapi("CaseAnalysisAnswer");
export type CaseAnalysisAnswer = z.infer<typeof CaseAnalysisAnswer>;

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
