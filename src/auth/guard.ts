/**
 * The one guard style. A route declares its guard once, in its route definition
 * (`middleware: authenticated | licensed | adminOnly | tokenChecked`); handlers of that route get
 * the guard's outcome with a type that says what was loaded:
 * - `authenticated`, `licensed`, `adminOnly` load the account (one query: the account, and
 *   whether the token's login has ended) before the handler runs: `c.var.account` and
 *   `c.var.token` are set. Deactivation, a role or verification change, a password change and a
 *   logout all take effect on the very next request; `licensed` refuses students and unverified
 *   clinicians before any clinical work (no embeddings call, no crisis scan).
 * - `tokenChecked` verifies only the token (`c.var.token`); the handler then sends the account
 *   check in the same batch as its own statement with {@link withCurrentAccount}, which returns the
 *   account. Routes whose whole work is one statement (search, logout) cost one round trip.
 * Routes with no guard have neither variable, and the types say so.
 */
import type { BatchItem } from "drizzle-orm/batch";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { ProblemError } from "../lib/problem";
import { accountStatement } from "./auth.data";
import type { UserRow } from "./auth.table";
import { type AccessClaims, verifyAccessToken } from "./tokens";
import { isLicensedRole, isLicensedUser } from "./user.schemas";

const unauthorized = (detail: string) =>
  new ProblemError(401, {
    code: "unauthorized",
    detail,
    headers: { "WWW-Authenticate": 'Bearer realm="therapy-assistant", error="invalid_token"' },
  });

/** The JWT secret, or a 503 problem: a missing or short secret never falls back to a default. */
export function jwtSecret<E extends AppEnv>(c: Context<E>): string {
  const secret = c.var.settings.jwtSecret;
  if (!secret) {
    throw new ProblemError(503, {
      code: "server_misconfigured",
      detail: "Authentication is unavailable: the server's JWT secret is missing or too short.",
      headers: { "Retry-After": "60" },
    });
  }
  return secret;
}

/** Verifies the bearer token (signature, HS256 only, expiry); no database access. */
async function claimsFrom<E extends AppEnv>(c: Context<E>): Promise<AccessClaims> {
  const secret = jwtSecret(c);
  const header = c.req.header("Authorization") ?? "";
  const match = /^Bearer\s+([A-Za-z0-9_\-.]+)$/i.exec(header.trim());
  if (!match) throw unauthorized("A bearer access token is required (Authorization: Bearer <token>).");
  const claims = await verifyAccessToken(match[1], secret);
  if (!claims) throw unauthorized("The access token is invalid or expired; log in again or refresh it.");
  return claims;
}

export type AccountCheck = { user: UserRow; loginEnded: boolean };

/** Variables a guard sets: the verified token, and the account once it is loaded. */
export type TokenChecked = { Variables: { token: AccessClaims } };
export type SignedIn = { Variables: { token: AccessClaims; account: UserRow } };
/** Contexts of guarded routes, for the functions their handlers call. */
type TokenCheckedContext = Context<AppEnv & TokenChecked>;
export type SignedInContext = Context<AppEnv & SignedIn>;

/** The account behind a token must still exist, be active and have the token's version, and its login must not be over. */
export function assertCurrentUser(account: AccountCheck | undefined, claims: AccessClaims): asserts account is AccountCheck {
  if (!account || account.user.tokenVersion !== claims.ver || account.loginEnded)
    throw unauthorized("The access token is no longer valid; log in again.");
  if (!account.user.isActive) throw unauthorized("This account has been deactivated.");
}

const requireAccount = createMiddleware<AppEnv & SignedIn>(async (c, next) => {
  const token = await claimsFrom(c);
  const [account] = await accountStatement(c.var.db, token.sub, token.sid);
  assertCurrentUser(account, token);
  c.set("token", token);
  c.set("account", account.user);
  await next();
});

function requireRole(allowed: (user: UserRow) => boolean, detail: (user: UserRow) => string) {
  return createMiddleware<AppEnv & SignedIn>(async (c, next) => {
    const account = c.var.account;
    if (!allowed(account)) throw new ProblemError(403, { code: "forbidden", detail: detail(account) });
    await next();
  });
}

const notLicensed = (user: Pick<UserRow, "role">) =>
  isLicensedRole(user.role)
    ? "This route needs a verified licensed professional: your licence has not been verified by an admin yet."
    : "This route is for licensed professionals (therapist, psychiatrist, psychologist) verified by an admin; student accounts cannot use it.";

/** After an account is loaded (a bearer guard or the console session): verified licensed professionals and admins only. */
export const requireLicensed = requireRole(isLicensedUser, notLicensed);
const requireAdmin = requireRole(
  (user) => user.role === "admin",
  () => "This route needs the admin role.",
);

const requireToken = createMiddleware<AppEnv & TokenChecked>(async (c, next) => {
  c.set("token", await claimsFrom(c));
  await next();
});

/**
 * Runs `statement` in one batch (one round trip) with the account check; returns the account
 * and the statement's result. The statement runs even when the check then fails, so it must be a
 * read, or a write that only touches what the signed token itself names (logout revoking the
 * token's own login).
 */
export async function withCurrentAccount<T extends BatchItem<"pg">>(
  c: TokenCheckedContext,
  statement: T,
): Promise<{ account: UserRow; result: Awaited<T> }> {
  const token = c.var.token;
  const [accounts, result] = await c.var.db.batch([accountStatement(c.var.db, token.sub, token.sid), statement] as const);
  const account = accounts[0];
  assertCurrentUser(account, token);
  return { account: account.user, result: result as Awaited<T> };
}

/**
 * The guards, as route middleware: `middleware: licensed`. Tuples, so that a route's handler type
 * carries the variables they set.
 */
export const authenticated: [typeof requireAccount] = [requireAccount];
export const licensed: [typeof requireAccount, typeof requireLicensed] = [requireAccount, requireLicensed];
export const adminOnly: [typeof requireAccount, typeof requireAdmin] = [requireAccount, requireAdmin];
export const tokenChecked: [typeof requireToken] = [requireToken];
