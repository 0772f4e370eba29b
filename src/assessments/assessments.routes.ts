import { createRoute, z } from "@hono/zod-openapi";
import { authenticated } from "../auth/guard";
import { bearerSecurity, jsonContent, problemResponses } from "../lib/schemas";
import { AssessmentResultSchema, InstrumentId, InstrumentSchema } from "./assessments.schemas";

/**
 * Room above the longest instrument (PCL-5, 20 items) so a miscounted form still gets the
 * per-item answer, while a huge array is refused before any item is looked at.
 */
const MAX_RESPONSES = 50;

export const listRoute = createRoute({
  method: "get",
  path: "/assessments",
  tags: ["Assessments"],
  security: bearerSecurity,
  summary: "The instruments this API scores, with their items, answers (value and score), bands, cut-off, LOINC codes and licence",
  middleware: authenticated,
  responses: { 200: jsonContent(z.object({ instruments: z.array(InstrumentSchema) }), "The instruments"), ...problemResponses(401, 503) },
});

export const scoreRoute = createRoute({
  method: "post",
  path: "/assessments/{instrument}",
  tags: ["Assessments"],
  security: bearerSecurity,
  summary:
    "Score a questionnaire: one response per item, each an answer's `value` from GET /assessments (null for an item the " +
    "branching skips), with the published bands, cut-off and safety block",
  middleware: authenticated,
  request: {
    params: z.object({ instrument: InstrumentId }),
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z
            .object({
              responses: z
                .array(z.unknown())
                .max(MAX_RESPONSES, `must have at most ${MAX_RESPONSES} items`)
                .openapi({ type: "array", maxItems: MAX_RESPONSES, items: { type: ["integer", "null"], minimum: 0, maximum: 5 } }),
            })
            .strict(),
        },
      },
    },
  },
  responses: { 200: jsonContent(AssessmentResultSchema, "The score"), ...problemResponses(400, 401, 415, 503) },
});
