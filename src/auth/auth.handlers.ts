import type { Context } from "hono";
import { audit, auditInsert, defer } from "../audit/audit";
import type { AppEnv } from "../env";
import { uniqueViolation } from "../lib/db";
import { bodyKind } from "../lib/form-data";
import type { AppRouteHandler } from "../lib/openapi";
import { ProblemError, validationProblem } from "../lib/problem";
import { enforceAccountLoginRateLimit, enforceLoginRateLimit, enforcePasswordCheckRateLimit } from "../lib/rate-limits";
import {
  findUserByLogin,
  insertLoginSession,
  insertRefreshToken,
  insertUser,
  refreshTokenWithUser,
  revokeAllLoginSessions,
  revokeLoginSession,
  rotateRefreshToken,
  updateUser,
} from "./auth.data";
import type { changePassword, login, logout, me, refresh, register, updateMe } from "./auth.routes";
import { jwtSecret, withCurrentAccount } from "./guard";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./password";
import { revokeAllPersonalTokens } from "./personal-tokens.data";
import { mintRefreshToken, tokenPairBody } from "./sessions";
import { hashRefreshToken, loginExpiry } from "./tokens";
import { isLicensedRole, LoginBody, toUser } from "./user.schemas";

const invalidCredentials = () =>
  new ProblemError(401, { code: "invalid_credentials", detail: "The username/email or password is incorrect." });

export const registerUser: AppRouteHandler<typeof register> = async (c) => {
  const body = c.req.valid("json");
  const started = Date.now();
  try {
    const [user] = await insertUser(c.var.db, {
      username: body.username,
      email: body.email,
      passwordHash: await hashPassword(body.password),
      firstName: body.first_name,
      lastName: body.last_name,
      role: body.role,
      licenseType: body.license_type ?? (body.role === "student" ? "STUDENT" : null),
      licenseNumber: body.license_number ?? null,
      licenseState: body.license_state ?? null,
      organization: body.organization ?? null,
      isVerified: false,
    });
    audit(c, {
      userId: user.id,
      action: "auth.register",
      target: `user:${user.id}`,
      outcome: "success",
      latencyMs: Date.now() - started,
      detail: { role: user.role },
    });
    return c.json({ user: toUser(user) }, 201);
  } catch (error) {
    const constraint = uniqueViolation(error);
    if (!constraint) throw error;
    const field = constraint.includes("username") ? "username" : "email";
    audit(c, { action: "auth.register", target: `${field}-taken`, outcome: "failure", latencyMs: Date.now() - started });
    throw new ProblemError(409, {
      code: "already_registered",
      detail: `An account with that ${field} already exists (compared case-insensitively).`,
      errors: [{ path: `body.${field}`, message: "already registered" }],
    });
  }
};

/** JSON or the OAuth2 password form; the form's `username` also accepts the email. */
function loginInput<E extends AppEnv>(c: Context<E>): { login: string; password: string } {
  const isJson = bodyKind(c.req.header("content-type")) === "json";
  const raw = isJson ? (c.req.valid as (target: "json") => unknown)("json") : (c.req.valid as (target: "form") => unknown)("form");
  const parsed = LoginBody.safeParse(raw);
  if (!parsed.success)
    throw validationProblem(parsed.error.issues, "body", "Give username (or email) and password, as JSON or as an OAuth2 password form");
  return { login: (parsed.data.email ?? parsed.data.username)!, password: parsed.data.password };
}

export const loginUser: AppRouteHandler<typeof login> = async (c) => {
  const { login: identifier, password } = loginInput(c);
  await enforceLoginRateLimit(c, identifier);
  const started = Date.now();
  const user = await findUserByLogin(c.var.db, identifier);
  await enforceAccountLoginRateLimit(c, user?.id, identifier);
  if (!user) {
    await verifyAgainstDummy(password);
    audit(c, { action: "auth.login", outcome: "failure", latencyMs: Date.now() - started, detail: { reason: "unknown_account" } });
    throw invalidCredentials();
  }
  const check = await verifyPassword(password, user.passwordHash);
  if (!check.valid) {
    audit(c, {
      userId: user.id,
      action: "auth.login",
      target: `user:${user.id}`,
      outcome: "failure",
      latencyMs: Date.now() - started,
      detail: { reason: "wrong_password" },
    });
    throw invalidCredentials();
  }
  if (!user.isActive) {
    audit(c, {
      userId: user.id,
      action: "auth.login",
      target: `user:${user.id}`,
      outcome: "denied",
      latencyMs: Date.now() - started,
      detail: { reason: "inactive" },
    });
    throw new ProblemError(403, { code: "account_inactive", detail: "This account has been deactivated; contact an administrator." });
  }
  const loggedInAt = new Date();
  const sessionId = crypto.randomUUID();
  const refresh = await mintRefreshToken();
  const body = await tokenPairBody(c, { ...user, lastLogin: loggedInAt }, sessionId, refresh.token);
  const newHash = check.needsRehash ? await hashPassword(password) : undefined;
  const expiresAt = loginExpiry(loggedInAt);
  // One blocking query; the login, its refresh token, last_login and the audit event are written after the response.
  defer(c, "login", () =>
    c.var.db.batch([
      insertLoginSession(c.var.db, { id: sessionId, userId: user.id, tokenVersion: user.tokenVersion, expiresAt }),
      insertRefreshToken(c.var.db, { userId: user.id, familyId: sessionId, tokenHash: refresh.hash, expiresAt }),
      updateUser(c.var.db, user.id, { lastLogin: loggedInAt, ...(newHash ? { passwordHash: newHash } : {}) }),
      auditInsert(c, {
        userId: user.id,
        action: "auth.login",
        target: `user:${user.id}`,
        outcome: "success",
        latencyMs: Date.now() - started,
      }),
    ]),
  );
  return c.json(body, 200);
};

export const refreshTokens: AppRouteHandler<typeof refresh> = async (c) => {
  const { refresh_token } = c.req.valid("json");
  jwtSecret(c); // a misconfigured server must not spend the token before it fails
  const [presentedHash, successor] = await Promise.all([hashRefreshToken(refresh_token), mintRefreshToken()]);
  const { db } = c.var;
  // One round trip: the rotation (one statement) and the token's login and account after it.
  const [
    {
      rows: [outcome],
    },
    [known],
  ] = await db.batch([rotateRefreshToken(db, presentedHash, successor.hash), refreshTokenWithUser(db, presentedHash)] as const);
  if (!outcome?.rotated || !known) {
    // A spent or revoked token came back: someone may hold a copy, so the rotation ended that login.
    if (outcome?.revoked && known)
      audit(c, { userId: known.user.id, action: "auth.refresh_reuse", target: `session:${outcome.revoked}`, outcome: "denied" });
    throw new ProblemError(401, {
      code: "invalid_refresh_token",
      detail: "The refresh token is invalid, expired or already used; log in again.",
    });
  }
  return c.json(await tokenPairBody(c, known.user, outcome.rotated, successor.token), 200);
};

export const logoutUser: AppRouteHandler<typeof logout> = async (c) => {
  const { token: claims } = c.var;
  // One round trip: the account check travels with the revocation.
  await withCurrentAccount(c, revokeLoginSession(c.var.db, { id: claims.sid, userId: claims.sub, tokenVersion: claims.ver }));
  audit(c, { userId: claims.sub, action: "auth.logout", target: `session:${claims.sid}`, outcome: "success" });
  return c.body(null, 204);
};

export const currentUser: AppRouteHandler<typeof me> = (c) => c.json(toUser(c.var.account), 200);

export const updateCurrentUser: AppRouteHandler<typeof updateMe> = async (c) => {
  const body = c.req.valid("json");
  const { account: user } = c.var;
  const licenseChanged =
    (body.license_type !== undefined && body.license_type !== user.licenseType) ||
    (body.license_number !== undefined && body.license_number !== user.licenseNumber) ||
    (body.license_state !== undefined && body.license_state !== user.licenseState);
  // Changed licence details must be checked again by an admin before licensed routes open.
  const resetVerification = licenseChanged && isLicensedRole(user.role) && user.isVerified;
  const [updated] = await updateUser(c.var.db, user.id, {
    firstName: body.first_name,
    lastName: body.last_name,
    organization: body.organization,
    licenseType: body.license_type,
    licenseNumber: body.license_number,
    licenseState: body.license_state,
    ...(resetVerification ? { isVerified: false } : {}),
  });
  audit(c, {
    userId: user.id,
    action: "auth.update_profile",
    target: `user:${user.id}`,
    outcome: "success",
    detail: { fields: Object.keys(body), verification_reset: resetVerification },
  });
  return c.json(toUser(updated), 200);
};

export const changeUserPassword: AppRouteHandler<typeof changePassword> = async (c) => {
  const { current_password, new_password } = c.req.valid("json");
  const { account: user } = c.var;
  await enforcePasswordCheckRateLimit(c, user.id);
  if (!(await verifyPassword(current_password, user.passwordHash)).valid) {
    audit(c, { userId: user.id, action: "auth.change_password", target: `user:${user.id}`, outcome: "failure" });
    throw new ProblemError(400, {
      code: "invalid_current_password",
      detail: "The current password is incorrect.",
      errors: [{ path: "body.current_password", message: "incorrect" }],
    });
  }
  const passwordHash = await hashPassword(new_password);
  // Personal tokens too: one minted by whoever knew the old password must not outlive it.
  await c.var.db.batch([
    updateUser(c.var.db, user.id, { passwordHash, tokenVersion: user.tokenVersion + 1 }),
    revokeAllLoginSessions(c.var.db, user.id),
    revokeAllPersonalTokens(c.var.db, user.id),
  ]);
  audit(c, { userId: user.id, action: "auth.change_password", target: `user:${user.id}`, outcome: "success" });
  return c.body(null, 204);
};
