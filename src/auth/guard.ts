/**
 * Access guards that routes declare: `requireAuth` (any active user with a current token),
 * `requireLicensed` (a verified therapist, psychiatrist or psychologist, or an admin) and
 * `requireAdmin`. The user is loaded with one query per request, so deactivation and password
 * changes take effect on the very next request.
 */
import type { BatchItem } from "drizzle-orm/batch";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { ProblemError } from "../lib/problem";
import type { UserRow } from "./auth.schema";
import { type AccessClaims, verifyAccessToken } from "./tokens";
import { isLicensedRole, isLicensedUser } from "./user.schemas";
import { findUserById, userByIdStatement } from "./users.data";

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

/** The account behind a token must still exist, be active and have the token's version. */
function assertCurrentUser(user: UserRow | undefined, claims: AccessClaims): asserts user is UserRow {
  if (!user || user.tokenVersion !== claims.ver) throw unauthorized("The access token is no longer valid; log in again.");
  if (!user.isActive) throw unauthorized("This account has been deactivated.");
}

export const requireAuth = createMiddleware<AppEnv>(async (c, next) => {
  const claims = await claimsFrom(c);
  const user = await findUserById(c.var.db, claims.sub);
  assertCurrentUser(user, claims);
  c.set("user", user);
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
 * For (licensed) routes whose work is one database statement: the token is checked here, and
 * the account check travels with the route's own statement in one batch ({@link withLicensedUser}),
 * so the request costs one round trip. A token issued to an account without access then
 * (a student, a licence not yet verified) is checked against the database at once, so it is
 * turned away before any AI call.
 */
export const requireLicensedToken = createMiddleware<AppEnv>(async (c, next) => {
  const claims = await claimsFrom(c);
  c.set("claims", claims);
  if (claims.lic !== true) {
    // The account may have been verified (or its role changed) since the token was issued, so
    // ask the database (one cheap query, still before any AI call) rather than refuse on the claim.
    const user = await findUserById(c.var.db, claims.sub);
    assertCurrentUser(user, claims);
    if (!isLicensedUser(user)) throw new ProblemError(403, { code: "forbidden", detail: notLicensed(user) });
  }
  await next();
});

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
  const [users, result] = await c.var.db.batch([userByIdStatement(c.var.db, claims.sub), statement] as const);
  const user = users[0];
  assertCurrentUser(user, claims);
  c.set("user", user);
  return result as Awaited<T>;
}

/** {@link withCurrentUser} for (licensed) routes guarded by {@link requireLicensedToken}. */
export async function withLicensedUser<T extends BatchItem<"pg">>(c: Context<AppEnv>, statement: T): Promise<Awaited<T>> {
  const result = await withCurrentUser(c, statement);
  const user = c.get("user");
  if (!isLicensedUser(user)) throw new ProblemError(403, { code: "forbidden", detail: notLicensed(user) });
  return result;
}

export const requireAdmin = requireRole((user) => user.role === "admin", () => "This route needs the admin role.");

/** Middleware lists for route definitions: `middleware: licensed`. */
export const authenticated = [requireAuth];
export const licensed = [requireAuth, requireLicensed];
export const adminOnly = [requireAuth, requireAdmin];
