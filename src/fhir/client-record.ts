/**
 * A client's whole record, opened, for the FHIR export: the client, recorded diagnoses, every
 * note with its addenda, the plan with its goals and their history, and every measure with its
 * answers. Read with the workspace's data functions and opened with the keyring under the same
 * contexts the workspace flows seal them with, inside the export's one audited event (the flows
 * each audit their own read, and the export is one action, not five).
 *
 * The shapes are the workspace API's (GET …/diagnoses, …/notes/{id}, …/plan), so the FHIR builders
 * take what a REST client reads.
 */

import { desc, eq } from "drizzle-orm";
import { toClient } from "../workspace/clients/client-details";
import type { Client } from "../workspace/clients/clients.schemas";
import { ownedClient } from "../workspace/clients/owned-client";
import { open, openJson, sealContext } from "../workspace/crypto/field-cipher";
import { listDiagnoses } from "../workspace/diagnoses/diagnoses.data";
import type { Diagnosis } from "../workspace/diagnoses/diagnoses.schemas";
import { loadMeasuresForExport, type MeasureForExport } from "../workspace/measures/measures.flow";
import { listAddenda } from "../workspace/notes/client-notes.data";
import type { NoteBody } from "../workspace/notes/client-notes.schemas";
import { findPlan, listGoals, listStatusChanges } from "../workspace/plan/plan.data";
import type { Plan, PlanText } from "../workspace/plan/plan.schemas";
import { clientNotes } from "../workspace/workspace.table";
import type { WorkspaceDeps } from "../workspace/workspace-action";
import type { RecordNote } from "./resources/document-reference";

export interface ClientRecordForExport {
  client: Client;
  diagnoses: Diagnosis[];
  /** Latest session first, as the notes list. */
  notes: RecordNote[];
  plan: Plan | null;
  measures: MeasureForExport[];
}

async function readDiagnoses({ db, keyring }: WorkspaceDeps, clientId: string): Promise<Diagnosis[]> {
  const rows = await listDiagnoses(db, clientId);
  return Promise.all(
    rows.map(async (row) => ({
      id: row.id,
      ...(await openJson<Pick<Diagnosis, "condition" | "dsm5_code" | "icd11_code">>(
        keyring,
        row.bodySealed,
        sealContext("client_diagnoses", row.id, "body"),
      )),
      verification: row.verification,
      recorded_at: row.recordedAt.toISOString(),
      recorded_by: row.recordedBy,
      updated_at: row.updatedAt.toISOString(),
    })),
  );
}

async function readNotes({ db, keyring }: WorkspaceDeps, clientId: string): Promise<RecordNote[]> {
  const rows = await db
    .select()
    .from(clientNotes)
    .where(eq(clientNotes.clientId, clientId))
    .orderBy(desc(clientNotes.sessionDate), desc(clientNotes.createdAt), desc(clientNotes.id));
  return Promise.all(
    rows.map(async (row) => {
      const body = await openJson<NoteBody>(keyring, row.bodySealed, sealContext("client_notes", row.id, "body"));
      const addenda = await listAddenda(db, row.id);
      return {
        id: row.id,
        session_date: row.sessionDate,
        format: row.format,
        status: row.status,
        signed_at: row.signedAt?.toISOString() ?? null,
        signed_by: row.signedBy,
        goal_ids: row.goalIds,
        created_at: row.createdAt.toISOString(),
        created_by: row.createdBy,
        sections: body.sections,
        ...(body.statements ? { statements: body.statements } : {}),
        ...(body.unsupported ? { unsupported: body.unsupported } : {}),
        addenda: await Promise.all(
          addenda.map(async (addendum) => ({
            text: await open(keyring, addendum.textSealed, sealContext("note_addenda", addendum.id, "text")),
            at: addendum.at.toISOString(),
            by: addendum.by,
          })),
        ),
      };
    }),
  );
}

async function readPlan({ db, keyring }: WorkspaceDeps, clientId: string): Promise<Plan | null> {
  const row = await findPlan(db, clientId);
  if (!row) return null;
  const goals = await listGoals(db, clientId);
  const changes = await listStatusChanges(
    db,
    goals.map((goal) => goal.id),
  );
  return {
    client_id: clientId,
    ...(await openJson<PlanText>(keyring, row.bodySealed, sealContext("treatment_plans", clientId, "body"))),
    review_date: row.reviewDate,
    goals: await Promise.all(
      goals.map(async (goal) => ({
        id: goal.id,
        text: await open(keyring, goal.textSealed, sealContext("plan_goals", goal.id, "text")),
        status: goal.status,
        history: changes
          .filter((change) => change.goalId === goal.id)
          .map((change) => ({ status: change.status, at: change.at.toISOString(), by: change.by, note_id: change.noteId })),
      })),
    ),
    updated_at: row.updatedAt.toISOString(),
    updated_by: row.updatedBy,
  };
}

/** The caller's client's record; another clinician's client is 404 client_not_found. */
export async function readClientRecord(workspace: WorkspaceDeps, clientId: string): Promise<ClientRecordForExport> {
  const client = await toClient(workspace.keyring, await ownedClient(workspace, clientId));
  const [diagnoses, notes, plan, measures] = await Promise.all([
    readDiagnoses(workspace, clientId),
    readNotes(workspace, clientId),
    readPlan(workspace, clientId),
    loadMeasuresForExport(workspace, clientId),
  ]);
  return { client, diagnoses, notes, plan, measures };
}
