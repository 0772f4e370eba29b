import { createRouter } from "../lib/openapi";
import { healthCheck, serviceIndex } from "./system.handlers";
import { health, index } from "./system.routes";

export const systemRouter = createRouter().openapi(index, serviceIndex).openapi(health, healthCheck);
