/**
 * The login's second step with something the person knows from their app or their paper: a
 * TOTP code or a recovery code. Each answer is rate limited (per challenge, account and IP); a
 * wrong one counts against the challenge, which is spent after five.
 */
import type { Context } from "hono";
import { audit } from "../../audit/audit";
import type { AppEnv } from "../../env";
import { ProblemError } from "../../lib/problem";
import { enforceMfaRateLimit } from "../../lib/rate-limits";
import type { LoginGrant } from "../sessions";
import { completeMfaLogin, type MfaMethod, recordWrongAnswer, requireMfaChallenge } from "./mfa-challenge";
import { hashRecoveryCode } from "./recovery-codes";
import { recoveryCodesLeft, spendRecoveryCode, spendTotpStep, totpOf } from "./totp.data";
import { openTotpSecret, totpKeyring, totpStep } from "./totp-secret";

export type SecondFactorAnswer = { code: string } | { recovery_code: string };

/** Whether the answer is right, spending what it used (the TOTP step, the recovery code). */
async function checkAnswer<E extends AppEnv>(c: Context<E>, userId: string, answer: SecondFactorAnswer): Promise<boolean> {
  const { db } = c.var;
  const [totp] = await totpOf(db, userId);
  if (!totp?.confirmedAt) return false; // recovery codes belong to a confirmed TOTP
  if ("code" in answer) {
    const step = totpStep(await openTotpSecret(await totpKeyring(c.var.settings), userId, totp.secretSealed), answer.code);
    return step !== undefined && (await spendTotpStep(db, userId, step, { confirm: false })).length > 0;
  }
  return (await spendRecoveryCode(db, userId, await hashRecoveryCode(answer.recovery_code))).length > 0;
}

/** Checks the answer to a login challenge and, when right, completes the login (the grant a password login gives). */
export async function verifySecondFactor<E extends AppEnv>(
  c: Context<E>,
  challengeToken: string,
  answer: SecondFactorAnswer,
): Promise<LoginGrant> {
  const challenge = await requireMfaChallenge(c.var.db, challengeToken);
  const { userId } = challenge;
  const method: MfaMethod = "code" in answer ? "totp" : "recovery_code";
  await enforceMfaRateLimit(c, userId, challenge.id);
  if (!(await checkAnswer(c, userId, answer))) {
    const left = await recordWrongAnswer(c.var.db, challenge.id);
    audit(c, {
      userId,
      action: "auth.mfa.verify",
      target: `user:${userId}`,
      outcome: "failure",
      detail: { method, reason: "invalid_code", remaining: left },
    });
    throw new ProblemError(401, {
      code: "invalid_code",
      detail:
        left > 0
          ? `The code is wrong or was already used; ${left} attempt${left === 1 ? "" : "s"} left.`
          : "The code is wrong or was already used, and this sign-in is out of attempts; log in again with your password.",
      errors: [{ path: `body.${method === "totp" ? "code" : "recovery_code"}`, message: "incorrect or already used" }],
    });
  }
  const grant = await completeMfaLogin(c, challenge.id, userId, method);
  audit(c, { userId, action: "auth.mfa.verify", target: `user:${userId}`, outcome: "success", detail: { method } });
  if (method === "recovery_code") {
    const [codes] = await recoveryCodesLeft(c.var.db, userId);
    audit(c, {
      userId,
      action: "auth.mfa.recovery_code_used",
      target: `user:${userId}`,
      outcome: "success",
      detail: { remaining: codes?.left ?? 0 },
    });
  }
  return grant;
}
