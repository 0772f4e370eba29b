/**
 * A client's treatment plan: read it, replace it, and move a goal through its statuses, each one
 * audited event naming the client (and the goal), never the text.
 *
 * History integrity: a goal is never deleted by a plan replacement. A goal left out of a PUT is
 * marked discontinued (one history entry, by the caller), kept at the end of the list, and can be
 * taken back in by sending its id again. A PATCH to the status a goal already has changes nothing
 * and adds no history entry (a retried request does not double the record).
 */
import { invalidFields, ProblemError } from "../../lib/problem";
import type { UseCaseDeps } from "../../use-case/deps";
import { ownedClient } from "../clients/owned-client";
import { type Keyring, open, openJson, seal, sealContext, sealJson } from "../crypto/field-cipher";
import type { GoalStatus, PlanGoalRow } from "../workspace.table";
import { clientTarget, type WorkspaceDeps, workspaceAction } from "../workspace-action";
import {
  changeGoalStatus,
  findGoal,
  findPlan,
  type GoalStatusChangeRow,
  isClientNote,
  listGoals,
  listNoteDates,
  listStatusChanges,
  type NewGoalStatusChange,
  type NewPlanGoal,
  type PlanRow,
  type PlanWrite,
  writePlan,
} from "./plan.data";
import type { Goal, PatchGoalInput, Plan, PlanText, PutPlanInput } from "./plan.schemas";

const planNotFound = () =>
  new ProblemError(404, { code: "plan_not_found", detail: "This client has no treatment plan yet; PUT one to create it." });
const goalNotFound = () => new ProblemError(404, { code: "goal_not_found", detail: "This client's plan has no goal with this id." });

const bodyContext = (clientId: string) => sealContext("treatment_plans", clientId, "body");
const goalContext = (goalId: string) => sealContext("plan_goals", goalId, "text");

async function toGoal(keyring: Keyring, row: PlanGoalRow, changes: GoalStatusChangeRow[]): Promise<Goal> {
  return {
    id: row.id,
    text: await open(keyring, row.textSealed, goalContext(row.id)),
    status: row.status,
    history: changes
      .filter((change) => change.goalId === row.id)
      .map((change) => ({ status: change.status, at: change.at.toISOString(), by: change.by, note_id: change.noteId })),
  };
}

async function goalsOf(workspace: WorkspaceDeps, clientId: string): Promise<Goal[]> {
  const rows = await listGoals(workspace.db, clientId);
  const changes = await listStatusChanges(
    workspace.db,
    rows.map((row) => row.id),
  );
  return Promise.all(rows.map((row) => toGoal(workspace.keyring, row, changes)));
}

async function toPlan(workspace: WorkspaceDeps, row: PlanRow): Promise<Plan> {
  const body = await openJson<PlanText>(workspace.keyring, row.bodySealed, bodyContext(row.clientId));
  return {
    client_id: row.clientId,
    ...body,
    review_date: row.reviewDate,
    goals: await goalsOf(workspace, row.clientId),
    updated_at: row.updatedAt.toISOString(),
    updated_by: row.updatedBy,
  };
}

async function currentPlan(workspace: WorkspaceDeps, clientId: string): Promise<Plan> {
  const row = await findPlan(workspace.db, clientId);
  if (!row) throw planNotFound();
  return toPlan(workspace, row);
}

export function readPlan(deps: UseCaseDeps, clientId: string): Promise<Plan> {
  return workspaceAction(deps, { action: "workspace.plan.read", target: clientTarget(clientId) }, async (workspace) => {
    await ownedClient(workspace, clientId);
    return currentPlan(workspace, clientId);
  });
}

/**
 * The plan (null before the first save) with the client's notes by session date, for a form that
 * changes a goal's status citing a note: one audited read.
 */
export function readPlanWithNotes(deps: UseCaseDeps, clientId: string) {
  return workspaceAction(deps, { action: "workspace.plan.read", target: clientTarget(clientId) }, async (workspace) => {
    await ownedClient(workspace, clientId);
    const row = await findPlan(workspace.db, clientId);
    return { plan: row ? await toPlan(workspace, row) : null, notes: await listNoteDates(workspace.db, clientId) };
  });
}

export function replacePlan(deps: UseCaseDeps, clientId: string, input: PutPlanInput): Promise<Plan> {
  return workspaceAction(deps, { action: "workspace.plan.update", target: clientTarget(clientId) }, async (workspace) => {
    await ownedClient(workspace, clientId);
    const { keyring, account } = workspace;
    const keyId = keyring.current.id;
    const existing = await listGoals(workspace.db, clientId);
    const existingIds = new Set(existing.map((goal) => goal.id));
    const unknown = input.goals.flatMap((goal, index) =>
      goal.id && !existingIds.has(goal.id)
        ? [{ path: `body.goals.${index}.id`, message: "not a goal of this client's plan; omit id to add a goal" }]
        : [],
    );
    if (unknown.length) throw invalidFields(unknown);

    const { goals, review_date, ...text } = input;
    const write: PlanWrite = {
      plan: {
        clientId,
        bodySealed: await sealJson(keyring, text, bodyContext(clientId)),
        keyId,
        reviewDate: review_date,
        updatedBy: account.id,
      },
      newGoals: [],
      keptGoals: [],
      discontinued: [],
      changes: [],
    };
    for (const [position, goal] of goals.entries()) {
      const id = goal.id ?? crypto.randomUUID();
      const textSealed = await seal(keyring, goal.text, goalContext(id));
      if (goal.id) write.keptGoals.push({ id, position, textSealed, keyId });
      else write.newGoals.push({ id, clientId, position, textSealed, keyId } satisfies NewPlanGoal);
    }
    const kept = new Set(goals.map((goal) => goal.id));
    let position = goals.length;
    for (const goal of existing) {
      if (kept.has(goal.id)) continue;
      write.discontinued.push({ id: goal.id, position: position++ });
      if (goal.status !== "discontinued") write.changes.push({ goalId: goal.id, status: "discontinued", by: account.id });
    }
    await writePlan(workspace.db, write);
    return currentPlan(workspace, clientId);
  });
}

export function changeGoal(deps: UseCaseDeps, clientId: string, goalId: string, input: PatchGoalInput): Promise<Goal> {
  const asked = { goal_id: goalId, status: input.status, ...(input.note_id ? { note_id: input.note_id } : {}) };
  return workspaceAction(deps, { action: "workspace.goal.update", target: clientTarget(clientId), asked }, async (workspace) => {
    await ownedClient(workspace, clientId);
    const [goal] = await findGoal(workspace.db, clientId, goalId);
    if (!goal) throw goalNotFound();
    const noteId = input.note_id ?? null;
    if (noteId && !(await isClientNote(workspace.db, clientId, noteId)))
      throw invalidFields([{ path: "body.note_id", message: "not a note of this client" }]);
    if (goal.status !== input.status) {
      const change: NewGoalStatusChange = { goalId, status: input.status as GoalStatus, by: workspace.account.id, noteId };
      await changeGoalStatus(workspace.db, clientId, goalId, input.status, change);
    }
    const [row] = await findGoal(workspace.db, clientId, goalId);
    return toGoal(workspace.keyring, row, await listStatusChanges(workspace.db, [goalId]));
  });
}
