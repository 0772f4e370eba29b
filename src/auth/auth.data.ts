/** Data access for accounts. Other features reach users only through these functions. */
import { and, desc, eq, exists, ilike, isNotNull, isNull, lte, or, type Placeholder, type SQL, sql } from "drizzle-orm";
import type { Database } from "../lib/db";
import { likePattern } from "../lib/like-pattern";
import { afterCursor, decodeKeysetCursor } from "../lib/pagination";
import { loginSessions, refreshTokens, type UserRole, type UserRow, users } from "./auth.table";

/** The account lookup as a statement, for batching with other work; `id` must be a UUID. */
export function userByIdStatement(db: Database, id: string) {
  return db.select().from(users).where(eq(users.id, id)).limit(1);
}

type NewUser = typeof users.$inferInsert;

export function insertUser(db: Database, user: NewUser) {
  return db.insert(users).values(user).returning();
}

export function updateUser(db: Database, id: string, changes: Partial<NewUser>) {
  return db
    .update(users)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
}

export interface UserFilters {
  role?: UserRole;
  isVerified?: boolean;
  q?: string;
  cursor?: string;
  limit: number;
}

/** The name in this list's cursors, so they are refused by other lists. */
export const USER_LIST = "users";

export async function listUsers(db: Database, filters: UserFilters): Promise<UserRow[]> {
  const conditions: SQL[] = [];
  if (filters.role) conditions.push(eq(users.role, filters.role));
  if (filters.isVerified !== undefined) conditions.push(eq(users.isVerified, filters.isVerified));
  if (filters.q) {
    const pattern = likePattern(filters.q);
    conditions.push(
      or(ilike(users.email, pattern), ilike(users.username, pattern), ilike(users.firstName, pattern), ilike(users.lastName, pattern))!,
    );
  }
  if (filters.cursor) conditions.push(afterCursor(decodeKeysetCursor(USER_LIST, filters.cursor), users.createdAt, users.id));
  return db
    .select()
    .from(users)
    .where(and(...conditions))
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(filters.limit + 1);
}

/** A login's row; a logout that got there first (the login is written after its response) wins. */
export function insertLoginSession(db: Database, session: Omit<typeof loginSessions.$inferInsert, "createdAt" | "revokedAt">) {
  return db.insert(loginSessions).values(session).onConflictDoNothing({ target: loginSessions.id });
}

export function insertRefreshToken(db: Database, token: typeof refreshTokens.$inferInsert) {
  return db.insert(refreshTokens).values(token);
}

/**
 * The account behind an access token, with whether the token's login was revoked or has expired.
 * A login not yet written (login records it after the response) counts as live.
 */
export function accountStatement(db: Database, userId: string | Placeholder, sessionId: string | Placeholder) {
  const endedLogin = db
    .select({ id: loginSessions.id })
    .from(loginSessions)
    .where(
      and(
        eq(loginSessions.id, sessionId),
        eq(loginSessions.userId, userId),
        or(isNotNull(loginSessions.revokedAt), lte(loginSessions.expiresAt, sql`now()`)),
      ),
    );
  return db
    .select({ user: users, loginEnded: sql<boolean>`${exists(endedLogin)}` })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
}

/**
 * Every guarded request runs {@link accountStatement}: its SQL is built once per database client
 * (drizzle's prepared query; over HTTP only the text is kept, Neon receives the same statement)
 * instead of per request, where building it was most of the guard's CPU.
 */
const preparedAccountChecks = new WeakMap<Database, ReturnType<typeof prepareAccountCheck>>();

function prepareAccountCheck(db: Database) {
  return accountStatement(db, sql.placeholder("userId"), sql.placeholder("sessionId")).prepare("account_check");
}

export function accountCheck(db: Database, userId: string, sessionId: string) {
  let prepared = preparedAccountChecks.get(db);
  if (!prepared) {
    prepared = prepareAccountCheck(db);
    preparedAccountChecks.set(db, prepared);
  }
  return prepared.execute({ userId, sessionId });
}

/**
 * Spends a refresh token for its successor in one statement, so nothing can commit between the
 * spend and the successor: the presented token is spent only if it is unspent, its login is
 * neither revoked nor past its fixed expiry, the account is active and still has the token version
 * the login began with; the successor joins the same login and expires with it. Whether the
 * rotation succeeded is {@link rotationOutcome}'s to say, in the same transaction.
 */
export function spendRefreshToken(db: Database, presentedHash: string, successorHash: string) {
  return db.execute(sql`
    with spent as (
      update ${refreshTokens} set used_at = now()
      from ${loginSessions}, ${users}
      where ${refreshTokens.tokenHash} = ${presentedHash}
        and ${refreshTokens.usedAt} is null and ${refreshTokens.revokedAt} is null
        and ${loginSessions.id} = ${refreshTokens.familyId}
        and ${loginSessions.revokedAt} is null and ${loginSessions.expiresAt} > now()
        and ${users.id} = ${loginSessions.userId} and ${users.isActive} and ${users.tokenVersion} = ${loginSessions.tokenVersion}
      returning ${refreshTokens.userId} as user_id, ${refreshTokens.familyId} as family_id, ${loginSessions.expiresAt} as expires_at
    )
    insert into ${refreshTokens} (user_id, family_id, token_hash, expires_at)
    select user_id, family_id, ${successorHash}, expires_at from spent`);
}

/**
 * After {@link spendRefreshToken}, in the same transaction: the login the presented token goes on
 * with, or the login its reuse ended, or neither (one row). The presented token goes on when it
 * was spent at most `graceSeconds` ago (just now, by this transaction, or by a request sent at the
 * same time) and its successor is unspent on a login that may go on. Any other known token (spent
 * earlier, its successor spent in turn, or its login over) is reuse and ends its login.
 *
 * A statement of its own because a statement sees only what had committed when it began: a
 * rotation of the same token that committed while the spend waited for its row lock is invisible
 * to the spend but visible here, so the second of two concurrent requests is not taken for reuse.
 */
export function rotationOutcome(db: Database, presentedHash: string, successorHash: string, graceSeconds: number) {
  return db.execute<{ rotated: string | null; revoked: string | null }>(sql`
    with live as (
      select presented.family_id
      from ${refreshTokens} presented
      join ${refreshTokens} successor on successor.token_hash = ${successorHash} and successor.family_id = presented.family_id
      join ${loginSessions} on ${loginSessions.id} = presented.family_id
      join ${users} on ${users.id} = ${loginSessions.userId}
      where presented.token_hash = ${presentedHash}
        and presented.used_at > now() - make_interval(secs => ${graceSeconds}) and presented.revoked_at is null
        and successor.used_at is null and successor.revoked_at is null
        and ${loginSessions.revokedAt} is null and ${loginSessions.expiresAt} > now()
        and ${users.isActive} and ${users.tokenVersion} = ${loginSessions.tokenVersion}
    ), reuse as (
      update ${loginSessions} set revoked_at = now()
      where ${loginSessions.id} = (select family_id from ${refreshTokens} where token_hash = ${presentedHash})
        and ${loginSessions.revokedAt} is null and not exists (select 1 from live)
      returning ${loginSessions.id} as id
    )
    select (select family_id from live) as rotated, (select id from reuse) as revoked`);
}

/** A refresh token's login and its account (to batch after {@link rotationOutcome}). */
export function refreshTokenWithUser(db: Database, tokenHash: string) {
  return db
    .select({ familyId: refreshTokens.familyId, user: users })
    .from(refreshTokens)
    .innerJoin(users, eq(users.id, refreshTokens.userId))
    .where(eq(refreshTokens.tokenHash, tokenHash))
    .limit(1);
}

/**
 * Ends the login an access token names, and with it its refresh tokens and access tokens. Also
 * when the login's row is not written yet: the revoked row is then written first.
 */
export function revokeLoginSession(db: Database, session: { id: string; userId: string; tokenVersion: number }) {
  return db.execute(sql`
    insert into ${loginSessions} (id, user_id, token_version, expires_at, revoked_at)
    select ${session.id}::uuid, ${users.id}, ${session.tokenVersion}::integer, now(), now() from ${users} where ${users.id} = ${session.userId}
    on conflict (id) do update set revoked_at = coalesce(${loginSessions.revokedAt}, now()) where ${loginSessions.userId} = excluded.user_id`);
}

/** Ends every login of an account (password change, deactivation). */
export function revokeAllLoginSessions(db: Database, userId: string) {
  return db
    .update(loginSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(loginSessions.userId, userId), isNull(loginSessions.revokedAt)));
}
