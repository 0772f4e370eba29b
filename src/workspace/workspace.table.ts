/**
 * The clinician workspace (docs/api.md §12): clients, their notes with addenda, measures, the
 * treatment plan with goals, and the clinician's own note templates.
 *
 * Columns ending in `_sealed` hold AES-256-GCM envelopes (src/workspace/crypto/field-cipher.ts),
 * never plaintext; each sealed row also names the key it was sealed under in `key_id`, so a key
 * rotation finds the rows still under an old key with an index instead of decrypting everything.
 * The rest is structure a query needs (ids, dates, status, scores, bands): no clinical text.
 */
import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../auth/auth.table";

export const CLIENT_STATUSES = ["active", "discharged"] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];
export const CLIENT_SEXES = ["female", "male", "intersex", "unknown"] as const;
export const NOTE_STATUSES = ["draft", "signed"] as const;
export const GOAL_STATUSES = ["not_started", "in_progress", "met", "partially_met", "discontinued"] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];
/** FHIR R4's condition verification statuses a clinician records (http://hl7.org/fhir/R4/valueset-condition-ver-status.html). */
export const DIAGNOSIS_VERIFICATIONS = ["provisional", "differential", "confirmed", "refuted", "entered-in-error"] as const;
export type DiagnosisVerification = (typeof DIAGNOSIS_VERIFICATIONS)[number];

const createdAt = () => timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow();
const keyId = () => text("key_id").notNull();

export const clients = pgTable(
  "clients",
  {
    id: uuid().primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The clinician's own pseudonym for the client: no name field exists, by design. */
    label: text().notNull(),
    yearOfBirth: smallint("year_of_birth"),
    sex: text({ enum: CLIENT_SEXES }),
    /** BCP 47 primary language tag (e.g. `es`): the language a safety plan prints in. */
    preferredLanguage: text("preferred_language"),
    /** `{gender, pronouns}`: the client's own words, so sealed. */
    detailsSealed: text("details_sealed"),
    keyId: keyId(),
    status: text({ enum: CLIENT_STATUSES }).notNull().default("active"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    dischargedAt: timestamp("discharged_at", { withTimezone: true, precision: 3 }),
  },
  (t) => [
    uniqueIndex("clients_owner_label_key").on(t.ownerId, sql`lower(${t.label})`),
    index("clients_owner_created_idx").on(t.ownerId, t.createdAt.desc(), t.id.desc()),
    index("clients_discharged_idx").on(t.dischargedAt).where(sql`${t.status} = 'discharged'`),
    index("clients_key_idx").on(t.keyId),
  ],
);

export const noteTemplates = pgTable(
  "note_templates",
  {
    id: uuid().primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text().notNull(),
    /** `[{name, instruction}]` in the order a note is written: a format, not clinical text. */
    sections: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("note_templates_owner_name_key").on(t.ownerId, sql`lower(${t.name})`)],
);

export const clientNotes = pgTable(
  "client_notes",
  {
    id: uuid().primaryKey().defaultRandom(),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    sessionDate: date("session_date").notNull(),
    /** `soap` | `dap` | `birp`, or the id of one of the clinician's templates. */
    format: text().notNull(),
    /** `{sections, statements?, unsupported?}`. */
    bodySealed: text("body_sealed").notNull(),
    keyId: keyId(),
    status: text({ enum: NOTE_STATUSES }).notNull().default("draft"),
    goalIds: uuid("goal_ids").array().notNull().default(sql`'{}'::uuid[]`),
    createdBy: uuid("created_by").notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    signedAt: timestamp("signed_at", { withTimezone: true, precision: 3 }),
    signedBy: uuid("signed_by"),
  },
  (t) => [
    index("client_notes_client_idx").on(t.clientId, t.sessionDate.desc(), t.createdAt.desc()),
    index("client_notes_key_idx").on(t.keyId),
    check("client_notes_signed_check", sql`(${t.status} = 'signed') = (${t.signedAt} is not null and ${t.signedBy} is not null)`),
  ],
);

export const noteAddenda = pgTable(
  "note_addenda",
  {
    id: uuid().primaryKey().defaultRandom(),
    noteId: uuid("note_id")
      .notNull()
      .references(() => clientNotes.id, { onDelete: "cascade" }),
    textSealed: text("text_sealed").notNull(),
    keyId: keyId(),
    by: uuid().notNull(),
    at: createdAt(),
  },
  (t) => [index("note_addenda_note_idx").on(t.noteId, t.at), index("note_addenda_key_idx").on(t.keyId)],
);

export const clientMeasures = pgTable(
  "client_measures",
  {
    id: uuid().primaryKey().defaultRandom(),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    instrument: text().notNull(),
    administeredAt: timestamp("administered_at", { withTimezone: true, precision: 3 }).notNull(),
    score: integer().notNull(),
    band: text().notNull(),
    /** Non-text facts the timeline marks, e.g. `item9_positive`. */
    flags: text().array().notNull().default(sql`'{}'::text[]`),
    /** The item responses, sealed. */
    responsesSealed: text("responses_sealed").notNull(),
    keyId: keyId(),
    createdBy: uuid("created_by").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("client_measures_series_idx").on(t.clientId, t.instrument, t.administeredAt, t.id),
    index("client_measures_key_idx").on(t.keyId),
  ],
);

/** One current plan per client (the client id is the key). */
export const treatmentPlans = pgTable(
  "treatment_plans",
  {
    clientId: uuid("client_id")
      .primaryKey()
      .references(() => clients.id, { onDelete: "cascade" }),
    /** The §10 plan template's text fields (problems, objectives, interventions…), sealed. */
    bodySealed: text("body_sealed").notNull(),
    keyId: keyId(),
    reviewDate: date("review_date"),
    updatedBy: uuid("updated_by").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index("treatment_plans_key_idx").on(t.keyId)],
);

export const planGoals = pgTable(
  "plan_goals",
  {
    id: uuid().primaryKey().defaultRandom(),
    clientId: uuid("client_id")
      .notNull()
      .references(() => treatmentPlans.clientId, { onDelete: "cascade" }),
    position: smallint().notNull(),
    textSealed: text("text_sealed").notNull(),
    keyId: keyId(),
    status: text({ enum: GOAL_STATUSES }).notNull().default("not_started"),
    createdAt: createdAt(),
  },
  (t) => [index("plan_goals_client_idx").on(t.clientId, t.position), index("plan_goals_key_idx").on(t.keyId)],
);

export const goalStatusChanges = pgTable(
  "goal_status_changes",
  {
    id: uuid().primaryKey().defaultRandom(),
    goalId: uuid("goal_id")
      .notNull()
      .references(() => planGoals.id, { onDelete: "cascade" }),
    status: text({ enum: GOAL_STATUSES }).notNull(),
    by: uuid().notNull(),
    /** The note that evidenced the change, if any. */
    noteId: uuid("note_id").references(() => clientNotes.id, { onDelete: "set null" }),
    at: createdAt(),
  },
  (t) => [index("goal_status_changes_goal_idx").on(t.goalId, t.at)],
);

/** Diagnoses the clinician recorded for a client (e.g. from a differential): which one is sealed, its status is not. */
export const clientDiagnoses = pgTable(
  "client_diagnoses",
  {
    id: uuid().primaryKey().defaultRandom(),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    /** `{condition, dsm5_code, icd11_code}`. */
    bodySealed: text("body_sealed").notNull(),
    keyId: keyId(),
    verification: text({ enum: DIAGNOSIS_VERIFICATIONS }).notNull(),
    recordedBy: uuid("recorded_by").notNull(),
    recordedAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index("client_diagnoses_client_idx").on(t.clientId, t.recordedAt), index("client_diagnoses_key_idx").on(t.keyId)],
);

export type ClientRow = typeof clients.$inferSelect;
export type ClientDiagnosisRow = typeof clientDiagnoses.$inferSelect;
export type ClientNoteRow = typeof clientNotes.$inferSelect;
export type ClientMeasureRow = typeof clientMeasures.$inferSelect;
export type PlanGoalRow = typeof planGoals.$inferSelect;
