/**
 * A login's life: refresh rotation (a new pair, reuse after the grace window revoking the chain,
 * other logins untouched, one round trip), logout (racing a refresh or committing during one,
 * ending only its own login's tokens, one round trip and the deferred audit, refused without a
 * usable token), the fixed login expiry refreshing never moves, and refresh tokens never issued.
 */
import { describe, expect, it } from "vitest";
import {
  adminUpdateUser,
  authHeader,
  base64UrlEncode,
  createAdmin,
  decodeJwt,
  expectProblem,
  loginAs,
  registerAndLogin,
  registerUser,
  runSql,
} from "../support/accounts";
import { databaseRequests, setDatabaseFault } from "../support/api";
import { ok, read } from "../support/client";
import { api, me, refresh } from "./fixtures";

describe("refresh and logout", () => {
  it("exchanges a refresh token for a new, different pair that works", async () => {
    const { tokens } = await registerAndLogin(api);
    const { body } = ok(await refresh(tokens.refresh_token), 200);
    expect(body).toMatchObject({ token_type: "bearer", expires_in: 1800, user: { id: tokens.user.id } });
    expect(body.access_token).not.toBe(tokens.access_token);
    expect(body.refresh_token).not.toBe(tokens.refresh_token);
    expect((await me(body.access_token)).res.status).toBe(200);
  });

  it("revokes the whole chain when a spent refresh token is reused after the grace window", async () => {
    const { tokens } = await registerAndLogin(api);
    const rotated = ok(await refresh(tokens.refresh_token), 200);
    // Past the grace window (test/refresh-grace.test.ts covers the window itself).
    await runSql(api, "update refresh_tokens set used_at = used_at - interval '1 minute' where used_at is not null and user_id = $1", [
      tokens.user.id,
    ]);

    const reused = await refresh(tokens.refresh_token);
    expectProblem(reused.res, reused.body, 401, "invalid_refresh_token");

    // The token the legitimate rotation produced is now dead too.
    const next = await refresh(rotated.body.refresh_token);
    expectProblem(next.res, next.body, 401, "invalid_refresh_token");
  });

  it("does not touch another login's chain when one is revoked", async () => {
    const account = await registerUser(api);
    const first = await loginAs(api, account);
    const second = await loginAs(api, account);
    await refresh(first.refresh_token);
    await refresh(first.refresh_token);
    expect((await refresh(second.refresh_token)).res.status).toBe(200);
  });

  it("a refresh costs one database round trip: the rotation and the account read in one batch", async () => {
    const tokens = await loginAs(api, await registerUser(api));
    const before = await databaseRequests(api.database);
    expect((await refresh(tokens.refresh_token)).res.status).toBe(200);
    expect((await databaseRequests(api.database)) - before).toBe(1);
  });

  it("after a logout racing a refresh, no token of that login works", async () => {
    for (let round = 0; round < 5; round++) {
      const tokens = await loginAs(api, await registerUser(api));
      const [logout, rotated] = await Promise.all([
        api.fetch("/api/auth/logout", { method: "POST", headers: authHeader(tokens.access_token) }),
        refresh(tokens.refresh_token),
      ]);
      expect(logout.status).toBe(204);
      const pair = rotated.res.status === 200 ? ok(rotated, 200).body : null;
      const refreshTokens = [tokens.refresh_token, ...(pair ? [pair.refresh_token] : [])];
      const accessTokens = [tokens.access_token, ...(pair ? [pair.access_token] : [])];
      for (const token of refreshTokens)
        expect((await refresh(token)).res.status, `round ${round}: a refresh token still rotates`).toBe(401);
      for (const token of accessTokens) expect((await me(token)).res.status, `round ${round}: an access token still works`).toBe(401);
    }
  });

  it("a logout that commits while a refresh is under way still ends the refresh's new pair", async () => {
    const tokens = await loginAs(api, await registerUser(api));
    // Every query waits 600 ms at the database, so the logout sent 300 ms after the refresh commits
    // after the refresh's first query and before anything the refresh sends later.
    await setDatabaseFault(api.database, "delay", 600);
    let rotated: Awaited<ReturnType<typeof refresh>>;
    try {
      const refreshing = refresh(tokens.refresh_token);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const logout = await api.fetch("/api/auth/logout", { method: "POST", headers: authHeader(tokens.access_token) });
      expect(logout.status).toBe(204);
      rotated = await refreshing;
    } finally {
      await setDatabaseFault(api.database, "none");
    }
    const pair = ok(rotated, 200).body;
    const next = await refresh(pair.refresh_token);
    expectProblem(next.res, next.body, 401, "invalid_refresh_token");
    const { res, body } = await me(pair.access_token);
    expectProblem(res, body, 401, "unauthorized");
  });

  it("logout refuses that login's access tokens from the next request and leaves another login's alone", async () => {
    const account = await registerUser(api);
    const first = await loginAs(api, account);
    const second = await loginAs(api, account);
    const rotated = ok(await refresh(first.refresh_token), 200);
    expect((await api.fetch("/api/auth/logout", { method: "POST", headers: authHeader(first.access_token) })).status).toBe(204);
    for (const token of [first.access_token, rotated.body.access_token]) {
      const { res, body } = await me(token);
      expectProblem(res, body, 401, "unauthorized");
    }
    expect((await me(second.access_token)).res.status).toBe(200);
  });

  it("a login ends at its fixed expiry however recently it was refreshed, and refreshing never moves it", async () => {
    const tokens = await loginAs(api, await registerUser(api));
    const sid = decodeJwt(tokens.access_token).payload.sid;
    const [[loginExpiry]] = await runSql(api, "select expires_at from login_sessions where id = $1", [sid]);
    expect(Date.parse(loginExpiry as string) - Date.now()).toBeGreaterThan(29.9 * 24 * 3600 * 1000);
    const rotated = ok(await refresh(tokens.refresh_token), 200);
    const rows = await runSql(
      api,
      "select t.expires_at, s.expires_at from refresh_tokens t join login_sessions s on s.id = t.family_id where s.id = $1",
      [sid],
    );
    expect(rows).toHaveLength(2);
    for (const [tokenExpiry, sessionExpiry] of rows) expect([tokenExpiry, sessionExpiry]).toEqual([loginExpiry, loginExpiry]);

    // Thirty days after the login (its expiry moved into the past), the fresh pair is refused too.
    await runSql(api, "update login_sessions set expires_at = now() - interval '1 second' where id = $1", [sid]);
    const late = await refresh(rotated.body.refresh_token);
    expectProblem(late.res, late.body, 401, "invalid_refresh_token");
    const { res, body } = await me(rotated.body.access_token);
    expectProblem(res, body, 401, "unauthorized");
  });

  it("logout answers 204 and that login's refresh token stops working", async () => {
    const account = await registerUser(api);
    const tokens = await loginAs(api, account);
    const other = await loginAs(api, account);
    const res = await api.fetch("/api/auth/logout", { method: "POST", headers: authHeader(tokens.access_token) });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
    const { res: after, body } = await refresh(tokens.refresh_token);
    expectProblem(after, body, 401, "invalid_refresh_token");
    // Logging out of one login leaves the other one alone.
    expect((await refresh(other.refresh_token)).res.status).toBe(200);
  });

  it("logout costs one database round trip (the account check travels with the revocation) plus the deferred audit", async () => {
    const tokens = await loginAs(api, await registerUser(api));
    await me(tokens.access_token);
    const before = await databaseRequests(api.database);
    const res = await api.fetch("/api/auth/logout", { method: "POST", headers: authHeader(tokens.access_token) });
    expect(res.status).toBe(204);
    expect((await databaseRequests(api.database)) - before).toBe(2);
  });

  it("logout with the token of a deactivated account is 401", async () => {
    const admin = await createAdmin(api);
    const account = await registerUser(api);
    const tokens = await loginAs(api, account);
    const deactivated = await adminUpdateUser(api, admin.tokens.access_token, account.user.id, { is_active: false });
    expect(deactivated.res.status).toBe(200);
    const { res, body } = await read(api.client.api.auth.logout.$post({}, { headers: authHeader(tokens.access_token) }));
    expectProblem(res, body, 401, "unauthorized");
  });

  it("logout needs a token", async () => {
    const { res, body } = await read(api.client.api.auth.logout.$post({}));
    expectProblem(res, body, 401, "unauthorized");
  });

  it("rejects a refresh token it never issued with 401", async () => {
    const garbage = base64UrlEncode(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
    const { res, body } = await refresh(garbage);
    expectProblem(res, body, 401, "invalid_refresh_token");
  });
});
