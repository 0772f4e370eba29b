/**
 * A synthetic case (the Case object of docs/api.md), validated when cases are loaded and read back,
 * and the case analysis answer (also a report's content).
 */
import { z } from "@hono/zod-openapi";
import { COVERAGE_LEVELS } from "../knowledge/coverage";
import { AiResponseSchema, DifferentialItem, RetrievedSourceSchema } from "../rag/rag.schemas";
import { SafetySchema } from "../safety/safety.schemas";

export const SEVERITIES = ["mild", "moderate", "severe"] as const;
export const CASE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** The most alternative diagnoses a case analysis lists; its prompt states it (case-analysis.prompts.ts). */
export const MAX_ALTERNATIVE_DIAGNOSES = 5;

export const CaseSchema = z
  .object({
    case_id: z.string().regex(CASE_ID),
    patient_demographics: z.object({ age: z.number().int().min(0).max(120), gender: z.string().min(1), occupation: z.string().optional() }),
    presenting_symptoms: z.array(z.string().min(1)).min(1),
    clinical_history: z.string().min(1),
    assessment_notes: z.string().min(1),
    suggested_diagnosis: z.object({
      primary: z.string().min(1),
      dsm5_code: z.string().min(1),
      icd11_code: z.string().min(1),
      confidence: z.number().min(0).max(1),
    }),
    severity: z.enum(SEVERITIES),
    risk_factors: z.array(z.string()),
    protective_factors: z.array(z.string()),
    treatment_recommendations: z.array(z.string()).min(1),
  })
  .strict()
  .openapi("SyntheticCase");

export type SyntheticCase = z.infer<typeof CaseSchema>;

const CaseFindings = z.object({
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
