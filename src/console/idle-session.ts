/**
 * Sign-out after inactivity, the server's half (the page's half is /app/assets/idle.js, which
 * warns a minute before and signs out at the deadline). A script can be stopped (a frozen tab, a
 * closed laptop, a person who knows devtools), so the server keeps its own record of the last
 * activity and ends a console session idle for longer than `CONSOLE_IDLE_MINUTES`.
 *
 * The record is a cookie, not a login_sessions column (that would need a migration, and a write
 * per request): `__Host-ta-activity` = `<login id>.<epoch ms>.<HMAC>`, signed under a key derived
 * from the JWT secret with a label of its own, so it can be neither forged nor moved to another
 * login. It is HttpOnly like the session cookies. A console session without a valid record for
 * its login counts as idle: deleting the cookie does not keep a session alive.
 *
 * What counts as activity: navigations, form posts and the scripts' state-changing calls (each is
 * a person doing something), and the page script's throttled ping while the person types or
 * scrolls without sending anything. A script's background GET does not. The record is rewritten
 * at most once a {@link STAMP_EVERY_MS}, so the server allows that much on top of the setting:
 * the page always signs out first, and the server at most a minute later.
 */
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { createContext } from "hono/jsx";
import type { AppEnv } from "../env";

const ACTIVITY_COOKIE = "ta-activity";
/** Lives as long as the refresh cookie it goes with (30 days). */
const ACTIVITY_COOKIE_SECONDS = 30 * 24 * 60 * 60;
const cookieOptions = { prefix: "host", httpOnly: true, secure: true, sameSite: "Lax", path: "/" } as const;
/** How stale the record may get before a request rewrites it; also the server's slack over the setting. */
export const STAMP_EVERY_MS = 60_000;

/** The idle limit in minutes, from the settings (the layout puts it in the page for idle.js). */
export const IdleMinutesContext = createContext<number | undefined>(undefined);

const encoder = new TextEncoder();
const keys = new Map<string, Promise<CryptoKey>>();

function activityKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    // A key of its own (derived by a label), so this signature can never pass as a CSRF token or any other.
    key = crypto.subtle
      .digest("SHA-256", encoder.encode(`console-activity\u0000${secret}`))
      .then((raw) => crypto.subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]));
    keys.set(secret, key);
  }
  return key;
}

const toHex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");
const fromHex = (hex: string) => Uint8Array.from(hex.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));

/** The cookie's value for a login active at `at` (epoch milliseconds). */
export async function activityStamp(secret: string, sessionId: string, at: number): Promise<string> {
  const payload = `${sessionId}.${at}`;
  return `${payload}.${toHex(await crypto.subtle.sign("HMAC", await activityKey(secret), encoder.encode(payload)))}`;
}

/** When the login was last active, by the request's cookie; null when the cookie is missing, forged or another login's. */
export async function lastActivity<E extends AppEnv>(c: Context<E>, secret: string, sessionId: string): Promise<number | null> {
  const match = /^([0-9a-f-]{36})\.(\d{1,15})\.([0-9a-f]{64})$/.exec(getCookie(c, ACTIVITY_COOKIE, "host") ?? "");
  if (!match || match[1] !== sessionId) return null;
  const valid = await crypto.subtle.verify("HMAC", await activityKey(secret), fromHex(match[3]), encoder.encode(`${match[1]}.${match[2]}`));
  return valid ? Number(match[2]) : null;
}

export async function stampActivity<E extends AppEnv>(c: Context<E>, secret: string, sessionId: string, at = Date.now()) {
  setCookie(c, ACTIVITY_COOKIE, await activityStamp(secret, sessionId, at), { ...cookieOptions, maxAge: ACTIVITY_COOKIE_SECONDS });
}

export function clearActivity<E extends AppEnv>(c: Context<E>) {
  deleteCookie(c, ACTIVITY_COOKIE, cookieOptions);
}

/** Whether a login last active at `at` has been idle too long (the setting plus the record's slack). */
export function isIdleExpired(at: number | null, idleMinutes: number, now = Date.now()): boolean {
  return at === null || now - at > idleMinutes * 60_000 + STAMP_EVERY_MS;
}

/**
 * A person's doing, not a script's background read: any state-changing request, and a GET that
 * the browser says is a navigation (`Sec-Fetch-Mode: navigate`, or no such header from an older
 * client).
 */
export function isActivityRequest(c: Context): boolean {
  if (c.req.method !== "GET" && c.req.method !== "HEAD") return true;
  const mode = c.req.header("Sec-Fetch-Mode");
  return mode === undefined || mode === "navigate";
}
