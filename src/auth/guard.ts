/**
 * Access guards that routes declare: `requireAuth` (any active user with a current token),
 * `requireLicensed` (a verified therapist, psychiatrist or psychologist, or an admin) and
 * `requireAdmin`. The user and the token's login are loaded with one query per request, so
 * deactivation, a role or verification change, a password change and a logout all take effect
 * on the very next request.
 */
import type { BatchItem } from "drizzle-orm/batch";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { ProblemError } from "../lib/problem";
import type { UserRow } from "./auth.schema";
import { type AccessClaims, verifyAccessToken } from "./tokens";
import { isLicensedRole, isLicensedUser } from "./user.schemas";
import { accountStatement } from "./users.data";

const unauthorized = (detail: string) =>
  new ProblemError(401, { code: "unauthorized", detail, headers: { "WWW-Authenticate": 'Bearer realm="therapy-assistant", error="invalid_token"' } });

/** The JWT secret, or a 503 problem: a missing or short secret never falls back to a default. */
export function jwtSecret(c: Context<AppEnv>): string {
  const secret = c.var.settings.jwtSecret;
  if (!secret) {
    throw new ProblemError(503, { code: "server_misconfigured", detail: "Authentication is unavailable: the server's JWT secret is missing or too short.", headers: { "Retry-After": "60" } });
  }
  return secret;
}

/** Verifies the bearer token (signature, HS256 only, expiry); no database access. */
async function claimsFrom(c: Context<AppEnv>): Promise<AccessClaims> {
  const secret = jwtSecret(c);
  const header = c.req.header("Authorization") ?? "";
  const match = /^Bearer\s+([A-Za-z0-9_\-.]+)$/i.exec(header.trim());
  if (!match) throw unauthorized("A bearer access token is required (Authorization: Bearer <token>).");
  const claims = await verifyAccessToken(match[1], secret);
  if (!claims) throw unauthorized("The access token is invalid or expired; log in again or refresh it.");
  return claims;
}

type Account = { user: UserRow; loginEnded: boolean };

/** The account behind a token must still exist, be active and have the token's version, and its login must not be over. */
function assertCurrentUser(account: Account | undefined, claims: AccessClaims): asserts account is Account {
  if (!account || account.user.tokenVersion !== claims.ver || account.loginEnded) throw unauthorized("The access token is no longer valid; log in again.");
  if (!account.user.isActive) throw unauthorized("This account has been deactivated.");
}

export const requireAuth = createMiddleware<AppEnv>(async (c, next) => {
  const claims = await claimsFrom(c);
  const [account] = await accountStatement(c.var.db, claims.sub, claims.sid);
  assertCurrentUser(account, claims);
  c.set("user", account.user);
  c.set("claims", claims);
  await next();
});

function requireRole(allowed: (user: UserRow) => boolean, detail: (user: UserRow) => string) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const user = c.get("user");
    if (!allowed(user)) throw new ProblemError(403, { code: "forbidden", detail: detail(user) });
    await next();
  });
}

const notLicensed = (user: Pick<UserRow, "role">) =>
  isLicensedRole(user.role)
    ? "This route needs a verified licensed professional: your licence has not been verified by an admin yet."
    : "This route is for licensed professionals (therapist, psychiatrist, psychologist) verified by an admin; student accounts cannot use it.";

export const requireLicensed = requireRole(isLicensedUser, notLicensed);

/**
 * For (auth) routes whose work is one database statement: the token is checked here and the
 * account check travels with the route's statement in one batch ({@link withCurrentUser}).
 */
export const requireToken = createMiddleware<AppEnv>(async (c, next) => {
  c.set("claims", await claimsFrom(c));
  await next();
});

/**
 * Runs `statement` in one batch (one round trip) with the account check; returns its result.
 * The statement runs even when the check then fails, so it must be a read, or a write that only
 * touches what the signed token itself names (logout revoking the token's own session).
 */
export async function withCurrentUser<T extends BatchItem<"pg">>(c: Context<AppEnv>, statement: T): Promise<Awaited<T>> {
  const claims = c.get("claims");
  const [accounts, result] = await c.var.db.batch([accountStatement(c.var.db, claims.sub, claims.sid), statement] as const);
  const account = accounts[0];
  assertCurrentUser(account, claims);
  c.set("user", account.user);
  return result as Awaited<T>;
}

export const requireAdmin = requireRole((user) => user.role === "admin", () => "This route needs the admin role.");

/** Middleware lists for route definitions: `middleware: licensed`. */
export const authenticated = [requireAuth];
export const licensed = [requireAuth, requireLicensed];
export const adminOnly = [requireAuth, requireAdmin];
