/** A client's treatment plan with tracked goals (docs/api.md §12): the owner's only; another clinician's client is 404. */
import { createRoute } from "@hono/zod-openapi";
import { workspaceOwner } from "../../auth/guard";
import { bearerSecurity, jsonContent, problemResponses } from "../../lib/schemas";
import { GoalParams, GoalSchema, PatchGoalBody, PlanParams, PlanSchema, PutPlanBody } from "./plan.schemas";

const tags = ["Workspace"];
const security = bearerSecurity;
const middleware = workspaceOwner;

export const readPlanRoute = createRoute({
  method: "get",
  path: "/clients/{id}/plan",
  tags,
  security,
  summary: "The client's current treatment plan with each goal's status and history (404 plan_not_found before the first PUT)",
  middleware,
  request: { params: PlanParams },
  responses: { 200: jsonContent(PlanSchema, "The plan"), ...problemResponses(400, 401, 403, 404, 503) },
});

export const replacePlanRoute = createRoute({
  method: "put",
  path: "/clients/{id}/plan",
  tags,
  security,
  summary: "Create or replace the client's treatment plan; goals sent with their id keep their history, goals left out are discontinued",
  middleware,
  request: { params: PlanParams, body: { required: true, content: { "application/json": { schema: PutPlanBody } } } },
  responses: { 200: jsonContent(PlanSchema, "The plan"), ...problemResponses(400, 401, 403, 404, 413, 415, 503) },
});

export const changeGoalRoute = createRoute({
  method: "patch",
  path: "/clients/{id}/plan/goals/{goal_id}",
  tags,
  security,
  summary: "Change a goal's status, optionally naming the client's note that evidences it; each change is kept in the goal's history",
  middleware,
  request: { params: GoalParams, body: { required: true, content: { "application/json": { schema: PatchGoalBody } } } },
  responses: { 200: jsonContent(GoalSchema, "The goal"), ...problemResponses(400, 401, 403, 404, 413, 415, 503) },
});
