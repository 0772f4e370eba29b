/**
 * Console sessions: the API's logins (same credential check, same rotation, same version and
 * revocation checks), carried in two cookies instead of an Authorization header.
 *
 * - `__Host-ta-access`: the 30-minute access token; `__Host-ta-refresh`: the login's refresh token.
 *   `__Host-` pins them to this origin, path `/` and HTTPS; HttpOnly keeps them from scripts.
 * - SameSite=Lax rather than Strict: a clinician following a link to a case from mail or a chat
 *   arrives signed in, while no cross-site POST, fetch or frame carries the cookies. Every
 *   state-changing request also needs the login's CSRF token (./csrf.ts) and passes hono/csrf's
 *   Origin check.
 * - An expired or missing access cookie is renewed from the refresh cookie (rotation, reuse
 *   detection); a password change, deactivation or logout ends the session on the next request.
 * - The JSON API never reads these cookies: its guards take only `Authorization: Bearer`.
 * - A third, `__Host-ta-activity`, records the last activity: a session idle longer than
 *   `CONSOLE_IDLE_MINUTES` ends here, whatever the page's script did (./idle-session.ts).
 */
import type { Context, MiddlewareHandler } from "hono";
import { every } from "hono/combine";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { audit } from "../audit/audit";
import { accountStatement, revokeLoginSession } from "../auth/auth.data";
import type { UserRow } from "../auth/auth.table";
import { type AccountCheck, assertCurrentUser, jwtSecret } from "../auth/guard";
import { type LoginGrant, rotateLogin } from "../auth/sessions";
import { ACCESS_TOKEN_SECONDS, type AccessClaims, signAccessToken, verifyAccessToken } from "../auth/tokens";
import type { AppEnv } from "../env";
import { ProblemError } from "../lib/problem";
import { assertMay, type Capability } from "../policy/policy";
import { csrfTokenFor, isCsrfTokenValid } from "./csrf";
import { clearActivity, isActivityRequest, isIdleExpired, lastActivity, STAMP_EVERY_MS, stampActivity } from "./idle-session";

const ACCESS_COOKIE = "ta-access";
const REFRESH_COOKIE = "ta-refresh";
/** A login lasts 30 days at most (the server enforces it); the cookie need not outlive it. */
const REFRESH_COOKIE_SECONDS = 30 * 24 * 60 * 60;

const cookieOptions = { prefix: "host", httpOnly: true, secure: true, sameSite: "Lax", path: "/" } as const;

export type ConsoleSignedIn = { Variables: { account: UserRow; token: AccessClaims; csrfToken: string } };
export type ConsoleContext = Context<AppEnv & ConsoleSignedIn>;

/** Starts the console session of a login: both cookies. */
export async function setSessionCookies<E extends AppEnv>(c: Context<E>, grant: LoginGrant): Promise<AccessClaims> {
  const secret = jwtSecret(c);
  const accessToken = await signAccessToken(grant.user, grant.sessionId, secret);
  setCookie(c, ACCESS_COOKIE, accessToken, { ...cookieOptions, maxAge: ACCESS_TOKEN_SECONDS });
  setCookie(c, REFRESH_COOKIE, grant.refreshToken, { ...cookieOptions, maxAge: REFRESH_COOKIE_SECONDS });
  // Signing in is activity; a rotation of a login already on record leaves its record alone.
  if ((await lastActivity(c, secret, grant.sessionId)) === null) await stampActivity(c, secret, grant.sessionId);
  return (await verifyAccessToken(accessToken, secret))!;
}

export function clearSessionCookies<E extends AppEnv>(c: Context<E>) {
  deleteCookie(c, ACCESS_COOKIE, cookieOptions);
  deleteCookie(c, REFRESH_COOKIE, cookieOptions);
  clearActivity(c);
}

/** Ends a login idle too long, as /app/logout would, and says so in the audit trail. */
async function endIdleSession<E extends AppEnv>(c: Context<E>, token: AccessClaims) {
  await revokeLoginSession(c.var.db, { id: token.sid, userId: token.sub, tokenVersion: token.ver });
  audit(c, { userId: token.sub, action: "auth.logout", target: `session:${token.sid}`, outcome: "success", detail: { reason: "idle" } });
  clearSessionCookies(c);
}

/** The signed-in account from the access cookie, or after a rotation from the refresh cookie; null when neither works. */
async function resumeSession<E extends AppEnv>(c: Context<E>): Promise<{ account: UserRow; token: AccessClaims } | null> {
  const secret = jwtSecret(c);
  const accessToken = getCookie(c, ACCESS_COOKIE, "host");
  const claims = accessToken ? await verifyAccessToken(accessToken, secret) : null;
  if (claims) {
    const [account] = await accountStatement(c.var.db, claims.sub, claims.sid);
    if (isCurrent(account, claims)) return { account: account.user, token: claims };
  }
  const refreshToken = getCookie(c, REFRESH_COOKIE, "host");
  if (!refreshToken) return null;
  try {
    const grant = await rotateLogin(c, refreshToken);
    return { account: grant.user, token: await setSessionCookies(c, grant) };
  } catch (error) {
    if (error instanceof ProblemError && error.status === 401) return null;
    throw error;
  }
}

function isCurrent(account: AccountCheck | undefined, claims: AccessClaims): account is AccountCheck {
  try {
    assertCurrentUser(account, claims);
    return true;
  } catch (error) {
    if (error instanceof ProblemError) return false;
    throw error;
  }
}

/**
 * Where the sign-in page sends the person back to: only a console path of this origin, and only
 * as a browser serialises one (printable ASCII, the rest percent-encoded). A control character
 * cannot stand in the Location header (a CR LF or NUL made the sign-in answer 500), and nothing a
 * browser sent contains one.
 */
export function safeReturnPath(value: string | undefined): string {
  return value && /^\/app(?:[/?#][\x21-\x7e]*)?$/.test(value) && !value.includes("\\") ? value : "/app";
}

const isSafeMethod = (method: string) => method === "GET" || method === "HEAD";

/** A body that can carry the `_csrf` field: a form, urlencoded or multipart. */
const isFormBody = (c: Context) => /^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(c.req.header("Content-Type") ?? "");

async function assertCsrfToken(c: ConsoleContext, token: string | undefined): Promise<void> {
  if (!(await isCsrfTokenValid(jwtSecret(c), c.var.token.sid, token))) {
    throw new ProblemError(403, {
      code: "csrf_token_invalid",
      detail: "This form has expired or did not come from the console; reload the page and try again.",
    });
  }
}

/** A form's `_csrf` field: looked for last, because finding it means reading the whole body. */
const formCsrfToken = createMiddleware<AppEnv & ConsoleSignedIn>(async (c, next) => {
  const field = (await c.req.parseBody())._csrf;
  await assertCsrfToken(c, typeof field === "string" ? field : undefined);
  await next();
});

/**
 * The guard of a signed-in console page or action, with the route's own checks (a capability,
 * the AI limit) run in order before any form body is read. Sets `c.var.account` (as the API's
 * guards do), `c.var.token` and `c.var.csrfToken`. Not signed in: a page redirects to the sign-in
 * page, which returns here afterwards; a state-changing request without the login's CSRF token is
 * refused with 403. A script's X-CSRF-Token header costs nothing to read and is checked before
 * `checksBeforeBody`; a form's `_csrf` field after them, so that a student's or an over-limit
 * clinician's upload (up to 36 MiB for voice) is refused unread.
 *
 * @example consoleActions.post("/voice/analyze", consoleSessionWith(consoleMay("clinical"), voiceReady), handler)
 */
export function consoleSessionWith(...checksBeforeBody: MiddlewareHandler[]) {
  return createMiddleware<AppEnv & ConsoleSignedIn>(async (c, next) => {
    const session = await resumeSession(c);
    if (!session) {
      clearSessionCookies(c);
      if (!isSafeMethod(c.req.method))
        throw new ProblemError(401, { code: "session_expired", detail: "Your session has ended; sign in again and retry." });
      const url = new URL(c.req.url);
      return c.redirect(`/app/login?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
    }
    const secret = jwtSecret(c);
    const lastActive = await lastActivity(c, secret, session.token.sid);
    if (isIdleExpired(lastActive, c.var.settings.consoleIdleMinutes)) {
      await endIdleSession(c, session.token);
      if (!isSafeMethod(c.req.method))
        throw new ProblemError(401, {
          code: "session_expired",
          detail: "You were signed out after a period of inactivity; sign in again.",
        });
      return c.redirect("/app/login?idle=1", 303);
    }
    if (isActivityRequest(c) && Date.now() - (lastActive ?? 0) >= STAMP_EVERY_MS) await stampActivity(c, secret, session.token.sid);
    c.set("account", session.account);
    c.set("token", session.token);
    c.set("csrfToken", await csrfTokenFor(jwtSecret(c), session.token.sid));
    const header = c.req.header("X-CSRF-Token");
    const tokenInForm = !isSafeMethod(c.req.method) && !header && isFormBody(c);
    if (!isSafeMethod(c.req.method) && !tokenInForm) await assertCsrfToken(c, header);
    await every(...checksBeforeBody, ...(tokenInForm ? [formCsrfToken] : []))(c, next);
  });
}

/** {@link consoleSessionWith} no checks of its own: the pages and actions open to every signed-in account. */
export const consoleSession = consoleSessionWith();

/**
 * After {@link consoleSession} (or inside {@link consoleSessionWith}, before a form is read): pages and actions that need a capability (policy.ts), refused
 * with the same 403 problem every door gives (an error page for a page, problem+json for a script).
 */
export const consoleMay = (capability: Capability) =>
  createMiddleware<AppEnv & ConsoleSignedIn>(async (c, next) => {
    assertMay(c.var.account, capability);
    await next();
  });
