/** Shapes of the RAG routes: inputs, the answer of shared/API.md §3, and the model's structured output. */
import { z } from "@hono/zod-openapi";
import { KNOWLEDGE_TYPES } from "../knowledge/knowledge.schema";

export const MAX_TEXT = 20_000;

const clinicalText = (name: string) =>
  z
    .string({ error: `${name} must be a string` })
    .max(MAX_TEXT, `${name} must be at most ${MAX_TEXT.toLocaleString("en-US")} characters`)
    .refine((value) => value.trim().length > 0, `${name} must not be empty`);
const optionalContext = z.string({ error: "patient_context must be a string" }).max(MAX_TEXT, `patient_context must be at most ${MAX_TEXT.toLocaleString("en-US")} characters`).optional();

export const DiagnoseInput = z.object({ symptoms: clinicalText("symptoms"), patient_context: optionalContext }).strict().openapi("DiagnoseRequest");
export const TreatmentInput = z.object({ diagnosis: clinicalText("diagnosis"), patient_context: optionalContext }).strict().openapi("TreatmentRequest");

export const RetrievedSourceSchema = z
  .object({ id: z.uuid(), title: z.string(), type: z.enum(KNOWLEDGE_TYPES), dsm5_code: z.string().nullable(), icd11_code: z.string().nullable(), score: z.number() })
  .openapi("RetrievedSource");

export const SafetySchema = z
  .object({
    crisis_detected: z.boolean(),
    indicators: z.array(z.object({ category: z.string(), field: z.string(), evidence: z.string(), temporal: z.string() })),
    resources: z.array(z.object({ name: z.string(), contact: z.string() })),
  })
  .openapi("Safety");

export const AiResponseSchema = z
  .object({ response: z.string(), model_used: z.string(), prompt_tokens: z.number().int(), completion_tokens: z.number().int(), mode: z.enum(["llm", "offline"]) })
  .openapi("AiResponse");

export const DifferentialItem = z.object({
  condition: z.string(),
  dsm5_code: z.string().nullable(),
  icd11_code: z.string().nullable(),
  confidence: z.number().min(0).max(1),
  rationale: z.string(),
  supporting_sources: z.array(z.string()),
});

export const Modality = z.object({ name: z.string(), evidence_level: z.string().nullable(), rationale: z.string(), supporting_sources: z.array(z.string()) });

export const TreatmentPlan = z.object({
  modalities: z.array(Modality),
  goals: z.array(z.string()),
  timeline: z.string(),
  medication_considerations: z.string().nullable().optional(),
});

const answerFrame = {
  status: z.literal("success"),
  ai_response: AiResponseSchema,
  retrieved_sources: z.array(RetrievedSourceSchema),
  safety: SafetySchema,
  disclaimer: z.string(),
};

export const DiagnoseAnswer = z
  .object({ ...answerFrame, query: z.object({ symptoms: z.string(), patient_context: z.string().nullable() }), differential: z.array(DifferentialItem) })
  .openapi("DiagnoseAnswer");

export const TreatmentAnswer = z
  .object({ ...answerFrame, query: z.object({ diagnosis: z.string(), patient_context: z.string().nullable() }), treatment_plan: TreatmentPlan })
  .openapi("TreatmentAnswer");

export type DiagnoseAnswer = z.infer<typeof DiagnoseAnswer>;
export type TreatmentAnswer = z.infer<typeof TreatmentAnswer>;

/** What the model must return (validated with zod, described to it as a strict JSON schema). */
// Confidence outside 0..1 is clamped when the answer is built (rag.specs.ts), not rejected: a
// model that says 1.2 has still given a usable differential, and a retry would cost a chat call.
export const ModelDiagnosis = z.object({ response: z.string().min(1), differential: z.array(DifferentialItem.extend({ confidence: z.number() })).min(1).max(8) });
export const ModelTreatment = z.object({ response: z.string().min(1), treatment_plan: TreatmentPlan.extend({ medication_considerations: z.string().nullable() }) });

const nullableString = { type: ["string", "null"] };
const sourcesArray = { type: "array", items: { type: "string" } };

/** One differential item as JSON schema (for `response_format`; strict mode needs every key required and no extras). */
export const DIFFERENTIAL_ITEM_JSON_SCHEMA = {
  type: "object",
  additionalProperties: false,
  required: ["condition", "dsm5_code", "icd11_code", "confidence", "rationale", "supporting_sources"],
  properties: { condition: { type: "string" }, dsm5_code: nullableString, icd11_code: nullableString, confidence: { type: "number", minimum: 0, maximum: 1 }, rationale: { type: "string" }, supporting_sources: sourcesArray },
} as const;

export const DIAGNOSIS_JSON_SCHEMA = {
  type: "object",
  additionalProperties: false,
  required: ["response", "differential"],
  properties: {
    response: { type: "string", description: "markdown narrative for the clinician" },
    differential: { type: "array", items: DIFFERENTIAL_ITEM_JSON_SCHEMA },
  },
} as const;

export const TREATMENT_JSON_SCHEMA = {
  type: "object",
  additionalProperties: false,
  required: ["response", "treatment_plan"],
  properties: {
    response: { type: "string" },
    treatment_plan: {
      type: "object",
      additionalProperties: false,
      required: ["modalities", "goals", "timeline", "medication_considerations"],
      properties: {
        modalities: {
          type: "array",
          items: {
            type: "object",
            additionalProperties: false,
            required: ["name", "evidence_level", "rationale", "supporting_sources"],
            properties: { name: { type: "string" }, evidence_level: nullableString, rationale: { type: "string" }, supporting_sources: sourcesArray },
          },
        },
        goals: { type: "array", items: { type: "string" } },
        timeline: { type: "string" },
        medication_considerations: nullableString,
      },
    },
  },
} as const;
