import { audit } from "../audit/audit";
import type { AppRouteHandler } from "../lib/openapi";
import { checkInteractions } from "./check";
import type { checkRoute } from "./interactions.routes";

export const checkHandler: AppRouteHandler<typeof checkRoute> = (c) => {
  const started = Date.now();
  const result = checkInteractions(c.req.valid("json").medications);
  // Counts only: which drugs a clinician checked is clinical information about a patient.
  audit(c, {
    userId: c.var.account.id,
    action: "interactions.check",
    outcome: "success",
    latencyMs: Date.now() - started,
    detail: {
      medications: result.medications.length,
      unrecognised: result.medications.filter((medication) => !medication.recognised).length,
      interactions: result.interactions.length,
    },
  });
  return c.json(result, 200);
};
