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

import { toClient } from "../workspace/clients/client-details";
import type { Client } from "../workspace/clients/clients.schemas";
import { ownedClient } from "../workspace/clients/owned-client";
import { open, openJson, sealContext } from "../workspace/crypto/field-cipher";
import { listDiagnoses } from "../workspace/diagnoses/diagnoses.data";
import type { Diagnosis } from "../workspace/diagnoses/diagnoses.schemas";
import { loadMeasuresForExport, type MeasureForExport } from "../workspace/measures/measures.flow";
import { toNote } from "../workspace/notes/client-note-view";
import { allNotes, listAddenda } from "../workspace/notes/client-notes.data";
import { findPlan, listGoals, listStatusChanges } from "../workspace/plan/plan.data";
import type { Plan, PlanText } from "../workspace/plan/plan.schemas";
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
  const rows = await allNotes(db, clientId);
  return Promise.all(
    rows.map(async (row) => ({ ...(await toNote(keyring, row, await listAddenda(db, row.id))), created_by: row.createdBy })),
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
