import type { AppRouteHandler } from "../../lib/openapi";
import { useCaseDeps } from "../../use-case/deps";
import { changeGoal, readPlan, replacePlan } from "./plan.flow";
import type { changeGoalRoute, readPlanRoute, replacePlanRoute } from "./plan.routes";

export const readPlanHandler: AppRouteHandler<typeof readPlanRoute> = async (c) =>
  c.json(await readPlan(useCaseDeps(c), c.req.valid("param").id), 200);

export const replacePlanHandler: AppRouteHandler<typeof replacePlanRoute> = async (c) =>
  c.json(await replacePlan(useCaseDeps(c), c.req.valid("param").id, c.req.valid("json")), 200);

export const changeGoalHandler: AppRouteHandler<typeof changeGoalRoute> = async (c) => {
  const { id, goal_id } = c.req.valid("param");
  return c.json(await changeGoal(useCaseDeps(c), id, goal_id, c.req.valid("json")), 200);
};
