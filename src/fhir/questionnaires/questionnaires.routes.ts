/** The §6 instruments as FHIR Questionnaires, and scoring a returned QuestionnaireResponse (docs/api.md §13). */
import { createRoute, z } from "@hono/zod-openapi";
import { AssessmentResultSchema } from "../../assessments/assessments.schemas";
import { INSTRUMENT_IDS } from "../../assessments/instrument-registry";
import { authenticated } from "../../auth/guard";
import { bearerSecurity, jsonContent, problemResponses } from "../../lib/schemas";
import { FHIR_JSON } from "../terminology";
import { FhirQuestionnaireSchema, QuestionnaireResponseBody } from "./questionnaires.schemas";

const tags = ["FHIR"];

export const getQuestionnaireRoute = createRoute({
  method: "get",
  path: "/fhir/Questionnaire/{instrument}",
  tags,
  security: bearerSecurity,
  summary:
    "A §6 instrument as a FHIR R4 Questionnaire: one choice item per question (linkId item<n>), its answers coded in our " +
    "answer system with their scores (ordinalValue), the C-SSRS branching as enableWhen, and the LOINC panel code where one is confirmed",
  middleware: authenticated,
  request: {
    params: z.object({
      // A bound rather than an enum: an unknown id stays the 404 it always was.
      instrument: z
        .string()
        .max(64, "instrument must be at most 64 characters")
        .openapi({ description: `One of ${INSTRUMENT_IDS.join(", ")}`, example: "phq9" }),
    }),
  },
  responses: {
    200: { description: "The Questionnaire", content: { [FHIR_JSON]: { schema: FhirQuestionnaireSchema } } },
    ...problemResponses(401, 404, 503),
  },
});

export const scoreQuestionnaireResponseRoute = createRoute({
  method: "post",
  path: "/fhir/QuestionnaireResponse",
  tags,
  security: bearerSecurity,
  summary:
    "Score a completed QuestionnaireResponse to one of our Questionnaires exactly as POST /assessments/{instrument} does " +
    "(same validation, errors pointed at body.item.<index>); answers with the §6 result",
  middleware: authenticated,
  request: {
    body: {
      required: true,
      content: { [FHIR_JSON]: { schema: QuestionnaireResponseBody }, "application/json": { schema: QuestionnaireResponseBody } },
    },
  },
  responses: { 200: jsonContent(AssessmentResultSchema, "The score, as §6 answers it"), ...problemResponses(400, 401, 413, 415, 503) },
});
