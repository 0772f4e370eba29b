/**
 * Every sealed column, with what its envelopes are bound to: the table name and field of
 * `sealContext(table, <id column value>, field)`. Key rotation (key-rotation.ts) reads through
 * this list, so a new sealed column added here is re-sealed without touching it. The workspace's
 * columns, and the TOTP secrets of two-factor sign-in, which are sealed with the same keys.
 */
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import { userTotp } from "../../auth/auth.table";
import { clientDiagnoses, clientMeasures, clientNotes, clients, noteAddenda, planGoals, treatmentPlans } from "../workspace.table";

export interface SealedColumn {
  /** The table as drizzle knows it (for the queries). */
  table: PgTable;
  /** The table name bound into the envelope (the first part of its context). */
  tableName: string;
  /** The column whose value is the envelope's row id. */
  id: AnyPgColumn;
  /** The row's `key_id`: one per row, naming the key of every sealed column in it. */
  keyId: AnyPgColumn;
  /** Each sealed column with the field name bound into its envelopes (the last part of the context). */
  columns: readonly { sealed: AnyPgColumn; field: string }[];
}

export const SEALED_COLUMNS: readonly SealedColumn[] = [
  {
    table: clients,
    tableName: "clients",
    id: clients.id,
    keyId: clients.keyId,
    columns: [{ sealed: clients.detailsSealed, field: "details" }],
  },
  {
    table: clientNotes,
    tableName: "client_notes",
    id: clientNotes.id,
    keyId: clientNotes.keyId,
    columns: [{ sealed: clientNotes.bodySealed, field: "body" }],
  },
  {
    table: noteAddenda,
    tableName: "note_addenda",
    id: noteAddenda.id,
    keyId: noteAddenda.keyId,
    columns: [{ sealed: noteAddenda.textSealed, field: "text" }],
  },
  {
    table: clientMeasures,
    tableName: "client_measures",
    id: clientMeasures.id,
    keyId: clientMeasures.keyId,
    columns: [{ sealed: clientMeasures.responsesSealed, field: "responses" }],
  },
  {
    table: treatmentPlans,
    tableName: "treatment_plans",
    id: treatmentPlans.clientId,
    keyId: treatmentPlans.keyId,
    columns: [{ sealed: treatmentPlans.bodySealed, field: "body" }],
  },
  {
    table: planGoals,
    tableName: "plan_goals",
    id: planGoals.id,
    keyId: planGoals.keyId,
    columns: [{ sealed: planGoals.textSealed, field: "text" }],
  },
  {
    table: clientDiagnoses,
    tableName: "client_diagnoses",
    id: clientDiagnoses.id,
    keyId: clientDiagnoses.keyId,
    columns: [{ sealed: clientDiagnoses.bodySealed, field: "body" }],
  },
  // Not the workspace's, but sealed with the same keys: a rotation must re-seal TOTP secrets too.
  {
    table: userTotp,
    tableName: "user_totp",
    id: userTotp.userId,
    keyId: userTotp.keyId,
    columns: [{ sealed: userTotp.secretSealed, field: "secret" }],
  },
];
