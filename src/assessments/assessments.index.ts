import { createRouter } from "../lib/openapi";
import { listHandler, scoreHandler } from "./assessments.handlers";
import { listRoute, scoreRoute } from "./assessments.routes";

export const assessmentsRouter = createRouter().openapi(listRoute, listHandler).openapi(scoreRoute, scoreHandler);
