/** What data-subject rights read and delete in Postgres beyond the account lookup. */
import { and, count, desc, eq, ne, sql } from "drizzle-orm";
import type { Database } from "../lib/db";
import { clients } from "../workspace/workspace.table";
import { loginSessions, users } from "./auth.table";

/** Every login of the account, newest first: metadata only (refresh tokens live in their own table, hashed). */
export function loginSessionsOf(db: Database, userId: string) {
  return db
    .select({
      id: loginSessions.id,
      createdAt: loginSessions.createdAt,
      expiresAt: loginSessions.expiresAt,
      revokedAt: loginSessions.revokedAt,
    })
    .from(loginSessions)
    .where(eq(loginSessions.userId, userId))
    .orderBy(desc(loginSessions.createdAt), desc(loginSessions.id));
}

/** How many client records (docs/api.md §12) the account owns. */
export async function ownedClientCount(db: Database, userId: string): Promise<number> {
  const [row] = await db.select({ clients: count() }).from(clients).where(eq(clients.ownerId, userId));
  return row?.clients ?? 0;
}

/**
 * Deletes the account; its logins, refresh tokens, personal tokens and client records (with their
 * notes, measures and plans) go with it (foreign keys cascade).
 */
export function deleteUser(db: Database, userId: string) {
  return db.delete(users).where(eq(users.id, userId)).returning({ id: users.id });
}

const activeAdmin = and(eq(users.role, "admin"), eq(users.isActive, true));

/** How many active admins there are besides the account. */
export async function otherActiveAdmins(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .select({ admins: count() })
    .from(users)
    .where(and(activeAdmin, ne(users.id, userId)));
  return row?.admins ?? 0;
}

/** The SQLSTATE (division_by_zero) with which {@link lastAdminGuard} aborts an erasure's transaction. */
export const LAST_ADMIN_SQLSTATE = "22012";

/**
 * The first statements of an admin's erasure transaction. The first locks every active admin's
 * row, so two admins erasing themselves at once take turns and the second sees the first gone;
 * the second aborts the whole transaction when no other active admin is left. Plain SQL has no
 * RAISE, so it divides by the count of the others: zero fails with {@link LAST_ADMIN_SQLSTATE}.
 */
export function lastAdminGuard(db: Database, userId: string) {
  return [
    db.select({ id: users.id }).from(users).where(activeAdmin).orderBy(users.id).for("update"),
    db
      .select({ others: sql<number>`1 / count(*)` })
      .from(users)
      .where(and(activeAdmin, ne(users.id, userId))),
  ] as const;
}
