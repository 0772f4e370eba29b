/** A synthetic case (the Case object of docs/api.md), validated when cases are loaded and read back. */
import { z } from "@hono/zod-openapi";

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
