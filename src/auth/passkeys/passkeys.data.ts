/** Passkeys and their WebAuthn challenges in Postgres (tables in ../auth.table.ts). */
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Database } from "../../lib/db";
import { authChallenges, passkeys, users } from "../auth.table";

export type PasskeyRow = typeof passkeys.$inferSelect;
export type NewPasskey = Omit<typeof passkeys.$inferInsert, "id" | "createdAt" | "lastUsedAt">;
type ChallengePurpose = "passkey_register" | "passkey_login";

/** A WebAuthn ceremony has five minutes from its options to its answer. */
export const CHALLENGE_SECONDS = 5 * 60;

/** The owner's passkeys, newest first. */
export function listPasskeys(db: Database, userId: string) {
  return db.select().from(passkeys).where(eq(passkeys.userId, userId)).orderBy(desc(passkeys.createdAt));
}

/** The row, or nothing when another account (or this one) already registered that credential. */
export async function insertPasskey(db: Database, passkey: NewPasskey): Promise<PasskeyRow | undefined> {
  const [row] = await db.insert(passkeys).values(passkey).onConflictDoNothing({ target: passkeys.credentialId }).returning();
  return row;
}

/** A credential with its owner, for a sign-in. */
export async function findPasskeyWithOwner(db: Database, credentialId: string) {
  const [row] = await db
    .select({ passkey: passkeys, user: users })
    .from(passkeys)
    .innerJoin(users, eq(users.id, passkeys.userId))
    .where(eq(passkeys.credentialId, credentialId))
    .limit(1);
  return row;
}

/** After a verified assertion: the authenticator's new counter and the time of use. */
export function recordPasskeyUse(db: Database, id: string, counter: number) {
  return db.update(passkeys).set({ counter, lastUsedAt: new Date() }).where(eq(passkeys.id, id));
}

/** Deletes one of `userId`'s passkeys; nothing for an id that is not theirs. */
export async function deleteOwnPasskey(db: Database, id: string, userId: string) {
  const [row] = await db
    .delete(passkeys)
    .where(and(eq(passkeys.id, id), eq(passkeys.userId, userId)))
    .returning({ id: passkeys.id });
  return row;
}

/** Stores a ceremony's challenge; `userId` null for a discoverable sign-in, where nobody is named yet. */
export function insertChallenge(db: Database, purpose: ChallengePurpose, challenge: string, userId: string | null) {
  return db.insert(authChallenges).values({
    purpose,
    challenge,
    userId,
    expiresAt: sql`now() + make_interval(secs => ${CHALLENGE_SECONDS})`,
  });
}

/**
 * Spends a live challenge of `purpose` in one statement, so two answers racing with the same
 * challenge cannot both pass: the first marks it used, the second finds nothing. Returns its user
 * (null for a discoverable sign-in), or undefined when it is unknown, expired or already used.
 */
export async function spendChallenge(db: Database, purpose: ChallengePurpose, challenge: string) {
  const [row] = await db
    .update(authChallenges)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(authChallenges.purpose, purpose),
        eq(authChallenges.challenge, challenge),
        isNull(authChallenges.usedAt),
        gt(authChallenges.expiresAt, sql`now()`),
      ),
    )
    .returning({ userId: authChallenges.userId });
  return row;
}
