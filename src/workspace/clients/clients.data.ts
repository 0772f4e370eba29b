/** Clients in Postgres: every statement is scoped to the owning clinician, so another's client is simply not found. */
import { and, desc, eq, ilike, type SQL, sql } from "drizzle-orm";
import type { Database } from "../../lib/db";
import { likePattern } from "../../lib/like-pattern";
import { afterCursor, decodeKeysetCursor } from "../../lib/pagination";
import { type ClientRow, type ClientStatus, clients } from "../workspace.table";

/** The name in this list's cursors, so they are refused by other lists. */
export const CLIENT_LIST = "clients";

export type NewClient = typeof clients.$inferInsert;
export type ClientChanges = Partial<
  Pick<ClientRow, "label" | "yearOfBirth" | "sex" | "preferredLanguage" | "detailsSealed" | "keyId" | "status" | "dischargedAt">
>;

const owned = (ownerId: string, id: string) => and(eq(clients.ownerId, ownerId), eq(clients.id, id));

/** The new row, or undefined when the owner already has a client with this label (any case). */
export async function insertClient(db: Database, client: NewClient): Promise<ClientRow | undefined> {
  const [row] = await db.insert(clients).values(client).onConflictDoNothing().returning();
  return row;
}

export function findOwnedClient(db: Database, ownerId: string, id: string) {
  return db.select().from(clients).where(owned(ownerId, id)).limit(1);
}

export interface ClientFilters {
  status?: ClientStatus;
  q?: string;
  limit: number;
  cursor?: string;
}

/** One page (plus one row, to learn whether another exists), newest first. */
export function listOwnedClients(db: Database, ownerId: string, filters: ClientFilters) {
  const conditions: SQL[] = [eq(clients.ownerId, ownerId)];
  if (filters.status) conditions.push(eq(clients.status, filters.status));
  if (filters.q) conditions.push(ilike(clients.label, likePattern(filters.q)));
  if (filters.cursor) conditions.push(afterCursor(decodeKeysetCursor(CLIENT_LIST, filters.cursor), clients.createdAt, clients.id));
  return db
    .select()
    .from(clients)
    .where(and(...conditions))
    .orderBy(desc(clients.createdAt), desc(clients.id))
    .limit(filters.limit + 1);
}

/** The changed row, or undefined when the owner has no such client. A taken label throws the unique violation. */
export async function updateOwnedClient(db: Database, ownerId: string, id: string, changes: ClientChanges): Promise<ClientRow | undefined> {
  const [row] = await db
    .update(clients)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(owned(ownerId, id))
    .returning();
  return row;
}

/** Whether a client was removed (its notes, measures and plan go with it: the foreign keys cascade). */
export async function deleteOwnedClient(db: Database, ownerId: string, id: string): Promise<boolean> {
  const removed = await db.delete(clients).where(owned(ownerId, id)).returning({ id: clients.id });
  return removed.length > 0;
}
