/**
 * Session hygiene for a shared clinic computer (docs/api.md §2, §8): the server's half of sign-out
 * after inactivity (a signed last-activity cookie; a session idle past CONSOLE_IDLE_MINUTES ends on
 * its next request, whatever the page's script did), "Sign out everywhere" in the settings, and
 * POST /api/auth/logout-all. Time is moved by signing an older activity record with the test's
 * JWT secret, as the server would have written it then.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { activityStamp } from "../../src/console/idle-session";
import { authHeader, createAdmin, decodeJwt, expectProblem, type LoggedIn, loginAs, registerUser } from "../support/accounts";
import { createTestApi } from "../support/api";
import { auditEvents } from "../support/audit";
import { read } from "../support/client";
import { type ConsoleVisitor, consoleVisitor, csrfTokenIn, ORIGIN, visibleText } from "../support/console";

const IDLE_MINUTES = 2;
/** The server rewrites the record at most once a minute, and allows that minute on top of the setting. */
const SERVER_LIMIT_MS = (IDLE_MINUTES + 1) * 60_000;
// A binding wrangler.toml declares; the generated binding types may not list it yet.
const api = await createTestApi({ CONSOLE_IDLE_MINUTES: String(IDLE_MINUTES) } as Record<string, string>);
const admin = await createAdmin(api);

const ACCESS = "__Host-ta-access";
const REFRESH = "__Host-ta-refresh";
const ACTIVITY = "__Host-ta-activity";
const SECRET = env.JWT_SECRET;

async function signedIn(account: { user: { email: string }; password: string }): Promise<ConsoleVisitor> {
  const visitor = consoleVisitor(api);
  const res = await visitor.signIn(account.user.email, account.password);
  expect(res.status, await res.clone().text()).toBe(303);
  return visitor;
}

const sessionIdOf = (visitor: ConsoleVisitor) => String(decodeJwt(visitor.cookies.get(ACCESS)!).payload.sid);

/** Makes the visitor's last recorded activity `ms` ago. */
async function lastActiveAgo(visitor: ConsoleVisitor, ms: number) {
  visitor.cookies.set(ACTIVITY, await activityStamp(SECRET, sessionIdOf(visitor), Date.now() - ms));
}

const newAccount = () => registerUser(api);
const setCookieNames = (res: Response) => res.headers.getSetCookie().map((cookie) => cookie.slice(0, cookie.indexOf("=")));

function refresh(refreshToken: string) {
  return read(api.client.api.auth.refresh.$post({ json: { refresh_token: refreshToken } }));
}

function me(accessToken: string) {
  return read(api.client.api.auth.me.$get({}, { headers: authHeader(accessToken) }));
}

describe("sign-out after inactivity, the server's half", () => {
  it("gives every signed-in page the limit, the hidden warning and idle.js, and records activity at sign-in", async () => {
    const visitor = consoleVisitor(api);
    const account = await newAccount();
    const signIn = await visitor.signIn(account.user.email, account.password);
    expect(setCookieNames(signIn)).toContain(ACTIVITY);
    const { html } = await visitor.page("/app");
    expect(html).toContain(`<meta name="console-idle-minutes" content="${IDLE_MINUTES}"/>`);
    expect(html).toContain('<script type="module" src="/app/assets/idle.js"></script>');
    expect(html).toMatch(/<div id="idle-warning"[^>]*role="alertdialog"[^>]*hidden/);
    expect(visibleText(html)).toContain("You will be signed out in 60 seconds");
    expect(visibleText(html)).toContain("Stay signed in");

    const login = await consoleVisitor(api).page("/app/login");
    expect(login.html).not.toContain("idle.js");
    expect(login.html).not.toContain("idle-warning");
  });

  it("ends a session idle past the limit on its next page: the login is revoked and the sign-in page says why", async () => {
    const account = await newAccount();
    const visitor = await signedIn(account);
    const sid = sessionIdOf(visitor);
    const stolen = new Map(visitor.cookies);
    await lastActiveAgo(visitor, SERVER_LIMIT_MS + 5_000);

    const res = await visitor.fetch("/app/cases");
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/app/login?idle=1");
    expect(visitor.cookies.size).toBe(0);

    // The refresh token is dead, not merely forgotten by this browser.
    const copy = consoleVisitor(api);
    copy.cookies.set(REFRESH, stolen.get(REFRESH)!);
    copy.cookies.set(ACTIVITY, await activityStamp(SECRET, sid, Date.now()));
    expect((await copy.fetch("/app")).headers.get("Location")).toBe("/app/login?next=%2Fapp");

    const notice = await consoleVisitor(api).page("/app/login?idle=1");
    expect(visibleText(notice.html)).toContain(`Signed out after ${IDLE_MINUTES} minutes of inactivity.`);
    const events = await auditEvents(api, admin.tokens.access_token, { user_id: account.user.id, action: "auth.logout" });
    expect(events[0]).toMatchObject({ target: `session:${sid}`, outcome: "success", detail: { reason: "idle" } });
  });

  it("refuses a script's call on an idle session with 401 session_expired, and ends the login", async () => {
    const visitor = await signedIn(await newAccount());
    const csrf = await visitor.csrfToken();
    await lastActiveAgo(visitor, SERVER_LIMIT_MS + 5_000);
    const res = await visitor.fetch("/app/session/activity", { method: "POST", headers: { Origin: ORIGIN, "X-CSRF-Token": csrf } });
    expectProblem(res, await res.json(), 401, "session_expired");
    expect(visitor.cookies.size).toBe(0);
  });

  it("counts a session with no activity record, or a forged or another login's one, as idle", async () => {
    const account = await newAccount();
    const missing = await signedIn(account);
    missing.cookies.delete(ACTIVITY);
    expect((await missing.fetch("/app")).headers.get("Location")).toBe("/app/login?idle=1");

    const forged = await signedIn(account);
    forged.cookies.set(ACTIVITY, await activityStamp("another-secret-that-is-long-enough-for-hs256-xx", sessionIdOf(forged), Date.now()));
    expect((await forged.fetch("/app")).headers.get("Location")).toBe("/app/login?idle=1");

    const borrowed = await signedIn(account);
    const other = await signedIn(account);
    borrowed.cookies.set(ACTIVITY, other.cookies.get(ACTIVITY)!);
    expect((await borrowed.fetch("/app")).headers.get("Location")).toBe("/app/login?idle=1");
  });

  it("keeps a session active within the limit; a page view or the script's ping records activity, a background read does not", async () => {
    const visitor = await signedIn(await newAccount());
    const csrf = await visitor.csrfToken();

    await lastActiveAgo(visitor, 90_000);
    const background = await visitor.fetch("/app/cases", { headers: { "Sec-Fetch-Mode": "cors" } });
    expect(background.status).toBe(200);
    expect(setCookieNames(background)).not.toContain(ACTIVITY);

    const navigation = await visitor.fetch("/app/cases", { headers: { "Sec-Fetch-Mode": "navigate" } });
    expect(navigation.status).toBe(200);
    expect(setCookieNames(navigation)).toContain(ACTIVITY);

    await lastActiveAgo(visitor, SERVER_LIMIT_MS - 10_000);
    const ping = await visitor.fetch("/app/session/activity", { method: "POST", headers: { Origin: ORIGIN, "X-CSRF-Token": csrf } });
    expect(ping.status).toBe(204);
    expect(setCookieNames(ping)).toContain(ACTIVITY);
    // The fresh record keeps the session on well past the old deadline's minute.
    expect((await visitor.fetch("/app")).status).toBe(200);
  });

  it("refuses the ping without the login's CSRF token", async () => {
    const visitor = await signedIn(await newAccount());
    const res = await visitor.fetch("/app/session/activity", { method: "POST", headers: { Origin: ORIGIN } });
    expectProblem(res, await res.json(), 403, "csrf_token_invalid");
  });
});

describe("sign out everywhere", () => {
  async function everywhere(account: LoggedIn | Awaited<ReturnType<typeof registerUser>>) {
    const here = await signedIn(account);
    const elsewhere = await signedIn(account);
    const apiClient = await loginAs(api, account);
    return { here, elsewhere, apiClient };
  }

  it("ends every login of the account from the settings page, this browser's included, and lands on the sign-in page", async () => {
    const account = await newAccount();
    const { here, elsewhere, apiClient } = await everywhere(account);
    const settings = await here.page("/app/settings");
    expect(visibleText(settings.html)).toContain("Sign out everywhere");

    const res = await here.post("/app/settings/sign-out-everywhere", { _csrf: csrfTokenIn(settings.html) });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/app/login?signed_out=everywhere");
    expect(here.cookies.size).toBe(0);
    expect((await elsewhere.fetch("/app")).headers.get("Location")).toBe("/app/login?next=%2Fapp");
    expect((await me(apiClient.access_token)).res.status).toBe(401);
    expect((await refresh(apiClient.refresh_token)).res.status).toBe(401);

    const notice = await consoleVisitor(api).page("/app/login?signed_out=everywhere");
    expect(visibleText(notice.html)).toContain("Signed out everywhere. Sign in again to continue.");
    const [event] = await auditEvents(api, admin.tokens.access_token, { user_id: account.user.id, action: "auth.logout_all" });
    expect(event).toMatchObject({ target: `user:${account.user.id}`, outcome: "success" });
  });

  it("changes nothing without the CSRF token", async () => {
    const account = await newAccount();
    const { here, elsewhere } = await everywhere(account);
    const res = await here.post("/app/settings/sign-out-everywhere", {});
    expect(res.status).toBe(403);
    expect((await here.fetch("/app")).status).toBe(200);
    expect((await elsewhere.fetch("/app")).status).toBe(200);
  });

  it("POST /api/auth/logout-all answers 204 and ends every login of the caller, not another account's", async () => {
    const account = await newAccount();
    const { here, apiClient } = await everywhere(account);
    const second = await loginAs(api, account);
    const bystander = await loginAs(api, await newAccount());

    const res = await api.fetch("/api/auth/logout-all", { method: "POST", headers: authHeader(apiClient.access_token) });
    expect(res.status).toBe(204);
    expect(res.headers.get("Cache-Control")).toContain("no-store");
    for (const tokens of [apiClient, second]) {
      expect((await me(tokens.access_token)).res.status).toBe(401);
      expect((await refresh(tokens.refresh_token)).res.status).toBe(401);
    }
    expect((await here.fetch("/app")).status).toBe(303);
    expect((await me(bystander.access_token)).res.status).toBe(200);
    const [event] = await auditEvents(api, admin.tokens.access_token, { user_id: account.user.id, action: "auth.logout_all" });
    expect(event).toMatchObject({ outcome: "success" });

    // Its access token is dead now: calling again is a 401, like any ended login.
    const again = await api.fetch("/api/auth/logout-all", { method: "POST", headers: authHeader(apiClient.access_token) });
    expectProblem(again, await again.json(), 401, "unauthorized");
  });

  it("POST /api/auth/logout-all without a token is 401", async () => {
    const res = await api.fetch("/api/auth/logout-all", { method: "POST" });
    expectProblem(res, await res.json(), 401, "unauthorized");
  });
});
