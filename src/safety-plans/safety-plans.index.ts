import { createRouter } from "../lib/openapi";
import { createSafetyPlanHandler } from "./safety-plans.handlers";
import { createSafetyPlan } from "./safety-plans.routes";

export const safetyPlansRouter = createRouter().openapi(createSafetyPlan, createSafetyPlanHandler);
