import { createRouter } from "../lib/openapi";
import { scoreHandler } from "./assessments.handlers";
import { scoreRoute } from "./assessments.routes";

export const assessmentsRouter = createRouter().openapi(scoreRoute, scoreHandler);
