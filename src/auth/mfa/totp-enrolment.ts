/**
 * Setting up and removing TOTP, shared by /api/auth/mfa/* and the console. A signed-in account
 * proves its password again to enrol or remove (a stolen access token or an unattended console
 * must not be enough to take over or strip the second factor); an account sent to enrol by
 * MFA_REQUIRED proves it with the login's challenge instead, and confirming completes that login.
 */
import type { Context } from "hono";
import { audit } from "../../audit/audit";
import type { AppEnv } from "../../env";
import { ProblemError } from "../../lib/problem";
import { enforceMfaRateLimit, enforcePasswordCheckRateLimit } from "../../lib/rate-limits";
import type { UserRow } from "../auth.table";
import { verifyPassword } from "../password";
import type { LoginGrant } from "../sessions";
import { completeMfaLogin, mfaFactors, mfaMethods, recordWrongAnswer } from "./mfa-challenge";
import { hashRecoveryCode, newRecoveryCodes } from "./recovery-codes";
import {
  deleteRecoveryCodes,
  deleteTotp,
  insertRecoveryCodes,
  recoveryCodesLeft,
  spendTotpStep,
  totpOf,
  upsertUnconfirmedTotp,
} from "./totp.data";
import { newTotpEnrolment, openTotpSecret, sealTotpSecret, type TotpEnrolment, totpEnrolment, totpKeyring, totpStep } from "./totp-secret";

/** Who is enrolling: a signed-in account, or one in the middle of a login that requires a factor. */
export type Enroller = { user: UserRow } | { user: UserRow; challengeId: string };

const viaChallenge = (who: Enroller): who is { user: UserRow; challengeId: string } => "challengeId" in who;

/** The password check of enrolment and removal: limited like change-password, a wrong one a 403. */
export async function requirePassword<E extends AppEnv>(c: Context<E>, user: UserRow, password: string, action: string) {
  await enforcePasswordCheckRateLimit(c, user.id, "password check");
  if (!(await verifyPassword(password, user.passwordHash)).valid) {
    audit(c, {
      userId: user.id,
      action,
      target: `user:${user.id}`,
      outcome: "failure",
      detail: { reason: "wrong_password", method: "totp" },
    });
    throw new ProblemError(403, {
      code: "invalid_password",
      detail: "The password is incorrect; nothing was changed.",
      errors: [{ path: "body.password", message: "incorrect" }],
    });
  }
}

/**
 * A new secret for `who`, unconfirmed until a code proves the app has it: replaces an earlier
 * unconfirmed one; 409 when TOTP is already confirmed (remove it first). Through a login
 * challenge only an account with no second factor at all may enrol.
 */
export async function enrolTotp<E extends AppEnv>(c: Context<E>, who: Enroller) {
  const { user } = who;
  if (viaChallenge(who) && mfaMethods(await mfaFactors(c.var.db, user.id)).length > 0)
    throw new ProblemError(403, {
      code: "mfa_enrolment_not_allowed",
      detail: "This account already has a second factor: answer the sign-in challenge with it (POST /api/auth/mfa/verify).",
    });
  const keyring = await totpKeyring(c.var.settings);
  const enrolment = newTotpEnrolment(user.email);
  const [stored] = await upsertUnconfirmedTotp(c.var.db, {
    userId: user.id,
    secretSealed: await sealTotpSecret(keyring, user.id, enrolment.secret),
    keyId: keyring.current.id,
  });
  if (!stored) {
    audit(c, {
      userId: user.id,
      action: "auth.mfa.enrol",
      target: `user:${user.id}`,
      outcome: "denied",
      detail: { reason: "already_enrolled", method: "totp" },
    });
    throw new ProblemError(409, {
      code: "totp_already_enrolled",
      detail: "Two-factor sign-in with an authenticator app is already set up; remove it first (DELETE /api/auth/mfa/totp).",
    });
  }
  audit(c, { userId: user.id, action: "auth.mfa.enrol", target: `user:${user.id}`, outcome: "success", detail: { method: "totp" } });
  return enrolment;
}

const invalidCode = (status: 400 | 401, detail: string) =>
  new ProblemError(status, { code: "invalid_code", detail, errors: [{ path: "body.code", message: "incorrect or already used" }] });

/**
 * Confirms the pending secret with a code from the app and issues ten recovery codes (replacing
 * any earlier ones), returned once. Through a login challenge this also completes the login;
 * there a wrong code counts against the challenge's attempts.
 */
export async function confirmTotp<E extends AppEnv>(
  c: Context<E>,
  who: Enroller,
  code: string,
): Promise<{ recoveryCodes: string[]; grant?: LoginGrant }> {
  const { user } = who;
  const { db } = c.var;
  await enforceMfaRateLimit(c, user.id, viaChallenge(who) ? who.challengeId : undefined);
  const [pending] = await totpOf(db, user.id);
  if (!pending || pending.confirmedAt)
    throw new ProblemError(409, {
      code: pending ? "totp_already_enrolled" : "totp_not_enrolled",
      detail: pending
        ? "Two-factor sign-in with an authenticator app is already confirmed."
        : "There is no authenticator app waiting to be confirmed; start with POST /api/auth/mfa/totp.",
    });
  const secret = await openTotpSecret(await totpKeyring(c.var.settings), user.id, pending.secretSealed);
  const step = totpStep(secret, code);
  const [confirmed] = step === undefined ? [] : await spendTotpStep(db, user.id, step, { confirm: true });
  if (!confirmed) {
    if (viaChallenge(who)) await recordWrongAnswer(db, who.challengeId);
    audit(c, {
      userId: user.id,
      action: "auth.mfa.confirm",
      target: `user:${user.id}`,
      outcome: "failure",
      detail: { reason: "invalid_code", method: "totp" },
    });
    throw invalidCode(400, "The code is not the one your authenticator app shows now; enter the current 6-digit code.");
  }
  const recoveryCodes = newRecoveryCodes();
  const hashes = await Promise.all(recoveryCodes.map(hashRecoveryCode));
  await db.batch([deleteRecoveryCodes(db, user.id), insertRecoveryCodes(db, user.id, hashes)]);
  audit(c, {
    userId: user.id,
    action: "auth.mfa.confirm",
    target: `user:${user.id}`,
    outcome: "success",
    detail: { method: "totp", codes: hashes.length },
  });
  const grant = viaChallenge(who) ? await completeMfaLogin(c, who.challengeId, user.id, "enrolment") : undefined;
  return { recoveryCodes, grant };
}

/** The enrolment waiting for its confirming code, to show again after a wrong one; undefined when there is none. */
export async function pendingTotpEnrolment<E extends AppEnv>(c: Context<E>, user: UserRow): Promise<TotpEnrolment | undefined> {
  const [pending] = await totpOf(c.var.db, user.id);
  if (!pending || pending.confirmedAt) return undefined;
  return totpEnrolment(await openTotpSecret(await totpKeyring(c.var.settings), user.id, pending.secretSealed), user.email);
}

/** Removes TOTP and its recovery codes once the password checks out; 404 when there is none. */
export async function removeTotp<E extends AppEnv>(c: Context<E>, user: UserRow, password: string): Promise<void> {
  await requirePassword(c, user, password, "auth.mfa.remove");
  const { db } = c.var;
  const [[removed]] = await db.batch([deleteTotp(db, user.id), deleteRecoveryCodes(db, user.id)] as const);
  if (!removed) throw new ProblemError(404, { code: "not_found", detail: "Two-factor sign-in with an authenticator app is not set up." });
  audit(c, { userId: user.id, action: "auth.mfa.remove", target: `user:${user.id}`, outcome: "success", detail: { method: "totp" } });
}

/** What the account has set up, for GET /api/auth/mfa and the console's settings. */
export async function mfaStatus<E extends AppEnv>(c: Context<E>, userId: string) {
  const { db } = c.var;
  const [[totp], factors, [codes]] = await Promise.all([totpOf(db, userId), mfaFactors(db, userId), recoveryCodesLeft(db, userId)]);
  return {
    totp: { enabled: Boolean(totp?.confirmedAt), confirmed_at: totp?.confirmedAt?.toISOString() ?? null },
    passkeys: factors.passkeys,
    recovery_codes_left: codes?.left ?? 0,
  };
}
