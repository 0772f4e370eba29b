/** Shapes of the RAG routes: inputs, the diagnose and treatment answers, and the model's structured output. */
import { z } from "@hono/zod-openapi";
import { modelText } from "../ai/structured";
import { COVERAGE_LEVELS } from "../knowledge/coverage";
import { KNOWLEDGE_TYPES } from "../knowledge/knowledge.table";
import { thousands } from "../lib/thousands";
import { SafetySchema } from "../safety/safety.schemas";

export const MAX_TEXT = 20_000;
/** The most conditions a differential lists; the diagnose prompt states it (src/rag/prompts.ts). */
export const MAX_DIFFERENTIAL = 6;

const clinicalText = (name: string) =>
  z
    .string({ error: `${name} must be a string` })
    .max(MAX_TEXT, `${name} must be at most ${thousands(MAX_TEXT)} characters`)
    .refine((value) => value.trim().length > 0, `${name} must not be empty`);
const optionalContext = z
  .string({ error: "patient_context must be a string" })
  .max(MAX_TEXT, `patient_context must be at most ${thousands(MAX_TEXT)} characters`)
  .optional();

export const DiagnoseInput = z
  .object({ symptoms: clinicalText("symptoms"), patient_context: optionalContext })
  .strict()
  .openapi("DiagnoseRequest");
export const TreatmentInput = z
  .object({ diagnosis: clinicalText("diagnosis"), patient_context: optionalContext })
  .strict()
  .openapi("TreatmentRequest");

export const RetrievedSourceSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    type: z.enum(KNOWLEDGE_TYPES),
    dsm5_code: z.string().nullable(),
    icd11_code: z.string().nullable(),
    score: z.number(),
  })
  .openapi("RetrievedSource");

export const AiResponseSchema = z
  .object({
    response: z.string(),
    model_used: z.string(),
    prompt_tokens: z.number().int(),
    completion_tokens: z.number().int(),
    mode: z.enum(["llm", "offline"]),
  })
  .openapi("AiResponse");

export const DifferentialItem = z.object({
  condition: z.string(),
  dsm5_code: z.string().nullable(),
  icd11_code: z.string().nullable(),
  confidence: z.number().min(0).max(1),
  rationale: z.string(),
  supporting_sources: z.array(z.string()),
});

const Modality = z.object({
  name: z.string(),
  evidence_level: z.string().nullable(),
  rationale: z.string(),
  supporting_sources: z.array(z.string()),
});

/** The structured template a treatment plan is written in: problems → SMART goals → objectives → interventions → measures. */
const PlanProblem = z.object({ description: z.string(), supporting_sources: z.array(z.string()) });
const SmartGoal = z.object({
  goal: z.string(),
  specific: z.string(),
  measurable: z.string(),
  achievable: z.string(),
  relevant: z.string(),
  time_bound: z.string(),
});
const PlanObjective = z.object({ description: z.string(), target_week: z.number().int().describe("week of treatment, from 1") });
const PlanIntervention = z.object({
  name: z.string(),
  evidence_level: z.string().nullable(),
  frequency: z.string(),
  citations: z.array(z.string()),
});
export const PlanMeasure = z.object({
  instrument: z.string(),
  frequency: z.string().describe("e.g. every two weeks"),
  target: z.string(),
});

const planTemplate = {
  problems: z.array(PlanProblem),
  smart_goals: z.array(SmartGoal),
  objectives: z.array(PlanObjective),
  interventions: z.array(PlanIntervention),
  measures: z.array(PlanMeasure),
};

export const TreatmentPlan = z.object({
  modalities: z.array(Modality),
  goals: z.array(z.string()),
  timeline: z.string(),
  ...planTemplate,
  review_date: z.iso.date().openapi({ description: "when the plan is next reviewed (YYYY-MM-DD)" }),
  medication_considerations: z.string().nullable().optional(),
});

const answerFrame = {
  status: z.literal("success"),
  ai_response: AiResponseSchema,
  retrieved_sources: z.array(RetrievedSourceSchema),
  coverage: z.enum(COVERAGE_LEVELS).openapi({
    description:
      'How well the knowledge base covers the question, from the retrieval scores. "good": the sources fit; "partial": ' +
      'they hold part of what was described; "low": even the best sources hold little of it, so the answer says so ' +
      "plainly and a diagnose answer offers no differential rather than the nearest disorder.",
  }),
  safety: SafetySchema,
  disclaimer: z.string(),
};

export const DiagnoseAnswer = z
  .object({
    ...answerFrame,
    query: z.object({ symptoms: z.string(), patient_context: z.string().nullable() }),
    differential: z.array(DifferentialItem),
  })
  .openapi("DiagnoseAnswer");

export const TreatmentAnswer = z
  .object({
    ...answerFrame,
    query: z.object({ diagnosis: z.string(), patient_context: z.string().nullable() }),
    treatment_plan: TreatmentPlan,
  })
  .openapi("TreatmentAnswer");

export type DiagnoseAnswer = z.infer<typeof DiagnoseAnswer>;
export type TreatmentAnswer = z.infer<typeof TreatmentAnswer>;

/**
 * What the model must return: validated with zod, and described to the model as a strict JSON
 * schema generated from the same zod schema (src/ai/structured.ts).
 */
// Confidence outside 0..1 is clamped when the answer is built (groundDifferential), not rejected:
// a model that says 1.2 has still given a usable differential, and a retry would cost a chat call.
export const ModelDifferentialItem = DifferentialItem.extend({ confidence: z.number().describe("0 to 1") });
export const ModelDiagnosis = z.object({
  response: modelText("markdown narrative for the clinician"),
  // Empty when no source fits: the prompt asks for "no good match" rather than the nearest condition.
  differential: z.array(ModelDifferentialItem).max(MAX_DIFFERENTIAL),
});
// The review date is the server's (the model does not know today's date): the model gives weeks from now.
export const ModelTreatment = z.object({
  response: modelText("markdown narrative for the clinician"),
  treatment_plan: TreatmentPlan.omit({ review_date: true }).extend({
    review_after_weeks: z.number().int().describe("weeks from today until the plan is reviewed, usually 4 to 12"),
    medication_considerations: z.string().nullable(),
  }),
});
/**
 * For a clinician who is not a prescriber the model is not offered the field at all: a streamed
 * answer passes the model's text to the client as it is written, so a field the server would drop
 * at the end must never be written in the first place (strict structured output holds the model to it).
 */
export const ModelTreatmentWithoutMedication = ModelTreatment.extend({
  treatment_plan: ModelTreatment.shape.treatment_plan.omit({ medication_considerations: true }),
});
