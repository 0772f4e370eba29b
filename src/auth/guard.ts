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
 *
 * Personal access tokens (`tap_…`) are refused by those guards (403 `insufficient_scope`, decided
 * from the prefix alone). A route opts in with a guard that takes an access token or a personal
 * token with one scope: `readAccess` and `mcpAccess` (like `authenticated`: `c.var.account`, plus
 * `c.var.credential`), or `readTokenChecked` (like `tokenChecked`: `c.var.caller`, and
 * {@link withCallerAccount}). A personal token is checked in one query (the token joined with its
 * owner) and acts with the owner's current account: a deactivated owner, an expired or a revoked
 * token is refused on the next request. */
import type { BatchItem } from "drizzle-orm/batch";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { defer } from "../audit/audit";
import type { AppEnv } from "../env";
import { ProblemError } from "../lib/problem";
import { assertMay, type Capability } from "../policy/policy";
import { accountCheck, accountStatement } from "./auth.data";
import type { TokenScope, UserRow } from "./auth.table";
import { hashPersonalToken, isPersonalToken } from "./personal-token-secret";
import { personalTokenStatement, touchPersonalToken } from "./personal-tokens.data";
import { type AccessClaims, verifyAccessToken } from "./tokens";

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

const insufficientScope = (detail: string, scope?: TokenScope) =>
  new ProblemError(403, {
    code: "insufficient_scope",
    detail,
    headers: {
      "WWW-Authenticate": `Bearer realm="therapy-assistant", error="insufficient_scope"${scope ? `, scope="${scope}"` : ""}`,
    },
  });

/** The bearer credential, if the header holds a well-formed one. */
function bearerFrom<E extends AppEnv>(c: Context<E>): string | undefined {
  const header = c.req.header("Authorization") ?? "";
  return /^Bearer\s+([A-Za-z0-9_\-.]+)$/i.exec(header.trim())?.[1];
}

/** Verifies the bearer token (signature, HS256 only, expiry); no database access. */
async function claimsFrom<E extends AppEnv>(c: Context<E>): Promise<AccessClaims> {
  const secret = jwtSecret(c);
  const bearer = bearerFrom(c);
  if (!bearer) throw unauthorized("A bearer access token is required (Authorization: Bearer <token>).");
  if (isPersonalToken(bearer))
    throw insufficientScope(
      "Personal access tokens are not accepted on this route: their scopes (read, mcp) do not cover it. " +
        "Use an access token from POST /api/auth/login.",
    );
  const claims = await verifyAccessToken(bearer, secret);
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

/** The verified access token and its current account (one query). */
async function accessTokenAccount<E extends AppEnv>(c: Context<E>): Promise<{ token: AccessClaims; user: UserRow }> {
  const token = await claimsFrom(c);
  const [account] = await accountCheck(c.var.db, token.sub, token.sid);
  assertCurrentUser(account, token);
  return { token, user: account.user };
}

const requireAccount = createMiddleware<AppEnv & SignedIn>(async (c, next) => {
  const { token, user } = await accessTokenAccount(c);
  c.set("token", token);
  c.set("account", user);
  await next();
});

/** How the caller of a route that also takes personal tokens proved who they are. */
export type Credential = { kind: "access_token"; claims: AccessClaims } | { kind: "personal_token"; tokenId: string; scopes: TokenScope[] };
/** Set by `readAccess` and `mcpAccess`: the account, as `authenticated` sets it, and the credential. */
export type Authorized = { Variables: { account: UserRow; credential: Credential } };
export type AuthorizedContext = Context<AppEnv & Authorized>;
/** Any guard that loaded the account: for flows shared by the REST routes, the console and the MCP tools. */
export type HasAccount = AppEnv & { Variables: { account: UserRow } };

/**
 * The owner's current account behind a personal token that has `scope`; one query. The token's
 * last use is recorded after the response, at most once a minute.
 */
async function personalTokenAccount<E extends AppEnv>(c: Context<E>, bearer: string, scope: TokenScope) {
  const [row] = await personalTokenStatement(c.var.db, await hashPersonalToken(bearer));
  if (!row) throw unauthorized("The personal access token is not valid.");
  if (row.revoked) throw unauthorized("The personal access token has been revoked.");
  if (row.expired) throw unauthorized("The personal access token has expired; create a new one.");
  if (!row.user.isActive) throw unauthorized("This account has been deactivated.");
  if (!row.scopes.includes(scope))
    throw insufficientScope(
      `This personal access token's scopes (${row.scopes.join(", ")}) do not include ${scope}, which this route needs.`,
      scope,
    );
  if (row.stale) defer(c, "personal-token-last-used", () => touchPersonalToken(c.var.db, row.id));
  return { user: row.user, credential: { kind: "personal_token" as const, tokenId: row.id, scopes: row.scopes } };
}

/** An access token, or a personal token with `scope`: the account loaded either way. */
function requireAccountOrPersonalToken(scope: TokenScope) {
  return createMiddleware<AppEnv & Authorized>(async (c, next) => {
    const bearer = bearerFrom(c);
    if (bearer && isPersonalToken(bearer)) {
      const { user, credential } = await personalTokenAccount(c, bearer, scope);
      c.set("account", user);
      c.set("credential", credential);
    } else {
      const { token, user } = await accessTokenAccount(c);
      c.set("account", user);
      c.set("credential", { kind: "access_token", claims: token });
    }
    await next();
  });
}

/** After an account is loaded: the capability's 403 problem (policy.ts) for those without it. */
function requireCapability(capability: Capability) {
  return createMiddleware<AppEnv & SignedIn>(async (c, next) => {
    assertMay(c.var.account, capability);
    await next();
  });
}

const requireLicensed = requireCapability("clinical");
const requireAdmin = requireCapability("admin");
const requireWorkspace = requireCapability("workspace");

const requireToken = createMiddleware<AppEnv & TokenChecked>(async (c, next) => {
  c.set("token", await claimsFrom(c));
  await next();
});

async function batchWithAccount<T extends BatchItem<"pg">>(db: AppEnv["Variables"]["db"], token: AccessClaims, statement: T) {
  const [accounts, result] = await db.batch([accountStatement(db, token.sub, token.sid), statement] as const);
  const account = accounts[0];
  assertCurrentUser(account, token);
  return { account: account.user, result: result as Awaited<T> };
}

/**
 * Runs `statement` in one batch (one round trip) with the account check; returns the account
 * and the statement's result. The statement runs even when the check then fails, so it must be a
 * read, or a write that only touches what the signed token itself names (logout revoking the
 * token's own login).
 */
export function withCurrentAccount<T extends BatchItem<"pg">>(
  c: TokenCheckedContext,
  statement: T,
): Promise<{ account: UserRow; result: Awaited<T> }> {
  return batchWithAccount(c.var.db, c.var.token, statement);
}

/**
 * The caller of a `readTokenChecked` route: an access token verified but its account not yet
 * checked, or a personal token whose owner's account is already loaded.
 */
export type Caller = { kind: "access_token"; claims: AccessClaims } | { kind: "personal_token"; tokenId: string; account: UserRow };
export type CallerChecked = { Variables: { caller: Caller } };

/** The caller's user id, known before any database work for an access token. */
export const callerUserId = (caller: Caller) => (caller.kind === "access_token" ? caller.claims.sub : caller.account.id);

/**
 * {@link withCurrentAccount} for `readTokenChecked` routes: an access token's account check
 * travels in the statement's batch; a personal token's was done by the guard, so the statement
 * runs alone. Either way the statement is a read.
 */
export async function withCallerAccount<T extends BatchItem<"pg">>(
  c: Context<AppEnv & CallerChecked>,
  statement: T,
): Promise<{ account: UserRow; result: Awaited<T> }> {
  const caller = c.var.caller;
  if (caller.kind === "personal_token") return { account: caller.account, result: (await statement) as Awaited<T> };
  return batchWithAccount(c.var.db, caller.claims, statement);
}

const requireCaller = createMiddleware<AppEnv & CallerChecked>(async (c, next) => {
  const bearer = bearerFrom(c);
  if (bearer && isPersonalToken(bearer)) {
    const { user, credential } = await personalTokenAccount(c, bearer, "read");
    c.set("caller", { kind: "personal_token", tokenId: credential.tokenId, account: user });
  } else {
    c.set("caller", { kind: "access_token", claims: await claimsFrom(c) });
  }
  await next();
});

/**
 * The guards, as route middleware: `middleware: licensed`. Tuples, so that a route's handler type
 * carries the variables they set.
 */
export const authenticated: [typeof requireAccount] = [requireAccount];
export const licensed: [typeof requireAccount, typeof requireLicensed] = [requireAccount, requireLicensed];
export const adminOnly: [typeof requireAccount, typeof requireAdmin] = [requireAccount, requireAdmin];
/** The clinician workspace (docs/api.md §12): verified licensed clinicians, not administrators. */
export const workspaceOwner: [typeof requireAccount, typeof requireWorkspace] = [requireAccount, requireWorkspace];
export const tokenChecked: [typeof requireToken] = [requireToken];

const requireReadAccess = requireAccountOrPersonalToken("read");
const requireMcpAccess = requireAccountOrPersonalToken("mcp");
/** Read-only routes that personal tokens with scope `read` may use; access tokens as `authenticated`. */
export const readAccess: [typeof requireReadAccess] = [requireReadAccess];
/** The MCP server: an access token, or a personal token with scope `mcp`; `c.var.account` as `authenticated`. */
export const mcpAccess: [typeof requireMcpAccess] = [requireMcpAccess];
/** `tokenChecked` for read-only routes that personal tokens with scope `read` may use. */
export const readTokenChecked: [typeof requireCaller] = [requireCaller];
