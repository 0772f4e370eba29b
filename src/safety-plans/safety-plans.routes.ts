import { createRoute } from "@hono/zod-openapi";
import { licensed } from "../auth/guard";
import { bearerSecurity, jsonContent, problemResponses } from "../lib/schemas";
import { SafetyPlanAnswer, SafetyPlanInput } from "./safety-plans.schemas";

export const createSafetyPlan = createRoute({
  method: "post",
  path: "/safety-plans",
  tags: ["Documentation"],
  security: bearerSecurity,
  summary:
    "A Stanley–Brown safety plan draft from a text or a clinical answer: each step only from what the source says, the rest left to complete with the client, crisis lines added; nothing stored",
  middleware: licensed,
  request: { body: { required: true, content: { "application/json": { schema: SafetyPlanInput } } } },
  responses: {
    200: jsonContent(SafetyPlanAnswer, "The draft"),
    ...problemResponses(400, 401, 403, 413, 415, 429, 502, 503, 504),
  },
});
