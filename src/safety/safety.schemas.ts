/** The safety block every clinical answer carries, as the API describes it (built by `assessCrisis`). */
import { z } from "@hono/zod-openapi";
import { LANGUAGES } from "./types";

export const SafetySchema = z
  .object({
    crisis_detected: z.boolean(),
    indicators: z.array(
      z.object({
        category: z.string(),
        field: z.string(),
        evidence: z.string(),
        temporal: z.string(),
        // Set on every indicator the text detector finds; absent on a questionnaire item's (and in answers saved before it existed).
        language: z.enum(LANGUAGES).optional(),
      }),
    ),
    resources: z.array(z.object({ name: z.string(), contact: z.string() })),
  })
  .openapi("Safety");
