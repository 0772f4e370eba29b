/** The FHIR shapes the Questionnaire routes read and answer (docs/api.md §13); only what scoring reads is checked, the rest passes. */
import { z } from "@hono/zod-openapi";

/** Room above the longest instrument (PCL-5, 20 items), as POST /assessments allows. */
const MAX_ITEMS = 50;

const AnswerSchema = z.looseObject({
  valueCoding: z.looseObject({ system: z.string().optional(), code: z.string().optional(), display: z.string().optional() }).optional(),
  valueInteger: z.number().int().optional(),
});

const ResponseItemSchema = z.looseObject({
  linkId: z.string({ error: "linkId must be a string, e.g. item1" }),
  answer: z.array(AnswerSchema).optional(),
  item: z.array(z.unknown()).optional(),
});

export const QuestionnaireResponseBody = z
  .looseObject({
    resourceType: z.literal("QuestionnaireResponse", { error: 'resourceType must be "QuestionnaireResponse"' }),
    questionnaire: z.string({ error: "questionnaire must be the canonical URL of one of our Questionnaires" }).openapi({
      example: "https://therapy-assistant.dev/fhir/Questionnaire/phq9",
    }),
    status: z.enum(["completed", "amended"], { error: 'status must be "completed" (or "amended"): only a finished response is scored' }),
    item: z
      .array(ResponseItemSchema, { error: "item must be an array of answered items" })
      .max(MAX_ITEMS, `item must have at most ${MAX_ITEMS} entries`),
  })
  .openapi("FhirQuestionnaireResponse", {
    description:
      "A FHIR R4 QuestionnaireResponse to one of GET /fhir/Questionnaire/{instrument}: each answer a valueCoding of the " +
      "Questionnaire's answerOption (code = the §6 answer value) or a valueInteger; an item the branching skips is left out.",
  });
export type QuestionnaireResponseInput = z.output<typeof QuestionnaireResponseBody>;

/** The Questionnaire answer: only the frame is described; the resource itself is FHIR R4's. */
export const FhirQuestionnaireSchema = z
  .looseObject({ resourceType: z.literal("Questionnaire") })
  .openapi("FhirQuestionnaire", { description: "A FHIR R4 Questionnaire (https://hl7.org/fhir/R4/questionnaire.html)" });
