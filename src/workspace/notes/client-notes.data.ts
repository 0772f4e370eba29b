/**
 * A client's notes and their addenda in Postgres. Every statement names the client as well as the
 * note, so a note id from another client's record is simply not found; the caller has already
 * checked that the client is theirs (ownedClient).
 */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../lib/db";
import { decodeKeysetCursor } from "../../lib/pagination";
import { type ClientNoteRow, clientNotes, noteAddenda, planGoals } from "../workspace.table";

/** The name in this list's cursors, so they are refused by other lists. */
export const NOTE_LIST = "client_notes";

export type NewNote = typeof clientNotes.$inferInsert;
export type NoteChanges = Partial<Pick<ClientNoteRow, "sessionDate" | "bodySealed" | "keyId" | "goalIds">>;
export type AddendumRow = typeof noteAddenda.$inferSelect;

const ofClient = (clientId: string, noteId: string) => and(eq(clientNotes.clientId, clientId), eq(clientNotes.id, noteId));
const isDraft = eq(clientNotes.status, "draft");
/** Latest session first (the keyset of the notes list's cursor). */
const latestFirst = [desc(clientNotes.sessionDate), desc(clientNotes.createdAt), desc(clientNotes.id)];

export async function insertNote(db: Database, note: NewNote): Promise<ClientNoteRow> {
  const [row] = await db.insert(clientNotes).values(note).returning();
  return row;
}

export async function findNote(db: Database, clientId: string, noteId: string): Promise<ClientNoteRow | undefined> {
  const [row] = await db.select().from(clientNotes).where(ofClient(clientId, noteId)).limit(1);
  return row;
}

/**
 * One page (plus one row) of the client's notes, latest session first. The cursor names the last
 * note shown (the shared keyset cursor: its created_at and id); its session date is looked up, so
 * the order (session_date, created_at, id) pages without gaps or repeats.
 */
export function listNotes(db: Database, clientId: string, page: { limit: number; cursor?: string }) {
  const conditions = [eq(clientNotes.clientId, clientId)];
  if (page.cursor) {
    const after = decodeKeysetCursor(NOTE_LIST, page.cursor);
    conditions.push(
      sql`(${clientNotes.sessionDate}, ${clientNotes.createdAt}, ${clientNotes.id}) < ((select n.session_date from client_notes n where n.id = ${after.id} and n.client_id = ${clientId}), ${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)`,
    );
  }
  return db
    .select()
    .from(clientNotes)
    .where(and(...conditions))
    .orderBy(...latestFirst)
    .limit(page.limit + 1);
}

/** Every note of the client, latest session first (for the whole-record export). */
export function allNotes(db: Database, clientId: string): Promise<ClientNoteRow[]> {
  return db
    .select()
    .from(clientNotes)
    .where(eq(clientNotes.clientId, clientId))
    .orderBy(...latestFirst);
}

/** The changed note, or undefined when it is not a draft (any more): the status check and the write are one statement. */
export async function updateDraftNote(db: Database, clientId: string, noteId: string, changes: NoteChanges) {
  const [row] = await db
    .update(clientNotes)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(and(ofClient(clientId, noteId), isDraft))
    .returning();
  return row as ClientNoteRow | undefined;
}

/** The signed note, or undefined when it was not a draft: two signatures racing, one wins. */
export async function signDraftNote(db: Database, clientId: string, noteId: string, signedBy: string) {
  const now = sql`now()`;
  const [row] = await db
    .update(clientNotes)
    .set({ status: "signed", signedAt: now, signedBy, updatedAt: now })
    .where(and(ofClient(clientId, noteId), isDraft))
    .returning();
  return row as ClientNoteRow | undefined;
}

export async function insertAddendum(db: Database, addendum: typeof noteAddenda.$inferInsert): Promise<AddendumRow> {
  const [row] = await db.insert(noteAddenda).values(addendum).returning();
  return row;
}

export function listAddenda(db: Database, noteId: string): Promise<AddendumRow[]> {
  return db.select().from(noteAddenda).where(eq(noteAddenda.noteId, noteId)).orderBy(asc(noteAddenda.at), asc(noteAddenda.id));
}

/** Which of `goalIds` are goals in this client's plan. */
export async function goalsOfClient(db: Database, clientId: string, goalIds: readonly string[]): Promise<Set<string>> {
  if (goalIds.length === 0) return new Set();
  const rows = await db
    .select({ id: planGoals.id })
    .from(planGoals)
    .where(and(eq(planGoals.clientId, clientId), inArray(planGoals.id, [...goalIds])));
  return new Set(rows.map((row) => row.id));
}
