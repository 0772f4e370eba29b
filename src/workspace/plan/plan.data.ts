/** Treatment plans, their goals and each goal's status history in Postgres, always scoped to one client. */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Database } from "../../lib/db";
import { clientNotes, type GoalStatus, goalStatusChanges, planGoals, treatmentPlans } from "../workspace.table";

export type PlanRow = typeof treatmentPlans.$inferSelect;
export type GoalStatusChangeRow = typeof goalStatusChanges.$inferSelect;
export type NewPlanGoal = typeof planGoals.$inferInsert;
export type NewGoalStatusChange = typeof goalStatusChanges.$inferInsert;
type Statement = BatchItem<"pg">;

export async function findPlan(db: Database, clientId: string): Promise<PlanRow | undefined> {
  const [row] = await db.select().from(treatmentPlans).where(eq(treatmentPlans.clientId, clientId)).limit(1);
  return row;
}

export function listGoals(db: Database, clientId: string) {
  return db.select().from(planGoals).where(eq(planGoals.clientId, clientId)).orderBy(asc(planGoals.position), asc(planGoals.createdAt));
}

export function findGoal(db: Database, clientId: string, goalId: string) {
  return db
    .select()
    .from(planGoals)
    .where(and(eq(planGoals.clientId, clientId), eq(planGoals.id, goalId)))
    .limit(1);
}

/** Every listed goal's history, oldest change first. */
export function listStatusChanges(db: Database, goalIds: string[]) {
  if (goalIds.length === 0) return Promise.resolve([] as GoalStatusChangeRow[]);
  return db
    .select()
    .from(goalStatusChanges)
    .where(inArray(goalStatusChanges.goalId, goalIds))
    .orderBy(asc(goalStatusChanges.at), asc(goalStatusChanges.id));
}

/** Whether the note belongs to this client (a note of another client cannot evidence this client's goal). */
export async function isClientNote(db: Database, clientId: string, noteId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: clientNotes.id })
    .from(clientNotes)
    .where(and(eq(clientNotes.clientId, clientId), eq(clientNotes.id, noteId)))
    .limit(1);
  return row !== undefined;
}

/** The client's notes as a goal change may cite them: id and session date only (no text), newest first. */
export function listNoteDates(db: Database, clientId: string) {
  return db
    .select({ id: clientNotes.id, session_date: clientNotes.sessionDate })
    .from(clientNotes)
    .where(eq(clientNotes.clientId, clientId))
    .orderBy(desc(clientNotes.sessionDate), desc(clientNotes.createdAt));
}

export interface PlanWrite {
  plan: typeof treatmentPlans.$inferInsert;
  newGoals: NewPlanGoal[];
  keptGoals: { id: string; position: number; textSealed: string; keyId: string }[];
  discontinued: { id: string; position: number }[];
  changes: NewGoalStatusChange[];
}

/** The whole plan replacement in one transaction (a Neon batch), so a reader never sees half a plan. */
export async function writePlan(db: Database, write: PlanWrite): Promise<void> {
  const { plan } = write;
  const statements: [Statement, ...Statement[]] = [
    db
      .insert(treatmentPlans)
      .values(plan)
      .onConflictDoUpdate({
        target: treatmentPlans.clientId,
        set: {
          bodySealed: plan.bodySealed,
          keyId: plan.keyId,
          reviewDate: plan.reviewDate,
          updatedBy: plan.updatedBy,
          updatedAt: sql`now()`,
        },
      }),
  ];
  for (const goal of write.keptGoals)
    statements.push(
      db
        .update(planGoals)
        .set({ position: goal.position, textSealed: goal.textSealed, keyId: goal.keyId })
        .where(and(eq(planGoals.clientId, plan.clientId), eq(planGoals.id, goal.id))),
    );
  for (const goal of write.discontinued)
    statements.push(
      db
        .update(planGoals)
        .set({ position: goal.position, status: "discontinued" })
        .where(and(eq(planGoals.clientId, plan.clientId), eq(planGoals.id, goal.id))),
    );
  if (write.newGoals.length) statements.push(db.insert(planGoals).values(write.newGoals));
  if (write.changes.length) statements.push(db.insert(goalStatusChanges).values(write.changes));
  await db.batch(statements);
}

/** Sets a goal's status and appends the change to its history, together. */
export async function changeGoalStatus(db: Database, clientId: string, goalId: string, status: GoalStatus, change: NewGoalStatusChange) {
  await db.batch([
    db
      .update(planGoals)
      .set({ status })
      .where(and(eq(planGoals.clientId, clientId), eq(planGoals.id, goalId))),
    db.insert(goalStatusChanges).values(change),
  ]);
}
