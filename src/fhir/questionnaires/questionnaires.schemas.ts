/** The FHIR shapes the Questionnaire routes read and answer (docs/api.md §13); only what scoring reads is checked, the rest passes. */
import { z } from "@hono/zod-openapi";

/** Room above the longest instrument (PCL-5, 20 items), as POST /assessments allows. */
const MAX_ITEMS = 50;
/** One answer per question is scored; FHIR lets an item repeat its answer, never this often for our instruments. */
const MAX_ANSWERS = 20;
/** Canonical URLs and code systems: far above any real one. */
const MAX_URL = 500;
/** An R4 QuestionnaireResponse has about 20 elements, an item or answer under 10: room for extensions, not for floods. */
const MAX_RESOURCE_ELEMENTS = 64;
const MAX_ELEMENTS = 32;

const bounded = (name: string, max: number) => z.string().max(max, `${name} must be at most ${max} characters`);

/**
 * A FHIR element that may carry elements we do not read (extensions, ids, text): still accepted, within a
 * bound the document states (maxProperties) and the check enforces.
 */
function element<Shape extends z.ZodRawShape>(shape: Shape, name: string, max = MAX_ELEMENTS) {
  return z
    .looseObject(shape)
    .refine((value) => Object.keys(value).length <= max, { message: `${name} must have at most ${max} elements` })
    .openapi({ maxProperties: max });
}

const AnswerSchema = element(
  {
    valueCoding: element(
      {
        system: bounded("valueCoding.system", MAX_URL).optional(),
        code: bounded("valueCoding.code", 64).optional(),
        display: bounded("valueCoding.display", 500).optional(),
      },
      "valueCoding",
    ).optional(),
    valueInteger: z.number().int().optional(),
  },
  "an answer",
);

const ResponseItemSchema = element(
  {
    linkId: z.string({ error: "linkId must be a string, e.g. item1" }).max(100, "linkId must be at most 100 characters"),
    answer: z.array(AnswerSchema).max(MAX_ANSWERS, `answer must have at most ${MAX_ANSWERS} entries`).optional(),
    item: z.array(z.unknown()).max(MAX_ITEMS, `item must have at most ${MAX_ITEMS} entries`).optional(),
  },
  "an item",
);

export const QuestionnaireResponseBody = element(
  {
    resourceType: z.literal("QuestionnaireResponse", { error: 'resourceType must be "QuestionnaireResponse"' }),
    questionnaire: z
      .string({ error: "questionnaire must be the canonical URL of one of our Questionnaires" })
      .max(MAX_URL, `questionnaire must be at most ${MAX_URL} characters`)
      .openapi({ example: "https://therapy-assistant.dev/fhir/Questionnaire/phq9" }),
    status: z.enum(["completed", "amended"], { error: 'status must be "completed" (or "amended"): only a finished response is scored' }),
    item: z
      .array(ResponseItemSchema, { error: "item must be an array of answered items" })
      .max(MAX_ITEMS, `item must have at most ${MAX_ITEMS} entries`),
  },
  "a QuestionnaireResponse",
  MAX_RESOURCE_ELEMENTS,
).openapi("FhirQuestionnaireResponse", {
  description:
    "A FHIR R4 QuestionnaireResponse to one of GET /fhir/Questionnaire/{instrument}: each answer a valueCoding of the " +
    "Questionnaire's answerOption (code = the §6 answer value) or a valueInteger; an item the branching skips is left out. " +
    `Elements we do not read are accepted: up to ${MAX_RESOURCE_ELEMENTS} on the resource, ${MAX_ELEMENTS} on an item, answer or coding.`,
});
export type QuestionnaireResponseInput = z.output<typeof QuestionnaireResponseBody>;

/** The Questionnaire answer: only the frame is described; the resource itself is FHIR R4's. */
export const FhirQuestionnaireSchema = z
  .looseObject({ resourceType: z.literal("Questionnaire") })
  .openapi("FhirQuestionnaire", { description: "A FHIR R4 Questionnaire (https://hl7.org/fhir/R4/questionnaire.html)" });
