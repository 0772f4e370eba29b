/** What data-subject rights read and delete in Postgres beyond the account lookup. */
import { desc, eq } from "drizzle-orm";
import type { Database } from "../lib/db";
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

/** Deletes the account; its logins, refresh tokens and personal tokens go with it (foreign keys cascade). */
export function deleteUser(db: Database, userId: string) {
  return db.delete(users).where(eq(users.id, userId)).returning({ id: users.id });
}
