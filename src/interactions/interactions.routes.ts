import { createRoute } from "@hono/zod-openapi";
import { authenticated } from "../auth/guard";
import { bearerSecurity, jsonContent, problemResponses } from "../lib/schemas";
import { CheckRequestSchema, InteractionCheckSchema } from "./interactions.schemas";

export const checkRoute = createRoute({
  method: "post",
  path: "/interactions/check",
  tags: ["Interactions"],
  security: bearerSecurity,
  summary:
    "Interactions among 2 to 20 medications (brand or generic names), most severe first, each with effect, " +
    "mechanism, management and reference",
  middleware: authenticated,
  request: { body: { required: true, content: { "application/json": { schema: CheckRequestSchema } } } },
  responses: {
    200: jsonContent(InteractionCheckSchema, "Each name as resolved, and the interactions found"),
    ...problemResponses(400, 401, 415, 503),
  },
});
