import type { RouteHandler } from "@hono/zod-openapi";
import { audit } from "../audit/audit";
import type { AppEnv } from "../env";
import { createRouter } from "../lib/openapi";
import { checkInteractions } from "./check";
import { checkRoute } from "./interactions.routes";

const checkHandler: RouteHandler<typeof checkRoute, AppEnv> = (c) => {
  const started = Date.now();
  const result = checkInteractions(c.req.valid("json").medications);
  // Counts only: which drugs a clinician checked is clinical information about a patient.
  audit(c, {
    userId: c.get("user").id,
    action: "interactions.check",
    outcome: "success",
    latencyMs: Date.now() - started,
    detail: {
      medications: result.medications.length,
      unrecognised: result.medications.filter((medication) => !medication.recognised).length,
      interactions: result.interactions.length,
    },
  });
  c.header("Cache-Control", "no-store");
  return c.json(result, 200);
};

export const interactionsRouter = createRouter().openapi(checkRoute, checkHandler);
