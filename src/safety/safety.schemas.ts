/** The safety block every clinical answer carries, as the API describes it (built by `assessCrisis`). */
import { z } from "@hono/zod-openapi";

export const SafetySchema = z
  .object({
    crisis_detected: z.boolean(),
    indicators: z.array(z.object({ category: z.string(), field: z.string(), evidence: z.string(), temporal: z.string() })),
    resources: z.array(z.object({ name: z.string(), contact: z.string() })),
  })
  .openapi("Safety");
