/**
 * The refresh rotation's grace window: requests sent at once with the same refresh token (two
 * console tabs, or a page and its stream, after the access cookie expired) all continue the
 * login with the same successor; a spent token that comes back after the window, or whose
 * successor has been spent in turn, is reuse and ends the login as before.
 */
import { describe, expect, it } from "vitest";
import { REFRESH_GRACE_SECONDS } from "../src/auth/sessions";
import {
  authHeader,
  createAdmin,
  createVerifiedTherapist,
  decodeJwt,
  expectProblem,
  loginAs,
  registerUser,
  runSql,
} from "./support/accounts";
import { createTestApi } from "./support/api";
import { auditEvents } from "./support/audit";
import { ok, read } from "./support/client";
import { consoleVisitor } from "./support/console";

const api = await createTestApi();
const admin = await createAdmin(api);

const ACCESS_COOKIE = "__Host-ta-access";
const REFRESH_COOKIE = "__Host-ta-refresh";

function refresh(refreshToken: string) {
  return read(api.client.api.auth.refresh.$post({ json: { refresh_token: refreshToken } }));
}

function me(accessToken: string) {
  return read(api.client.api.auth.me.$get({}, { headers: authHeader(accessToken) }));
}

/** Moves every spend of the login's tokens back past the grace window, as if that time had passed. */
async function outlastGraceWindow(sessionId: string) {
  await runSql(
    api,
    "update refresh_tokens set used_at = used_at - make_interval(secs => $2) where family_id = $1 and used_at is not null",
    [sessionId, REFRESH_GRACE_SECONDS + 1],
  );
}

async function expectLoginEnded(refreshToken: string, accessTokens: string[]) {
  const next = await refresh(refreshToken);
  expectProblem(next.res, next.body, 401, "invalid_refresh_token");
  for (const access of accessTokens) {
    const { res, body } = await me(access);
    expectProblem(res, body, 401, "unauthorized");
  }
}

describe("POST /api/auth/refresh within the grace window", () => {
  it("answers two refreshes sent at once with one token both with the same successor, and the login continues", async () => {
    const tokens = await loginAs(api, await registerUser(api));
    const answers = await Promise.all([refresh(tokens.refresh_token), refresh(tokens.refresh_token)]);
    const [first, second] = answers.map((answer) => ok(answer, 200).body);
    expect(second.refresh_token).toBe(first.refresh_token);
    expect(first.refresh_token).not.toBe(tokens.refresh_token);
    for (const pair of [first, second]) {
      expect(decodeJwt(pair.access_token).payload.sid).toBe(decodeJwt(tokens.access_token).payload.sid);
      expect((await me(pair.access_token)).res.status).toBe(200);
    }
    const next = ok(await refresh(first.refresh_token), 200).body;
    expect((await me(next.access_token)).res.status).toBe(200);
  });

  it("gives twenty concurrent refreshes with one token one successor between them, and ends nothing", async () => {
    const tokens = await loginAs(api, await registerUser(api));
    const answers = await Promise.all(Array.from({ length: 20 }, () => refresh(tokens.refresh_token)));
    const successors = new Set(answers.map((answer) => ok(answer, 200).body.refresh_token));
    expect(successors.size).toBe(1);
    const sid = decodeJwt(tokens.access_token).payload.sid;
    const [[stored]] = await runSql(api, "select count(*) from refresh_tokens where family_id = $1", [sid]);
    expect(Number(stored)).toBe(2);
    expect((await refresh([...successors][0])).res.status).toBe(200);
  });

  it("still counts as reuse a spent token whose successor has itself been spent: the login ends", async () => {
    const tokens = await loginAs(api, await registerUser(api));
    const second = ok(await refresh(tokens.refresh_token), 200).body;
    const third = ok(await refresh(second.refresh_token), 200).body;
    const stale = await refresh(tokens.refresh_token);
    expectProblem(stale.res, stale.body, 401, "invalid_refresh_token");
    await expectLoginEnded(third.refresh_token, [third.access_token, second.access_token]);
  });

  it("grants nothing on a login that has ended, even within the window", async () => {
    const tokens = await loginAs(api, await registerUser(api));
    const rotated = ok(await refresh(tokens.refresh_token), 200).body;
    expect((await api.fetch("/api/auth/logout", { method: "POST", headers: authHeader(rotated.access_token) })).status).toBe(204);
    const again = await refresh(tokens.refresh_token);
    expectProblem(again.res, again.body, 401, "invalid_refresh_token");
  });
});

describe("POST /api/auth/refresh after the grace window", () => {
  it(`treats the spent token as reuse once its ${REFRESH_GRACE_SECONDS} s window has passed: the whole login ends, audited`, async () => {
    const account = await registerUser(api);
    const tokens = await loginAs(api, account);
    const rotated = ok(await refresh(tokens.refresh_token), 200).body;
    const sid = decodeJwt(tokens.access_token).payload.sid;
    await outlastGraceWindow(sid);

    const reused = await refresh(tokens.refresh_token);
    expectProblem(reused.res, reused.body, 401, "invalid_refresh_token");
    await expectLoginEnded(rotated.refresh_token, [rotated.access_token, tokens.access_token]);
    const events = await auditEvents(api, admin.tokens.access_token, { user_id: account.user.id, action: "auth.refresh_reuse" });
    expect(events.map(({ target, outcome }) => ({ target, outcome }))).toEqual([{ target: `session:${sid}`, outcome: "denied" }]);
  });
});

describe("console sessions", () => {
  async function signedIn() {
    const therapist = await createVerifiedTherapist(api, admin.tokens.access_token);
    const visitor = consoleVisitor(api);
    expect((await visitor.signIn(therapist.user.email, therapist.password)).status).toBe(303);
    return visitor;
  }

  it("two pages requested at once after the access cookie expired both load, and the session continues", async () => {
    const visitor = await signedIn();
    const spent = visitor.cookies.get(REFRESH_COOKIE);
    visitor.cookies.delete(ACCESS_COOKIE);
    const pages = await Promise.all([visitor.fetch("/app"), visitor.fetch("/app/settings")]);
    expect(pages.map((page) => page.status)).toEqual([200, 200]);
    const successors = pages.map((page) => page.headers.getSetCookie().find((cookie) => cookie.startsWith(`${REFRESH_COOKIE}=`)));
    expect(successors[0]).toBeDefined();
    expect(successors[1]).toBe(successors[0]);
    expect(visitor.cookies.get(REFRESH_COOKIE)).not.toBe(spent);

    // The successor both pages handed out renews the session once more.
    visitor.cookies.delete(ACCESS_COOKIE);
    expect((await visitor.fetch("/app")).status).toBe(200);
  });

  it("a copy of the spent refresh cookie presented after the window ends the session", async () => {
    const visitor = await signedIn();
    const spent = visitor.cookies.get(REFRESH_COOKIE) as string;
    const sid = decodeJwt(visitor.cookies.get(ACCESS_COOKIE) as string).payload.sid;
    visitor.cookies.delete(ACCESS_COOKIE);
    expect((await visitor.fetch("/app")).status).toBe(200);
    await outlastGraceWindow(sid);

    const thief = consoleVisitor(api);
    thief.cookies.set(REFRESH_COOKIE, spent);
    expect((await thief.fetch("/app")).status).toBe(303);
    expect((await visitor.fetch("/app")).status).toBe(303);
  });
});
