import type { AppRouteHandler } from "../lib/openapi";
import { useCaseDeps } from "../use-case/deps";
import { draftSafetyPlan } from "./safety-plan.flow";
import type { createSafetyPlan } from "./safety-plans.routes";

export const createSafetyPlanHandler: AppRouteHandler<typeof createSafetyPlan> = async (c) =>
  c.json(await draftSafetyPlan(useCaseDeps(c), c.req.valid("json"), { action: "safety_plan.create" }), 200);
