/** Diagnoses recorded in a client's record: what the clinician decided, e.g. from a differential (docs/api.md §12). */
import { z } from "@hono/zod-openapi";
import { DIAGNOSIS_VERIFICATIONS } from "../workspace.table";

const verification = z
  .enum(DIAGNOSIS_VERIFICATIONS, { error: `verification must be one of ${DIAGNOSIS_VERIFICATIONS.join(", ")}` })
  .openapi({ description: "FHIR R4 condition verification status: provisional when first recorded from a differential" });

const code = (name: string, pattern: RegExp, example: string) =>
  z
    .string({ error: `${name} must be a string` })
    .trim()
    .max(16, `${name} must be at most 16 characters`)
    .regex(pattern, `${name} must look like ${example}`)
    .nullable()
    .optional();

export const RecordDiagnosisBody = z
  .object({
    condition: z
      .string({ error: "condition must be a string" })
      .trim()
      .min(1, "condition must not be empty")
      .max(200, "condition must be at most 200 characters"),
    // DSM-5-TR lists ICD-10-CM codes (F32.1); ICD-11 MMS codes look like 6A70.1.
    dsm5_code: code("dsm5_code", /^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$/, "F32.1 (the ICD-10-CM code DSM-5-TR lists)"),
    icd11_code: code("icd11_code", /^[0-9A-Z]{4}(\.[0-9A-Z]{1,2})?$/, "6A70.1"),
    verification: verification.default("provisional"),
  })
  .strict()
  .openapi("RecordDiagnosis");
export type RecordDiagnosisInput = z.output<typeof RecordDiagnosisBody>;

export const UpdateDiagnosisBody = z.object({ verification }).strict().openapi("UpdateDiagnosis");

export const DiagnosisSchema = z
  .object({
    id: z.uuid(),
    condition: z.string(),
    dsm5_code: z.string().nullable(),
    icd11_code: z.string().nullable(),
    verification,
    recorded_at: z.iso.datetime(),
    recorded_by: z.uuid(),
    updated_at: z.iso.datetime(),
  })
  .openapi("Diagnosis");
export type Diagnosis = z.infer<typeof DiagnosisSchema>;

export const DiagnosisParams = z.object({
  id: z.uuid("must be a client id (UUID)"),
  diagnosis_id: z.uuid("must be a diagnosis id (UUID)"),
});
