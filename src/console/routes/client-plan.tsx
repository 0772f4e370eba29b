/**
 * The console's treatment plan pages (docs/api.md §12): /app/clients/{id}/plan shows the plan with
 * each goal's status forms and the form that writes it; a goal's status form posts to
 * /app/clients/{id}/plan/goals/{goal_id}. The note templates page is mounted here too
 * (/app/note-templates), so the console mounts this group once. Every read and write is the API's
 * own use case (audited, refused as over REST) and input is checked by the API's own schemas.
 */
import { Hono } from "hono";
import type { AppEnv } from "../../env";
import { ProblemError } from "../../lib/problem";
import { may } from "../../policy/policy";
import { useCaseDeps } from "../../use-case/deps";
import { readClient } from "../../workspace/clients/clients.flow";
import { changeGoal, readPlanWithNotes, replacePlan } from "../../workspace/plan/plan.flow";
import { GoalParams, PatchGoalBody, PlanParams, PutPlanBody } from "../../workspace/plan/plan.schemas";
import { consoleLocale, type MessageId, t } from "../i18n/i18n";
import { NoWorkspacePage } from "../pages/workspace/clients-list";
import { formFieldOf, type PlanFormState, planFormValues, planInput, postedValues } from "../pages/workspace/plan-form";
import { PlanPage } from "../pages/workspace/plan-page";
import { planPath } from "../pages/workspace/plan-section";
import { parsed } from "../parsed";
import { renderPage } from "../render";
import { type ConsoleContext, consoleMay, consoleSession, consoleSessionWith } from "../session";
import { noteTemplatePages } from "./note-templates";

export const clientPlanPages = new Hono<AppEnv>();

const workspaceSession = consoleSessionWith(consoleMay("workspace"));
const localeOf = (c: ConsoleContext) => consoleLocale(c.var.account, c.req.header("accept-language"));

async function planPage(c: ConsoleContext, clientId: string, form: PlanFormState | null, status: 200 | 400 = 200) {
  const deps = useCaseDeps(c);
  const client = await readClient(deps, clientId);
  const { plan, notes } = await readPlanWithNotes(deps, clientId);
  const saved = c.req.query("saved");
  return renderPage(
    c,
    <PlanPage
      account={c.var.account}
      csrfToken={c.var.csrfToken}
      view={{
        client,
        plan,
        notes,
        form: form ?? { values: planFormValues(plan), errors: {} },
        saved: saved === "plan" || saved === "goal" ? saved : undefined,
      }}
    />,
    status,
  );
}

/** The clinician's message for a refused field, by what kind of field it is. */
function invalidMessage(field: string): MessageId {
  if (field === "review_date") return "plan.invalid.date";
  if (field.endsWith(".target_week")) return "plan.invalid.week";
  if (field.endsWith(".id")) return "plan.invalid.goal";
  return "plan.invalid.text";
}

clientPlanPages.get("/clients/:id/plan", consoleSession, async (c) => {
  if (!may(c.var.account, "workspace")) return renderPage(c, <NoWorkspacePage account={c.var.account} csrfToken={c.var.csrfToken} />);
  return planPage(c, parsed(PlanParams.safeParse(c.req.param()), "path").id, null);
});

clientPlanPages.post("/clients/:id/plan", workspaceSession, async (c) => {
  const clientId = parsed(PlanParams.safeParse(c.req.param()), "path").id;
  const values = postedValues(await c.req.parseBody());
  const { body, rows } = planInput(values);
  const refused = (issues: { path: readonly PropertyKey[] }[]) => {
    const errors: Record<string, string> = {};
    for (const issue of issues) {
      const field = formFieldOf(issue.path, rows);
      errors[field] = t(localeOf(c), invalidMessage(field));
    }
    return planPage(c, clientId, { values, errors }, 400);
  };
  const input = PutPlanBody.safeParse(body);
  if (!input.success) return refused(input.error.issues);
  try {
    await replacePlan(useCaseDeps(c), clientId, input.data);
  } catch (error) {
    // A goal id the plan no longer has (the plan changed in another tab): shown at that goal's row.
    if (!(error instanceof ProblemError) || error.status !== 400) throw error;
    return refused((error.problem.errors ?? []).map((e) => ({ path: e.path.split(".").slice(1) })));
  }
  return c.redirect(`${planPath(clientId)}?saved=plan`, 303);
});

clientPlanPages.post("/clients/:id/plan/goals/:goal_id", workspaceSession, async (c) => {
  const { id, goal_id } = parsed(GoalParams.safeParse(c.req.param()), "path");
  const form = await c.req.parseBody();
  const input = parsed(
    PatchGoalBody.safeParse({
      status: form.status,
      note_id: typeof form.note_id === "string" && form.note_id !== "" ? form.note_id : null,
    }),
    "body",
  );
  await changeGoal(useCaseDeps(c), id, goal_id, input);
  return c.redirect(`${planPath(id)}?saved=goal#goal-${goal_id}`, 303);
});

clientPlanPages.route("/note-templates", noteTemplatePages);
