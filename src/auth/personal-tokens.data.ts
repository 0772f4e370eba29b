/** Personal access tokens in Postgres: minting under a per-user limit, listing, revoking, and the guard's lookup. */
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Database } from "../lib/db";
import { personalAccessTokens, type TokenScope, users } from "./auth.table";

const live = (userId: string) =>
  and(eq(personalAccessTokens.userId, userId), isNull(personalAccessTokens.revokedAt), gt(personalAccessTokens.expiresAt, sql`now()`));

export interface NewPersonalToken {
  userId: string;
  name: string;
  scopes: TokenScope[];
  tokenHash: string;
  expiresAt: Date;
}

/**
 * Inserts the token unless its owner already has `maxLive` live ones; returns the row, or nothing
 * at the limit. One transaction (one round trip): the owner's row is locked first, so concurrent
 * creations queue, and the count statement (READ COMMITTED: a fresh snapshot per statement) sees
 * every token committed before the lock was granted.
 */
export async function insertPersonalToken(db: Database, token: NewPersonalToken, maxLive: number) {
  const liveCount = db.$count(personalAccessTokens, live(token.userId));
  const [, inserted] = await db.batch([
    db.select({ id: users.id }).from(users).where(eq(users.id, token.userId)).for("update"),
    db
      .insert(personalAccessTokens)
      .select(
        db
          .select({
            id: sql`gen_random_uuid()`.as("id"),
            userId: users.id,
            name: sql`${token.name}`.as("name"),
            scopes: sql`array[${sql.join(
              token.scopes.map((scope) => sql`${scope}`),
              sql`, `,
            )}]::text[]`.as("scopes"),
            tokenHash: sql`${token.tokenHash}`.as("token_hash"),
            createdAt: sql`now()`.as("created_at"),
            expiresAt: sql`${token.expiresAt.toISOString()}::timestamptz`.as("expires_at"),
            lastUsedAt: sql`null::timestamptz`.as("last_used_at"),
            revokedAt: sql`null::timestamptz`.as("revoked_at"),
          })
          .from(users)
          .where(and(eq(users.id, token.userId), sql`${liveCount} < ${maxLive}`)),
      )
      .returning(),
  ] as const);
  return inserted[0];
}

/** The owner's live tokens (neither revoked nor expired), newest first. */
export function listLivePersonalTokens(db: Database, userId: string) {
  return db
    .select()
    .from(personalAccessTokens)
    .where(live(userId))
    .orderBy(desc(personalAccessTokens.createdAt), desc(personalAccessTokens.id));
}

/** Every token of the owner, revoked and expired ones too (the data export). */
export function allPersonalTokens(db: Database, userId: string) {
  return db
    .select()
    .from(personalAccessTokens)
    .where(eq(personalAccessTokens.userId, userId))
    .orderBy(desc(personalAccessTokens.createdAt), desc(personalAccessTokens.id));
}

/**
 * Revokes one of the owner's tokens (again is harmless: the first revocation time stays). Another
 * user's id matches nothing, exactly like an id that does not exist.
 */
export function revokePersonalToken(db: Database, id: string, userId: string) {
  return db
    .update(personalAccessTokens)
    .set({ revokedAt: sql`coalesce(${personalAccessTokens.revokedAt}, now())` })
    .where(and(eq(personalAccessTokens.id, id), eq(personalAccessTokens.userId, userId)))
    .returning({ id: personalAccessTokens.id });
}

/** Revokes every live token of an account (a password change). */
export function revokeAllPersonalTokens(db: Database, userId: string) {
  return db
    .update(personalAccessTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(personalAccessTokens.userId, userId), isNull(personalAccessTokens.revokedAt)));
}

/** `last_used_at` is written at most once a minute per token, so a busy token does not write on every request. */
const TOUCH_INTERVAL = sql`interval '1 minute'`;

/** The guard's one query: a token by its hash, with its owner's current account and its state. */
export function personalTokenStatement(db: Database, tokenHash: string) {
  return db
    .select({
      id: personalAccessTokens.id,
      scopes: personalAccessTokens.scopes,
      revoked: sql<boolean>`${personalAccessTokens.revokedAt} is not null`,
      expired: sql<boolean>`${personalAccessTokens.expiresAt} <= now()`,
      stale: sql<boolean>`coalesce(${personalAccessTokens.lastUsedAt} < now() - ${TOUCH_INTERVAL}, true)`,
      user: users,
    })
    .from(personalAccessTokens)
    .innerJoin(users, eq(users.id, personalAccessTokens.userId))
    .where(eq(personalAccessTokens.tokenHash, tokenHash))
    .limit(1);
}

export function touchPersonalToken(db: Database, id: string) {
  return db.update(personalAccessTokens).set({ lastUsedAt: sql`now()` }).where(eq(personalAccessTokens.id, id));
}
