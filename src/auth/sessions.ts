/**
 * Logins and their token pairs, shared by the JSON API (tokens in the body) and the console
 * (tokens in cookies): the credential check that starts a login, the rotation that continues it.
 */
import type { Context } from "hono";
import { audit, auditInsert, defer } from "../audit/audit";
import type { AuditDetail } from "../audit/audit-detail";
import type { AppEnv } from "../env";
import { ProblemError } from "../lib/problem";
import { enforceAccountLoginRateLimit, enforceLoginRateLimit } from "../lib/rate-limits";
import { insertLoginSession, insertRefreshToken, refreshTokenWithUser, rotationOutcome, spendRefreshToken, updateUser } from "./auth.data";
import { toUser } from "./auth.schemas";
import type { UserRow } from "./auth.table";
import { jwtSecret } from "./guard";
import { findUserAndFactorsByLogin, type MfaLoginChallenge, mfaChallengeFor } from "./mfa/mfa-challenge";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./password";
import { refreshTokenSuccessor } from "./refresh-successor";
import { ACCESS_TOKEN_SECONDS, hashRefreshToken, loginExpiry, newRefreshToken, signAccessToken } from "./tokens";

/** A login in progress: its account, its id, and the refresh token to hand to the client. */
export interface LoginGrant {
  user: UserRow;
  sessionId: string;
  refreshToken: string;
}

/** A fresh opaque refresh token and the hash that is stored in its place. */
async function mintRefreshToken(): Promise<{ token: string; hash: string }> {
  const token = newRefreshToken();
  return { token, hash: await hashRefreshToken(token) };
}

/** A deactivated account asked for a login (by password, passkey or second factor): one answer for every way in. */
export const accountInactive = () =>
  new ProblemError(403, { code: "account_inactive", detail: "This account has been deactivated; contact an administrator." });

const invalidCredentials = () =>
  new ProblemError(401, { code: "invalid_credentials", detail: "The username/email or password is incorrect." });

/**
 * Checks credentials under the login rate limits and starts a login: one blocking query; the
 * login, its refresh token, last_login and the audit event are written after the response.
 * Wrong credentials are a 401 (same answer and similar time for an unknown account), an inactive
 * account a 403, too many attempts a 429. An account that has a second factor (or must enrol one,
 * MFA_REQUIRED) gets no login yet: a challenge for the second step (./mfa/mfa-challenge.ts).
 */
export async function signIn<E extends AppEnv>(
  c: Context<E>,
  identifier: string,
  password: string,
): Promise<LoginGrant | MfaLoginChallenge> {
  await enforceLoginRateLimit(c, identifier);
  const started = Date.now();
  /** This attempt's audit event; a successful login without a second step is recorded by startLogin. */
  const recordAttempt = (outcome: "success" | "failure" | "denied", detail: AuditDetail, userId?: string) =>
    audit(c, {
      userId,
      action: "auth.login",
      target: userId && `user:${userId}`,
      outcome,
      latencyMs: Date.now() - started,
      detail,
    });
  const found = await findUserAndFactorsByLogin(c.var.db, identifier);
  const user = found?.user;
  await enforceAccountLoginRateLimit(c, user?.id, identifier);
  if (!user) {
    await verifyAgainstDummy(password);
    recordAttempt("failure", { reason: "unknown_account" });
    throw invalidCredentials();
  }
  const check = await verifyPassword(password, user.passwordHash);
  if (!check.valid) {
    recordAttempt("failure", { reason: "wrong_password" }, user.id);
    throw invalidCredentials();
  }
  if (!user.isActive) {
    recordAttempt("denied", { reason: "inactive" }, user.id);
    throw accountInactive();
  }
  jwtSecret(c); // a misconfigured server answers 503 before it records a login nobody can use
  const newPasswordHash = check.needsRehash ? await hashPassword(password) : undefined;
  const challenge = await mfaChallengeFor(c, user, found.factors);
  if (challenge) {
    if (newPasswordHash) defer(c, "password rehash", () => updateUser(c.var.db, user.id, { passwordHash: newPasswordHash }));
    recordAttempt("success", { stage: challenge.kind }, user.id);
    return challenge;
  }
  return startLogin(c, user, { started, newPasswordHash });
}

/**
 * Records a login for an account whose credentials (and second factor, when it has one) were
 * checked: the login, its refresh token, last_login and the audit event are written after the
 * response. Shared by the password login and the second step of one that needed a second factor.
 */
export async function startLogin<E extends AppEnv>(
  c: Context<E>,
  user: UserRow,
  { started = Date.now(), newPasswordHash, method }: { started?: number; newPasswordHash?: string; method?: string } = {},
): Promise<LoginGrant> {
  jwtSecret(c);
  const loggedInAt = new Date();
  const sessionId = crypto.randomUUID();
  const refresh = await mintRefreshToken();
  const expiresAt = loginExpiry(loggedInAt);
  defer(c, "login", () =>
    c.var.db.batch([
      insertLoginSession(c.var.db, { id: sessionId, userId: user.id, tokenVersion: user.tokenVersion, expiresAt }),
      insertRefreshToken(c.var.db, { userId: user.id, familyId: sessionId, tokenHash: refresh.hash, expiresAt }),
      updateUser(c.var.db, user.id, { lastLogin: loggedInAt, ...(newPasswordHash ? { passwordHash: newPasswordHash } : {}) }),
      auditInsert(c, {
        userId: user.id,
        action: "auth.login",
        target: `user:${user.id}`,
        outcome: "success",
        latencyMs: Date.now() - started,
        ...(method ? { detail: { method } } : {}),
      }),
    ]),
  );
  return { user: { ...user, lastLogin: loggedInAt }, sessionId, refreshToken: refresh.token };
}

/**
 * How long a spent refresh token still yields its successor. Requests sent at once after the
 * access token expired (two console tabs, a page and its stream) all present the same refresh
 * token; only the first spends it. Long enough for the others to arrive, short enough that a copy
 * presented later is still caught as reuse.
 */
export const REFRESH_GRACE_SECONDS = 10;

/**
 * Spends a refresh token for its successor on the same login (one round trip). Within
 * {@link REFRESH_GRACE_SECONDS} of its spend, while its successor is unspent, the same token
 * yields the same successor again (see ./refresh-successor.ts). Otherwise a spent or revoked token
 * coming back means someone may hold a copy: the rotation ends that login, and this answers 401
 * like any other unusable token.
 */
export async function rotateLogin<E extends AppEnv>(c: Context<E>, refreshToken: string): Promise<LoginGrant> {
  const secret = jwtSecret(c); // a misconfigured server must not spend the token before it fails
  const successor = await refreshTokenSuccessor(refreshToken, secret);
  const [presentedHash, successorHash] = await Promise.all([hashRefreshToken(refreshToken), hashRefreshToken(successor)]);
  const { db } = c.var;
  const [
    ,
    {
      rows: [outcome],
    },
    [known],
  ] = await db.batch([
    spendRefreshToken(db, presentedHash, successorHash),
    rotationOutcome(db, presentedHash, successorHash, REFRESH_GRACE_SECONDS),
    refreshTokenWithUser(db, presentedHash),
  ] as const);
  if (!outcome?.rotated || !known) {
    if (outcome?.revoked && known)
      audit(c, { userId: known.user.id, action: "auth.refresh_reuse", target: `session:${outcome.revoked}`, outcome: "denied" });
    throw new ProblemError(401, {
      code: "invalid_refresh_token",
      detail: "The refresh token is invalid, expired or already used; log in again.",
    });
  }
  return { user: known.user, sessionId: outcome.rotated, refreshToken: successor };
}

/** The login and refresh answer: an access token on the grant's login beside its refresh token. */
export async function tokenPairBody<E extends AppEnv>(c: Context<E>, { user, sessionId, refreshToken }: LoginGrant) {
  const accessToken = await signAccessToken(user, sessionId, jwtSecret(c));
  return {
    access_token: accessToken,
    token_type: "bearer" as const,
    expires_in: ACCESS_TOKEN_SECONDS,
    refresh_token: refreshToken,
    user: toUser(user),
  };
}
