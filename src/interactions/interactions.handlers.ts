import type { AppRouteHandler } from "../lib/openapi";
import { useCaseDeps } from "../use-case/deps";
import { checkMedications } from "./interaction-check.flow";
import type { checkRoute } from "./interactions.routes";

export const checkHandler: AppRouteHandler<typeof checkRoute> = async (c) =>
  c.json(await checkMedications(useCaseDeps(c), c.req.valid("json").medications, { action: "interactions.check" }), 200);
