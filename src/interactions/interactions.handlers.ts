import { audit } from "../audit/audit";
import type { AppRouteHandler } from "../lib/openapi";
import { checkCounts, checkInteractions } from "./check";
import type { checkRoute } from "./interactions.routes";

export const checkHandler: AppRouteHandler<typeof checkRoute> = (c) => {
  const started = Date.now();
  const result = checkInteractions(c.req.valid("json").medications);
  audit(c, {
    userId: c.var.account.id,
    action: "interactions.check",
    outcome: "success",
    latencyMs: Date.now() - started,
    detail: checkCounts(result),
  });
  return c.json(result, 200);
};
