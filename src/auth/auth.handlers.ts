import type { Context } from "hono";
import { audit } from "../audit/audit";
import type { AppEnv } from "../env";
import { uniqueViolation } from "../lib/db";
import { bodyKind } from "../lib/form-data";
import type { AppRouteHandler } from "../lib/openapi";
import { ProblemError, validationProblem } from "../lib/problem";
import { changePassword as changeAccountPassword, updateProfile } from "./account-changes";
import { insertUser, revokeLoginSession } from "./auth.data";
import type { changePassword, login, logout, me, refresh, register, updateMe } from "./auth.routes";
import { LoginBody, toUser } from "./auth.schemas";
import { withCurrentAccount } from "./guard";
import { isMfaChallenge, mfaChallengeBody } from "./mfa/mfa-challenge";
import { hashPassword } from "./password";
import { rotateLogin, signIn, tokenPairBody } from "./sessions";

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
  const outcome = await signIn(c, identifier, password);
  // The route's type names only the token pair (see LoginAnswerSchema); the challenge is the documented other 200.
  if (isMfaChallenge(outcome)) return c.json(mfaChallengeBody(outcome) as never, 200);
  return c.json(await tokenPairBody(c, outcome), 200);
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

export const updateCurrentUser: AppRouteHandler<typeof updateMe> = async (c) =>
  c.json(toUser(await updateProfile(c, c.var.account, c.req.valid("json"))), 200);

export const changeUserPassword: AppRouteHandler<typeof changePassword> = async (c) => {
  await changeAccountPassword(c, c.var.account, c.req.valid("json"));
  return c.body(null, 204);
};
