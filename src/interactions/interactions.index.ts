import { createRouter } from "../lib/openapi";
import { checkHandler } from "./interactions.handlers";
import { checkRoute } from "./interactions.routes";

export const interactionsRouter = createRouter().openapi(checkRoute, checkHandler);
