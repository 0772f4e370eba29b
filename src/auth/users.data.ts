/** Data access for accounts. Other features reach users only through these functions. */
import { and, desc, eq, ilike, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "../lib/db";
import { afterCursor, decodeKeysetCursor } from "../lib/pagination";
import { refreshTokens, type UserRole, type UserRow, users } from "./auth.schema";

export async function findUserById(db: Database, id: string): Promise<UserRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await userByIdStatement(db, id);
  return row;
}

/** The account lookup as a statement, for batching with other work; `id` must be a UUID. */
export function userByIdStatement(db: Database, id: string) {
  return db.select().from(users).where(eq(users.id, id)).limit(1);
}

/** By email or username, case-insensitively; an email match wins over a username match. */
export async function findUserByLogin(db: Database, login: string): Promise<UserRow | undefined> {
  const lowered = login.toLowerCase();
  const [row] = await db
    .select()
    .from(users)
    .where(or(sql`lower(${users.email}) = ${lowered}`, sql`lower(${users.username}) = ${lowered}`))
    .orderBy(desc(sql`lower(${users.email}) = ${lowered}`))
    .limit(1);
  return row;
}

type NewUser = typeof users.$inferInsert;

export function insertUser(db: Database, user: NewUser) {
  return db.insert(users).values(user).returning();
}

export function updateUser(db: Database, id: string, changes: Partial<NewUser>) {
  return db.update(users).set({ ...changes, updatedAt: new Date() }).where(eq(users.id, id)).returning();
}

export interface UserFilters {
  role?: UserRole;
  isVerified?: boolean;
  q?: string;
  cursor?: string;
  limit: number;
}

/** `%`, `_` and `\` in a search term match themselves, not as wildcards. */
function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** The name in this list's cursors, so they are refused by other lists. */
export const USER_LIST = "users";

export async function listUsers(db: Database, filters: UserFilters): Promise<UserRow[]> {
  const conditions: SQL[] = [];
  if (filters.role) conditions.push(eq(users.role, filters.role));
  if (filters.isVerified !== undefined) conditions.push(eq(users.isVerified, filters.isVerified));
  if (filters.q) {
    const pattern = likePattern(filters.q);
    conditions.push(or(ilike(users.email, pattern), ilike(users.username, pattern), ilike(users.firstName, pattern), ilike(users.lastName, pattern))!);
  }
  if (filters.cursor) conditions.push(afterCursor(decodeKeysetCursor(USER_LIST, filters.cursor), users.createdAt, users.id));
  return db.select().from(users).where(and(...conditions)).orderBy(desc(users.createdAt), desc(users.id)).limit(filters.limit + 1);
}

export function insertRefreshToken(db: Database, token: typeof refreshTokens.$inferInsert) {
  return db.insert(refreshTokens).values(token);
}

/** Marks a live token spent and returns its owner and family; nothing if it was not live. */
export function spendRefreshToken(db: Database, tokenHash: string) {
  return db
    .update(refreshTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(refreshTokens.tokenHash, tokenHash), isNull(refreshTokens.usedAt), isNull(refreshTokens.revokedAt), sql`${refreshTokens.expiresAt} > now()`))
    .returning({ userId: refreshTokens.userId, familyId: refreshTokens.familyId });
}

/** A refresh token's session and its account (to batch after {@link spendRefreshToken}). */
export function refreshTokenWithUser(db: Database, tokenHash: string) {
  return db
    .select({ familyId: refreshTokens.familyId, user: users })
    .from(refreshTokens)
    .innerJoin(users, eq(users.id, refreshTokens.userId))
    .where(eq(refreshTokens.tokenHash, tokenHash))
    .limit(1);
}

export function revokeRefreshFamily(db: Database, familyId: string) {
  return db.update(refreshTokens).set({ revokedAt: new Date() }).where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
}

export function revokeAllRefreshTokens(db: Database, userId: string) {
  return db.update(refreshTokens).set({ revokedAt: new Date() }).where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)));
}
