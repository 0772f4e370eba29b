/**
 * The console's safety plan page and the action its script calls: the API's own use case
 * (draftSafetyPlan) behind the console session and CSRF token; JSON in, the draft or a problem out.
 */
import { Hono } from "hono";
import type { AppEnv } from "../../env";
import { handleError } from "../../lib/error-handler";
import { draftSafetyPlan } from "../../safety-plans/safety-plan.flow";
import { SafetyPlanInput } from "../../safety-plans/safety-plans.schemas";
import { useCaseDeps } from "../../use-case/deps";
import { jsonBody } from "../json-body";
import { SafetyPlanPage } from "../pages/safety-plan";
import { renderPage } from "../render";
import { consoleMay, consoleSession, consoleSessionWith } from "../session";

export const safetyPlanPages = new Hono<AppEnv>();

safetyPlanPages.get("/", consoleSession, (c) => renderPage(c, <SafetyPlanPage account={c.var.account} csrfToken={c.var.csrfToken} />));

/** What the page's script posts; a failure is problem+json (the script shows its detail), never an HTML page. */
const draftActions = new Hono<AppEnv>();
draftActions.onError(handleError);
draftActions.post("/", consoleSessionWith(consoleMay("clinical")), jsonBody(SafetyPlanInput), async (c) =>
  c.json(await draftSafetyPlan(useCaseDeps(c), c.req.valid("json"), { action: "safety_plan.create" }), 200),
);
safetyPlanPages.route("/draft", draftActions);
