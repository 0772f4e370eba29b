/** Data access for TOTP and recovery codes; the rest of src/auth/mfa reaches the tables only here. */
import { and, count, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Database } from "../../lib/db";
import { recoveryCodes, userTotp } from "../auth.table";

export function totpOf(db: Database, userId: string) {
  return db.select().from(userTotp).where(eq(userTotp.userId, userId)).limit(1);
}

/**
 * Stores a new, unconfirmed secret, replacing an unconfirmed one; returns no row when the account
 * already has a confirmed TOTP (it must be removed first).
 */
export function upsertUnconfirmedTotp(db: Database, row: { userId: string; secretSealed: string; keyId: string }) {
  return db
    .insert(userTotp)
    .values(row)
    .onConflictDoUpdate({
      target: userTotp.userId,
      set: { secretSealed: row.secretSealed, keyId: row.keyId, confirmedAt: null, lastUsedStep: null, createdAt: sql`now()` },
      setWhere: isNull(userTotp.confirmedAt),
    })
    .returning({ userId: userTotp.userId });
}

/**
 * Records `step` as used (and, with `confirm`, confirms the TOTP) only when it is later than the
 * last step used: of two requests with one code, one wins. No row: the code was already used.
 */
export function spendTotpStep(db: Database, userId: string, step: number, { confirm }: { confirm: boolean }) {
  return db
    .update(userTotp)
    .set({ lastUsedStep: step, ...(confirm ? { confirmedAt: sql`now()` } : {}) })
    .where(
      and(
        eq(userTotp.userId, userId),
        confirm ? isNull(userTotp.confirmedAt) : sql`${userTotp.confirmedAt} is not null`,
        or(isNull(userTotp.lastUsedStep), lt(userTotp.lastUsedStep, step)),
      ),
    )
    .returning({ confirmedAt: userTotp.confirmedAt });
}

export function deleteTotp(db: Database, userId: string) {
  return db.delete(userTotp).where(eq(userTotp.userId, userId)).returning({ userId: userTotp.userId });
}

export function deleteRecoveryCodes(db: Database, userId: string) {
  return db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}

export function insertRecoveryCodes(db: Database, userId: string, hashes: string[]) {
  return db.insert(recoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash })));
}

/** Marks an unused recovery code used; no row when it is wrong or already used. */
export function spendRecoveryCode(db: Database, userId: string, codeHash: string) {
  return db
    .update(recoveryCodes)
    .set({ usedAt: sql`now()` })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
}

export function recoveryCodesLeft(db: Database, userId: string) {
  return db
    .select({ left: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
}
