import { createRoute, z } from "@hono/zod-openapi";
import { authenticated } from "../auth/guard";
import { bearerSecurity, jsonContent, problemResponses } from "../lib/schemas";
import { SafetySchema } from "../safety/safety.schema";

/**
 * Room above the longest instrument (9 items) so a miscounted form still gets the per-item
 * answer, while a huge array is refused before any item is looked at.
 */
const MAX_RESPONSES = 50;

export const AssessmentResultSchema = z
  .object({
    instrument: z.enum(["phq9", "gad7"]),
    score: z.number().int(),
    max_score: z.number().int(),
    severity: z.string(),
    interpretation: z.string(),
    flags: z.object({ item9_positive: z.boolean().optional(), at_or_above_cutoff: z.boolean() }),
    safety: SafetySchema,
  })
  .openapi("AssessmentResult");

export const scoreRoute = createRoute({
  method: "post",
  path: "/assessments/{instrument}",
  tags: ["Assessments"],
  security: bearerSecurity,
  summary: "Score a PHQ-9 (9 items) or GAD-7 (7 items), each item 0-3, with the published severity bands",
  middleware: authenticated,
  request: {
    params: z.object({ instrument: z.enum(["phq9", "gad7"], { error: "instrument must be phq9 or gad7" }) }),
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z
            .object({
              responses: z
                .array(z.unknown())
                .max(MAX_RESPONSES, `must have at most ${MAX_RESPONSES} items`)
                .openapi({ type: "array", maxItems: MAX_RESPONSES, items: { type: "integer", minimum: 0, maximum: 3 } }),
            })
            .strict(),
        },
      },
    },
  },
  responses: { 200: jsonContent(AssessmentResultSchema, "The score"), ...problemResponses(400, 401, 415, 503) },
});
