import { createRouter } from "../lib/openapi";
import { crisisResourcesHandler } from "./crisis-resources.handlers";
import { crisisResourcesRoute } from "./crisis-resources.routes";

export const crisisResourcesRouter = createRouter().openapi(crisisResourcesRoute, crisisResourcesHandler);
