/**
 * The workspace part of a clinician's data export (`GET /api/auth/me/export`, docs/api.md §2):
 * every client record they own, decrypted, with its notes and addenda, measures, diagnoses and
 * plan with goals and their history, and their note templates. Read table by table (a few
 * queries whatever the number of clients) and opened with the keyring under the same contexts
 * the workspace seals them with (sealed-columns.ts).
 */
import { asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../lib/db";
import { openClientDetails } from "../clients/client-details";
import { encryptionUnavailable, type Keyring, type KeySettings, loadKeyring, open, openJson, sealContext } from "../crypto/field-cipher";
import { listOwnedTemplates } from "../note-templates/note-templates.data";
import {
  clientDiagnoses,
  clientMeasures,
  clientNotes,
  clients,
  goalStatusChanges,
  noteAddenda,
  planGoals,
  treatmentPlans,
} from "../workspace.table";

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** The rows `read` finds for these ids; no ids, no query. */
function rowsWhere<T>(ids: string[], read: (ids: string[]) => Promise<T[]>): Promise<T[]> {
  return ids.length ? read(ids) : Promise.resolve([]);
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
}

async function readRecords(db: Database, ownerId: string) {
  const clientRows = await db.select().from(clients).where(eq(clients.ownerId, ownerId)).orderBy(asc(clients.createdAt), asc(clients.id));
  const clientIds = clientRows.map((row) => row.id);
  const [notes, measures, plans, goals, diagnoses] = await Promise.all([
    rowsWhere(clientIds, (ids) =>
      db
        .select()
        .from(clientNotes)
        .where(inArray(clientNotes.clientId, ids))
        .orderBy(asc(clientNotes.sessionDate), asc(clientNotes.createdAt)),
    ),
    rowsWhere(clientIds, (ids) =>
      db
        .select()
        .from(clientMeasures)
        .where(inArray(clientMeasures.clientId, ids))
        .orderBy(asc(clientMeasures.instrument), asc(clientMeasures.administeredAt), asc(clientMeasures.id)),
    ),
    rowsWhere(clientIds, (ids) => db.select().from(treatmentPlans).where(inArray(treatmentPlans.clientId, ids))),
    rowsWhere(clientIds, (ids) =>
      db.select().from(planGoals).where(inArray(planGoals.clientId, ids)).orderBy(asc(planGoals.position), asc(planGoals.createdAt)),
    ),
    rowsWhere(clientIds, (ids) =>
      db.select().from(clientDiagnoses).where(inArray(clientDiagnoses.clientId, ids)).orderBy(asc(clientDiagnoses.recordedAt)),
    ),
  ]);
  const [addenda, changes] = await Promise.all([
    rowsWhere(
      notes.map((note) => note.id),
      (ids) => db.select().from(noteAddenda).where(inArray(noteAddenda.noteId, ids)).orderBy(asc(noteAddenda.at), asc(noteAddenda.id)),
    ),
    rowsWhere(
      goals.map((goal) => goal.id),
      (ids) =>
        db
          .select()
          .from(goalStatusChanges)
          .where(inArray(goalStatusChanges.goalId, ids))
          .orderBy(asc(goalStatusChanges.at), asc(goalStatusChanges.id)),
    ),
  ]);
  return { clientRows, notes, measures, plans, goals, diagnoses, addenda, changes };
}

type Records = Awaited<ReturnType<typeof readRecords>>;

async function openRecords(keyring: Keyring, records: Records) {
  const addendaOf = groupBy(records.addenda, (row) => row.noteId);
  const notesOf = groupBy(records.notes, (row) => row.clientId);
  const measuresOf = groupBy(records.measures, (row) => row.clientId);
  const goalsOf = groupBy(records.goals, (row) => row.clientId);
  const changesOf = groupBy(records.changes, (row) => row.goalId);
  const diagnosesOf = groupBy(records.diagnoses, (row) => row.clientId);
  const planOf = new Map(records.plans.map((row) => [row.clientId, row]));

  return Promise.all(
    records.clientRows.map(async (client) => {
      const plan = planOf.get(client.id);
      return {
        id: client.id,
        label: client.label,
        year_of_birth: client.yearOfBirth,
        sex: client.sex,
        ...(await openClientDetails(keyring, client)),
        preferred_language: client.preferredLanguage,
        status: client.status,
        created_at: client.createdAt.toISOString(),
        updated_at: client.updatedAt.toISOString(),
        discharged_at: iso(client.dischargedAt),
        notes: await Promise.all(
          (notesOf.get(client.id) ?? []).map(async (note) => ({
            id: note.id,
            session_date: note.sessionDate,
            format: note.format,
            ...(await openJson<Record<string, unknown>>(keyring, note.bodySealed, sealContext("client_notes", note.id, "body"))),
            status: note.status,
            signed_at: iso(note.signedAt),
            signed_by: note.signedBy,
            goal_ids: note.goalIds,
            created_at: note.createdAt.toISOString(),
            updated_at: note.updatedAt.toISOString(),
            addenda: await Promise.all(
              (addendaOf.get(note.id) ?? []).map(async (addendum) => ({
                text: await open(keyring, addendum.textSealed, sealContext("note_addenda", addendum.id, "text")),
                at: addendum.at.toISOString(),
                by: addendum.by,
              })),
            ),
          })),
        ),
        measures: await Promise.all(
          (measuresOf.get(client.id) ?? []).map(async (measure) => ({
            id: measure.id,
            instrument: measure.instrument,
            administered_at: measure.administeredAt.toISOString(),
            score: measure.score,
            band: measure.band,
            flags: measure.flags,
            responses: await openJson<unknown>(keyring, measure.responsesSealed, sealContext("client_measures", measure.id, "responses")),
          })),
        ),
        diagnoses: await Promise.all(
          (diagnosesOf.get(client.id) ?? []).map(async (diagnosis) => ({
            id: diagnosis.id,
            ...(await openJson<Record<string, unknown>>(
              keyring,
              diagnosis.bodySealed,
              sealContext("client_diagnoses", diagnosis.id, "body"),
            )),
            verification: diagnosis.verification,
            recorded_at: diagnosis.recordedAt.toISOString(),
            recorded_by: diagnosis.recordedBy,
          })),
        ),
        plan: plan
          ? {
              ...(await openJson<Record<string, unknown>>(keyring, plan.bodySealed, sealContext("treatment_plans", plan.clientId, "body"))),
              review_date: plan.reviewDate,
              updated_at: plan.updatedAt.toISOString(),
              updated_by: plan.updatedBy,
              goals: await Promise.all(
                (goalsOf.get(client.id) ?? []).map(async (goal) => ({
                  id: goal.id,
                  text: await open(keyring, goal.textSealed, sealContext("plan_goals", goal.id, "text")),
                  status: goal.status,
                  history: (changesOf.get(goal.id) ?? []).map((change) => ({
                    status: change.status,
                    at: change.at.toISOString(),
                    by: change.by,
                    note_id: change.noteId,
                  })),
                })),
              ),
            }
          : null,
      };
    }),
  );
}

type WorkspaceExport = {
  clients: Awaited<ReturnType<typeof openRecords>>;
  note_templates: { id: string; name: string; sections: { name: string; instruction: string }[]; created_at: string }[];
};

/**
 * The owner's workspace, decrypted. Without a data encryption key, an account with client records
 * cannot be exported whole: 503 encryption_unavailable rather than an export that silently lacks them.
 */
export async function exportWorkspace(db: Database, keys: KeySettings, ownerId: string): Promise<WorkspaceExport> {
  const [records, templates] = await Promise.all([readRecords(db, ownerId), listOwnedTemplates(db, ownerId)]);
  let opened: WorkspaceExport["clients"] = [];
  if (records.clientRows.length) {
    const keyring = await loadKeyring(keys);
    if (!keyring) throw encryptionUnavailable();
    opened = await openRecords(keyring, records);
  }
  return {
    clients: opened,
    note_templates: templates.map((template) => ({
      id: template.id,
      name: template.name,
      sections: template.sections,
      created_at: template.createdAt.toISOString(),
    })),
  };
}
