/** Safety plans: the request (a text or a clinical answer), the draft, and the model's structured output. */
import { z } from "@hono/zod-openapi";
import { thousands } from "../lib/thousands";
import { NOTE_SECTIONS } from "../notes/notes.schemas";
import { MAX_TEXT } from "../rag/rag.schemas";
import { SafetySchema } from "../safety/safety.schemas";
import { PLAN_LANGUAGES, SAFETY_PLAN_SECTIONS } from "./safety-plan-labels";

const limited = (name: string) =>
  z.string({ error: `${name} must be a string` }).max(MAX_TEXT, `${name} must be at most ${thousands(MAX_TEXT)} characters`);

/** Every section name a note may have (SOAP, DAP, BIRP). */
const NOTE_SECTION_NAMES = [...new Set(Object.values(NOTE_SECTIONS).flat())];

/**
 * The fields of a diagnose, treatment, case analysis, note or voice answer that hold what the
 * client said; the rest of the answer may come along and is dropped unread (zod's default for
 * unknown keys), so a client can send the answer as it received it, and the schema stays bounded.
 */
const AnswerSource = z
  .object({
    query: z
      .object({
        symptoms: limited("answer.query.symptoms").optional(),
        diagnosis: limited("answer.query.diagnosis").optional(),
        patient_context: limited("answer.query.patient_context").nullable().optional(),
      })
      .optional(),
    sections: z
      .object(Object.fromEntries(NOTE_SECTION_NAMES.map((name) => [name, limited(`answer.sections.${name}`).optional()])))
      .optional(),
    transcription: limited("answer.transcription").optional(),
    case_data: z
      .object({
        presenting_symptoms: z.array(limited("answer.case_data.presenting_symptoms")).max(200).optional(),
        clinical_history: limited("answer.case_data.clinical_history").optional(),
        assessment_notes: limited("answer.case_data.assessment_notes").optional(),
      })
      .optional(),
    safety: z.object({ indicators: z.array(z.object({ evidence: limited("answer.safety.indicators.evidence") })).max(200) }).optional(),
  })
  .openapi("SafetyPlanAnswerSource", {
    description:
      "a diagnose, treatment, case analysis, note or voice answer as received: the plan is drafted from its query, sections, transcription, case data and the safety block's evidence",
  });
export type AnswerSource = z.infer<typeof AnswerSource>;

export const SafetyPlanInput = z
  .object({
    text: limited("text")
      .refine((value) => value.trim().length > 0, "text must not be empty")
      .optional()
      .openapi({ description: "what the client said or the session text (≤ 20,000 characters); or send answer" }),
    answer: AnswerSource.optional(),
    language: z
      .enum(PLAN_LANGUAGES, { error: `language must be one of ${PLAN_LANGUAGES.join(", ")}` })
      .optional()
      .openapi({ description: "the client's language for the plan's headings (default en); the items stay in the words of the source" }),
  })
  .strict()
  .refine((input) => (input.text === undefined) !== (input.answer === undefined), {
    message: "Send exactly one of text or answer.",
    path: ["text"],
  })
  .openapi("SafetyPlanRequest");
export type SafetyPlanInput = z.infer<typeof SafetyPlanInput>;

const PlanSection = z
  .object({
    title: z.string(),
    /** Quotes or close paraphrases of the source; never advice the source does not contain. */
    items: z.array(z.string()),
    /** "To complete with the client." (in the plan's language) when the source has nothing for the step; else null. */
    placeholder: z.string().nullable(),
  })
  .openapi("SafetyPlanSection");

export const SafetyPlanAnswer = z
  .object({
    status: z.literal("success"),
    language: z.enum(PLAN_LANGUAGES),
    sections: z.object({
      warning_signs: PlanSection,
      coping_strategies: PlanSection,
      social_distractions: PlanSection,
      people_to_ask: PlanSection,
      professionals_and_agencies: PlanSection,
      safe_environment: PlanSection,
      reasons_for_living: PlanSection,
    }),
    crisis_resources: SafetySchema.shape.resources,
    filled_from_source: z.array(z.enum(SAFETY_PLAN_SECTIONS)),
    mode: z.enum(["llm", "offline"]),
  })
  .openapi("SafetyPlan");
export type SafetyPlanAnswer = z.infer<typeof SafetyPlanAnswer>;

/** The model's output: every step required (strict structured outputs), an empty list when the source says nothing for it. */
const modelItems = (what: string) =>
  z.array(z.string()).describe(`${what}: each item a quote or close paraphrase of the SOURCE TEXT; [] when it says nothing`);
export const ModelSafetyPlan = z.object({
  sections: z.object({
    warning_signs: modelItems("thoughts, moods, situations or behaviours the client says come before a crisis"),
    coping_strategies: modelItems("things the client says they can do alone to calm down or take their mind off things"),
    social_distractions: modelItems("people or social places the client says take their mind off things"),
    people_to_ask: modelItems("people the client says they could ask or tell when in crisis"),
    professionals_and_agencies: modelItems("professionals, clinics or services the client names"),
    safe_environment: modelItems("what the client says about access to means (firearms, medication, blades…) and making them safe"),
    reasons_for_living: modelItems("what the client says is worth living for"),
  }),
});
