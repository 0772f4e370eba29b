import type { Context } from "hono";
import { audit } from "../audit/audit";
import type { AppEnv } from "../env";
import { uniqueViolation } from "../lib/db";
import { bodyKind } from "../lib/form-data";
import type { AppRouteHandler } from "../lib/openapi";
import { ProblemError, validationProblem } from "../lib/problem";
import { enforcePasswordCheckRateLimit } from "../lib/rate-limits";
import { insertUser, revokeAllLoginSessions, revokeLoginSession, updateUser } from "./auth.data";
import type { changePassword, login, logout, me, refresh, register, updateMe } from "./auth.routes";
import { withCurrentAccount } from "./guard";
import { hashPassword, verifyPassword } from "./password";
import { rotateLogin, signIn, tokenPairBody } from "./sessions";
import { isLicensedRole, LoginBody, toUser } from "./user.schemas";

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
  return c.json(await tokenPairBody(c, await signIn(c, identifier, password)), 200);
};

export const refreshTokens: AppRouteHandler<typeof refresh> = async (c) => {
  const { refresh_token } = c.req.valid("json");
  return c.json(await tokenPairBody(c, await rotateLogin(c, refresh_token)), 200);
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
  await c.var.db.batch([
    updateUser(c.var.db, user.id, { passwordHash, tokenVersion: user.tokenVersion + 1 }),
    revokeAllLoginSessions(c.var.db, user.id),
  ]);
  audit(c, { userId: user.id, action: "auth.change_password", target: `user:${user.id}`, outcome: "success" });
  return c.body(null, 204);
};
