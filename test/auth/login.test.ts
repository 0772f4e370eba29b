/**
 * Logging in (docs/api.md §2): JSON by email or username in any case, the OAuth2 password form
 * (urlencoded and multipart), the token pair and last_login, one 401 for a wrong password and an
 * unknown user, deactivated accounts, the rate limits (per IP and name, per account across IPs,
 * per IP across accounts, unknown names alike), and the round trips of a login and of GET /me.
 */
import { describe, expect, it } from "vitest";
import {
  adminUpdateUser,
  createAdmin,
  DEFAULT_PASSWORD,
  expectProblem,
  ipHeader,
  login,
  loginAs,
  randomIp,
  registerUser,
  uniqueSuffix,
} from "../support/accounts";
import { databaseRequests } from "../support/api";
import { type ApiClient, answerOf, ok, read } from "../support/client";
import { api, ISO_DATE, me, profileOf, startOfRateWindow } from "./fixtures";

type Login = ApiClient["api"]["auth"]["login"]["$post"];

describe("login", () => {
  it("accepts JSON with the email, with the username, and with the email in another case", async () => {
    const { user, password } = await registerUser(api);
    for (const body of [
      { email: user.email, password },
      { username: user.username, password },
      { email: user.email.toUpperCase(), password },
      { username: user.username.toUpperCase(), password },
    ]) {
      const answer = await login(api, body);
      expect(answer.res.status, JSON.stringify(body)).toBe(200);
      expect(ok(answer, 200).body.user.id).toBe(user.id);
    }
  });

  it("accepts the OAuth2 password form, its username field taking the username or the email", async () => {
    const { user, password } = await registerUser(api);
    for (const identifier of [user.username, user.email]) {
      const res = await api.fetch("/api/auth/login", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", ...ipHeader() },
        body: new URLSearchParams({ username: identifier, password, grant_type: "password" }).toString(),
      });
      const { body } = ok(await read(answerOf<Login>(res)), 200);
      expect(body).toMatchObject({ token_type: "bearer", user: { id: user.id } });
    }
  });

  it("accepts the password form as multipart/form-data", async () => {
    const { user, password } = await registerUser(api);
    const form = new FormData();
    form.set("username", user.email);
    form.set("password", password);
    form.set("grant_type", "password");
    const res = await api.fetch("/api/auth/login", { method: "POST", headers: ipHeader(), body: form });
    const { body } = ok(await read(answerOf<Login>(res)), 200);
    expect(body).toMatchObject({ token_type: "bearer", user: { id: user.id } });
  });

  it("answers 200 with a bearer token pair that lasts 30 minutes and the user with last_login set", async () => {
    const account = await registerUser(api);
    const before = Date.now();
    const { res, body } = ok(await login(api, { email: account.user.email, password: account.password }), 200);
    expect(res.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(Object.keys(body).sort()).toEqual(["access_token", "expires_in", "refresh_token", "token_type", "user"]);
    expect(body).toMatchObject({
      access_token: expect.any(String),
      token_type: "bearer",
      expires_in: 1800,
      refresh_token: expect.any(String),
    });
    expect(body.user).toMatchObject({ id: account.user.id, email: account.user.email });
    expect(body.user.last_login).toMatch(ISO_DATE);
    expect(Math.abs(new Date(body.user.last_login!).getTime() - before)).toBeLessThan(60_000);
    expect(JSON.stringify(body)).not.toContain("pbkdf2");

    // The deferred write made it to the database.
    expect((await profileOf(body.access_token)).last_login).toBe(body.user.last_login);
  });

  it("gives the same 401 for a wrong password and for an unknown user", async () => {
    const { user } = await registerUser(api);
    const wrongPassword = await login(api, { email: user.email, password: "Wr0ng-password!" });
    const unknownUser = await login(api, { email: `nobody.${uniqueSuffix()}@example.com`, password: "Wr0ng-password!" });
    expectProblem(wrongPassword.res, wrongPassword.body, 401, "invalid_credentials");
    expectProblem(unknownUser.res, unknownUser.body, 401, "invalid_credentials");
    const { request_id: _a, ...wrongPasswordRest } = wrongPassword.body;
    const { request_id: _b, ...unknownUserRest } = unknownUser.body;
    expect(wrongPasswordRest).toEqual(unknownUserRest);
  });

  it("treats SQL in the login field as a name, not as SQL", async () => {
    await registerUser(api);
    const { res, body } = await login(api, { username: "' OR '1'='1' --", password: "' OR '1'='1' --" });
    expectProblem(res, body, 401, "invalid_credentials");
  });

  it("refuses a deactivated account with 403 account_inactive", async () => {
    const admin = await createAdmin(api);
    const account = await registerUser(api);
    const update = await adminUpdateUser(api, admin.tokens.access_token, account.user.id, { is_active: false });
    expect(update.res.status).toBe(200);
    const { res, body } = await login(api, { email: account.user.email, password: account.password });
    expectProblem(res, body, 403, "account_inactive");
  });

  it("answers the sixth attempt within a minute from one IP for one username with 429 and Retry-After", async () => {
    const account = await registerUser(api);
    const ip = randomIp();
    await startOfRateWindow();
    for (let attempt = 1; attempt <= 5; attempt++) {
      const { res } = await login(api, { username: account.user.username, password: "Wr0ng-password!" }, ip);
      expect(res.status, `attempt ${attempt}`).toBe(401);
    }
    const { res, body } = await login(api, { username: account.user.username, password: account.password }, ip);
    expectProblem(res, body, 429, "rate_limited");
    expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);

    // The limit is per IP: the same account from elsewhere still logs in.
    const elsewhere = await login(api, { username: account.user.username, password: account.password }, randomIp());
    expect(elsewhere.res.status).toBe(200);
  });

  it("answers the eleventh attempt within a minute at one account, from ten IPs by email and username alike, with 429", async () => {
    const account = await registerUser(api);
    await startOfRateWindow();
    for (let attempt = 1; attempt <= 10; attempt++) {
      const name = attempt % 2 ? { email: account.user.email.toUpperCase() } : { username: account.user.username };
      const { res } = await login(api, { ...name, password: "Wr0ng-password!" }, randomIp());
      expect(res.status, `attempt ${attempt}`).toBe(401);
    }
    const { res, body } = await login(api, { email: account.user.email, password: account.password }, randomIp());
    expectProblem(res, body, 429, "rate_limited");
    expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);

    // The limit is per account: another account logs in from the same kind of fresh IP.
    expect((await login(api, { email: (await registerUser(api)).user.email, password: DEFAULT_PASSWORD }, randomIp())).res.status).toBe(
      200,
    );
  });

  it("answers an unknown name's eleventh attempt from ten IPs with the same 429, so the limit reveals no account", async () => {
    const unknown = `nobody-${uniqueSuffix()}@example.com`;
    await startOfRateWindow();
    for (let attempt = 1; attempt <= 10; attempt++)
      expect((await login(api, { email: unknown, password: "Wr0ng-password!" }, randomIp())).res.status).toBe(401);
    const { res, body } = await login(api, { email: unknown, password: "Wr0ng-password!" }, randomIp());
    expectProblem(res, body, 429, "rate_limited");
  });

  it("answers the twenty-first attempt within a minute from one IP across twenty accounts with 429", async () => {
    const account = await registerUser(api);
    const ip = randomIp();
    await startOfRateWindow();
    for (let attempt = 1; attempt <= 20; attempt++) {
      const { res } = await login(api, { username: `sprayed-${uniqueSuffix()}`, password: "Spr4yed-password!" }, ip);
      expect(res.status, `attempt ${attempt}`).toBe(401);
    }
    const { res, body } = await login(api, { email: account.user.email, password: account.password }, ip);
    expectProblem(res, body, 429, "rate_limited");
    expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);

    // The limit is per IP: the same account from elsewhere still logs in.
    expect((await login(api, { email: account.user.email, password: account.password }, randomIp())).res.status).toBe(200);
  });

  it("costs one blocking database round trip plus one deferred batch; GET /me costs one", async () => {
    const account = await registerUser(api);
    const before = await databaseRequests(api.database);
    const tokens = await loginAs(api, account);
    const afterLogin = await databaseRequests(api.database);
    expect(afterLogin - before).toBe(2);

    const mine = await me(tokens.access_token);
    expect(mine.res.status).toBe(200);
    expect((await databaseRequests(api.database)) - afterLogin).toBe(1);
  });
});
