import { env } from "cloudflare:test";
import { sign } from "hono/jwt";
import { describe, expect, it } from "vitest";
import {
  type ApiUser,
  adminUpdateUser,
  authHeader,
  base64UrlEncode,
  createAdmin,
  createVerifiedTherapist,
  DEFAULT_PASSWORD,
  decodeJwt,
  errorsAt,
  expectProblem,
  ipHeader,
  login,
  loginAs,
  randomIp,
  readProblem,
  register,
  registerAndLogin,
  registerUser,
  registrationBody,
  runSql,
  uniqueSuffix,
} from "./support/accounts";
import { createTestApi, databaseRequests, setDatabaseFault, type TestApi } from "./support/api";
import { auditEvents } from "./support/audit";
import { type ApiClient, answerOf, ok, read } from "./support/client";

const api = await createTestApi();

const USER_FIELDS = [
  "id",
  "email",
  "username",
  "first_name",
  "last_name",
  "role",
  "license_type",
  "license_number",
  "license_state",
  "organization",
  "is_active",
  "is_verified",
  "created_at",
  "last_login",
].sort();

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

type Login = ApiClient["api"]["auth"]["login"]["$post"];
type UpdateMe = ApiClient["api"]["auth"]["me"]["$patch"];

function me(token: string, client: TestApi = api) {
  return read(client.client.api.auth.me.$get({}, { headers: authHeader(token) }));
}

/** The caller's profile (a 200 expected). */
async function profileOf(token: string) {
  return ok(await me(token), 200).body;
}

function refresh(refreshToken: string) {
  return read(api.client.api.auth.refresh.$post({ json: { refresh_token: refreshToken } }));
}

/** PATCH /me with any changes (valid or not), sent raw; the answer typed as the route's. */
async function updateMe(token: string, changes: unknown) {
  return read(answerOf<UpdateMe>(await api.post("/api/auth/me", changes, { method: "PATCH", headers: authHeader(token) })));
}

function changePassword(token: string, json: { current_password: string; new_password: string }) {
  return read(api.client.api.auth["change-password"].$post({ json }, { headers: authHeader(token) }));
}

/** Rate-limit windows are aligned to the wall-clock minute: start a burst early in one. */
async function startOfRateWindow() {
  const intoWindow = Date.now() % 60_000;
  if (intoWindow > 50_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoWindow + 100));
}

describe("registration", () => {
  it("creates a student by default and answers 201 with the user, never a password or its hash", async () => {
    const body = registrationBody({ first_name: "Grace", last_name: "Hopper", organization: "Navy Clinic" });
    const res = await api.fetch("/api/auth/register", {
      method: "POST",
      headers: { "Content-Type": "application/json", ...ipHeader() },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    expect(res.status).toBe(201);
    expect(res.headers.get("Content-Type")).toMatch(/^application\/json/);
    const answer: { user: ApiUser } = JSON.parse(text);
    expect(Object.keys(answer)).toEqual(["user"]);
    expect(Object.keys(answer.user).sort()).toEqual(USER_FIELDS);
    expect(answer.user).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      email: body.email,
      username: body.username,
      first_name: "Grace",
      last_name: "Hopper",
      organization: "Navy Clinic",
      role: "student",
      is_active: true,
      is_verified: false,
      last_login: null,
    });
    expect(answer.user.created_at).toMatch(ISO_DATE);
    expect(text).not.toMatch(/password/i);
    expect(text).not.toContain("pbkdf2");
    expect(text).not.toContain(DEFAULT_PASSWORD);
  });

  it.each(["therapist", "psychiatrist", "psychologist"])("starts a %s unverified", async (role) => {
    const { user } = await registerUser(api, { role, license_type: "OTHER", license_number: "L-1", license_state: "NY" });
    expect(user).toMatchObject({ role, is_verified: false, license_type: "OTHER", license_number: "L-1", license_state: "NY" });
  });

  it("does not let a registrant verify themselves", async () => {
    const { res, body } = await register(api, { ...registrationBody({ role: "therapist" }), is_verified: true });
    expectProblem(res, body, 400, "validation_error");
  });

  it.each([
    ["too short", "Sh0rt!x", /at least 8 characters/],
    ["too long", `Aa1!${"x".repeat(125)}`, /at most 128 characters/],
    ["without a lowercase letter", "ALLUPPER123!", /lowercase/],
    ["without an uppercase letter", "alllower123!", /uppercase/],
    ["without a digit", "NoDigitsHere!", /digit/],
    ["without a symbol", "NoSymbols1234", /symbol/],
  ])("rejects a password %s, naming the rule at body.password", async (_rule, password, message) => {
    const { res, body } = await register(api, registrationBody({ password }));
    expectProblem(res, body, 400, "validation_error");
    const messages = errorsAt(body, "body.password");
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(message);
  });

  it("accepts a password of exactly 8 and of exactly 128 characters", async () => {
    await registerUser(api, { password: "Aa1!aaaa" });
    await registerUser(api, { password: `Aa1!${"b".repeat(124)}` });
  });

  it("rejects an invalid email", async () => {
    const { res, body } = await register(api, registrationBody({ email: "not-an-email" }));
    expectProblem(res, body, 400, "validation_error");
    expect(errorsAt(body, "body.email")[0]).toMatch(/valid email/);
  });

  it("rejects a first name over 100 characters", async () => {
    const { res, body } = await register(api, registrationBody({ first_name: "A".repeat(101) }));
    expectProblem(res, body, 400, "validation_error");
    expect(errorsAt(body, "body.first_name")[0]).toMatch(/at most 100/);
  });

  it("rejects an unknown role, listing the allowed ones", async () => {
    const { res, body } = await register(api, registrationBody({ role: "wizard" }));
    expectProblem(res, body, 400, "validation_error");
    expect(errorsAt(body, "body.role")[0]).toMatch(/therapist/);
  });

  it("never self-assigns admin", async () => {
    const { res, body } = await register(api, registrationBody({ role: "admin" }));
    expectProblem(res, body, 400, "validation_error");
    expect(errorsAt(body, "body.role").join(" ")).toMatch(/admin cannot be self-assigned/);
  });

  it("rejects an email already registered in another case with 409", async () => {
    const { user } = await registerUser(api);
    const { res, body } = await register(api, registrationBody({ email: user.email.toUpperCase() }));
    expectProblem(res, body, 409, "already_registered");
    expect(body.errors).toEqual([{ path: "body.email", message: expect.any(String) }]);
  });

  it("rejects a username already registered in another case with 409", async () => {
    const { user } = await registerUser(api);
    const { res, body } = await register(api, registrationBody({ username: user.username.toUpperCase() }));
    expectProblem(res, body, 409, "already_registered");
    expect(body.errors).toEqual([{ path: "body.username", message: expect.any(String) }]);
  });

  it("lets exactly one of two concurrent registrations of the same email through", async () => {
    const email = `race.${uniqueSuffix()}@example.com`;
    const answers = await Promise.all([
      register(api, registrationBody({ email })),
      register(api, registrationBody({ email: email.toUpperCase() })),
    ]);
    expect(answers.map(({ res }) => res.status).sort()).toEqual([201, 409]);
    const conflict = answers.find(({ res }) => res.status === 409)!;
    expectProblem(conflict.res, conflict.body, 409, "already_registered");
  });

  it("answers the fourth registration within a minute from one IP with 429 and Retry-After", async () => {
    const ip = randomIp();
    await startOfRateWindow();
    for (let attempt = 1; attempt <= 3; attempt++) {
      const { res } = await register(api, registrationBody(), ip);
      expect(res.status, `attempt ${attempt}`).toBe(201);
    }
    const { res, body } = await register(api, registrationBody(), ip);
    expectProblem(res, body, 429, "rate_limited");
    expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await register(api, registrationBody(), randomIp())).res.status).toBe(201);
  });

  it("stores and returns SQL metacharacters in every text field verbatim", async () => {
    const suffix = uniqueSuffix();
    const tricky = {
      username: `o'b;--"%_\\${suffix}`,
      email: `o'brien+x.${suffix}@example.com`,
      password: DEFAULT_PASSWORD,
      first_name: "'; DROP TABLE users; --",
      last_name: '" OR 1=1 --',
      role: "therapist",
      license_type: "OTHER",
      license_number: "'; DROP TABLE users; --",
      license_state: '" OR 1=1 \\ %_',
      organization: "100% _real_ \\ clinic'; --",
    };
    const { password, ...expected } = tricky;
    const { body } = ok(await register(api, tricky), 201);
    expect(body.user).toMatchObject(expected);

    const byUsername = ok(await login(api, { username: tricky.username, password }), 200);
    expect(byUsername.body.user).toMatchObject(expected);
    const byEmail = ok(await login(api, { email: tricky.email, password }), 200);
    expect(byEmail.body.user).toMatchObject({ ...expected, id: body.user.id });

    const mine = await me(byEmail.body.access_token);
    expect(mine.res.status).toBe(200);
    expect(mine.body).toMatchObject(expected);

    // The table is still there and still holds other accounts.
    const other = await registerAndLogin(api);
    expect(other.tokens.user.id).not.toBe(body.user.id);
  });
});

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

describe("access tokens", () => {
  it("are HS256 JWTs with sub, role, ver, iat, jti and a 30-minute exp", async () => {
    const { tokens, user } = await registerAndLogin(api);
    const { header, payload } = decodeJwt(tokens.access_token);
    expect(header.alg).toBe("HS256");
    expect(payload).toMatchObject({
      sub: user.id,
      role: "student",
      ver: expect.any(Number),
      iat: expect.any(Number),
      exp: expect.any(Number),
      jti: expect.any(String),
    });
    expect(payload.exp - payload.iat).toBe(1800);
    expect(Math.abs(payload.iat - Date.now() / 1000)).toBeLessThan(60);
    expect(JSON.stringify(payload)).not.toContain("pbkdf2");
  });

  it("with a tampered signature get 401", async () => {
    const { tokens } = await registerAndLogin(api);
    const [header, payload, signature] = tokens.access_token.split(".");
    // Change a character in the middle: the last one carries padding bits a decoder may ignore.
    const swapped = signature[10] === "A" ? "B" : "A";
    const tampered = `${header}.${payload}.${signature.slice(0, 10)}${swapped}${signature.slice(11)}`;
    const { res, body } = await me(tampered);
    expectProblem(res, body, 401, "unauthorized");
  });

  it("with a tampered payload get 401", async () => {
    const { tokens } = await registerAndLogin(api);
    const [header, payload, signature] = tokens.access_token.split(".");
    const claims = decodeJwt(tokens.access_token).payload;
    const forged = base64UrlEncode(JSON.stringify({ ...claims, role: "admin" }));
    expect(forged).not.toBe(payload);
    const { res, body } = await me(`${header}.${forged}.${signature}`);
    expectProblem(res, body, 401, "unauthorized");
  });

  it("with alg none get 401", async () => {
    const { tokens } = await registerAndLogin(api);
    const payload = tokens.access_token.split(".")[1];
    const none = `${base64UrlEncode(JSON.stringify({ alg: "none", typ: "JWT" }))}.${payload}.`;
    const { res, body } = await me(none);
    expectProblem(res, body, 401, "unauthorized");
  });

  it("that expired get 401, while the same claims unexpired are accepted", async () => {
    const { tokens } = await registerAndLogin(api);
    const claims = decodeJwt(tokens.access_token).payload;
    const now = Math.floor(Date.now() / 1000);
    const secret = env.JWT_SECRET as string;

    const fresh = await sign({ ...claims, iat: now, exp: now + 600, jti: crypto.randomUUID() }, secret, "HS256");
    expect((await me(fresh)).res.status).toBe(200);

    const expired = await sign({ ...claims, iat: now - 3600, exp: now - 1800, jti: crypto.randomUUID() }, secret, "HS256");
    const { res, body } = await me(expired);
    expectProblem(res, body, 401, "unauthorized");
  });

  it("accepted once are refused the moment they expire (a token verified before is not trusted past its exp)", async () => {
    const { tokens } = await registerAndLogin(api);
    const claims = decodeJwt(tokens.access_token).payload;
    const now = Math.floor(Date.now() / 1000);
    const shortLived = await sign({ ...claims, iat: now, exp: now + 2, jti: crypto.randomUUID() }, env.JWT_SECRET as string, "HS256");
    expect((await me(shortLived)).res.status).toBe(200);
    expect((await me(shortLived)).res.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, (now + 2) * 1000 - Date.now() + 50));
    const { res, body } = await me(shortLived);
    expectProblem(res, body, 401, "unauthorized");
  });

  it("signed with another secret get 401", async () => {
    const { tokens } = await registerAndLogin(api);
    const claims = decodeJwt(tokens.access_token).payload;
    const forged = await sign(claims, "another-secret-that-is-also-long-enough-0123456789", "HS256");
    const { res, body } = await me(forged);
    expectProblem(res, body, 401, "unauthorized");
  });

  it.each([
    ["no Authorization header", undefined],
    ["an empty Bearer", "Bearer"],
    ["Bearer with spaces in the token", "Bearer abc def"],
    ["another scheme", "Basic dXNlcjpwYXNz"],
    ["a token that is not a JWT", "Bearer not-a-jwt"],
  ])("missing or malformed (%s) get 401 with WWW-Authenticate", async (_case, authorization) => {
    const { res, body } = await read(api.client.api.auth.me.$get({}, { headers: authorization ? { Authorization: authorization } : {} }));
    expectProblem(res, body, 401, "unauthorized");
    expect(res.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
  });
});

describe("refresh and logout", () => {
  it("exchanges a refresh token for a new, different pair that works", async () => {
    const { tokens } = await registerAndLogin(api);
    const { body } = ok(await refresh(tokens.refresh_token), 200);
    expect(body).toMatchObject({ token_type: "bearer", expires_in: 1800, user: { id: tokens.user.id } });
    expect(body.access_token).not.toBe(tokens.access_token);
    expect(body.refresh_token).not.toBe(tokens.refresh_token);
    expect((await me(body.access_token)).res.status).toBe(200);
  });

  it("revokes the whole chain when a spent refresh token is reused", async () => {
    const { tokens } = await registerAndLogin(api);
    const rotated = ok(await refresh(tokens.refresh_token), 200);

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

  it("twenty concurrent refreshes with one token give exactly one new pair, and the reuse ends that login", async () => {
    const tokens = await loginAs(api, await registerUser(api));
    const answers = await Promise.all(Array.from({ length: 20 }, () => refresh(tokens.refresh_token)));
    const rotated = answers.filter(({ res }) => res.status === 200);
    expect(rotated).toHaveLength(1);
    for (const { res, body } of answers.filter(({ res }) => res.status !== 200)) expectProblem(res, body, 401, "invalid_refresh_token");

    // The other nineteen presented a spent token: the whole login ends, the new pair included.
    const pair = ok(rotated[0], 200).body;
    const next = await refresh(pair.refresh_token);
    expectProblem(next.res, next.body, 401, "invalid_refresh_token");
    for (const access of [pair.access_token, tokens.access_token]) {
      const { res, body } = await me(access);
      expectProblem(res, body, 401, "unauthorized");
    }
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

describe("change password", () => {
  it("refuses a wrong current password with 400", async () => {
    const { tokens } = await registerAndLogin(api);
    const { res, body } = await changePassword(tokens.access_token, {
      current_password: "Wr0ng-password!",
      new_password: "N3w-Password!!",
    });
    expectProblem(res, body, 400, "invalid_current_password");
    expect(errorsAt(body, "body.current_password")).toHaveLength(1);
  });

  it("limits guesses at the current password: the sixth within a minute is 429, even with the right one", async () => {
    const { tokens, password } = await registerAndLogin(api);
    await startOfRateWindow();
    for (let attempt = 1; attempt <= 5; attempt++) {
      const { res } = await changePassword(tokens.access_token, {
        current_password: `Wr0ng-password-${attempt}!`,
        new_password: "N3w-Password!!",
      });
      expect(res.status, `attempt ${attempt}`).toBe(400);
    }
    const { res, body } = await changePassword(tokens.access_token, { current_password: password, new_password: "N3w-Password!!" });
    expectProblem(res, body, 429, "rate_limited");
    expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);
  });

  it("refuses a new password equal to the current one with 400", async () => {
    const { tokens, password } = await registerAndLogin(api);
    const { res, body } = await changePassword(tokens.access_token, { current_password: password, new_password: password });
    expectProblem(res, body, 400, "validation_error");
    expect(errorsAt(body, "body.new_password")[0]).toMatch(/differ/);
  });

  it("refuses a weak new password with 400", async () => {
    const { tokens, password } = await registerAndLogin(api);
    const { res, body } = await changePassword(tokens.access_token, { current_password: password, new_password: "weakpassword" });
    expectProblem(res, body, 400, "validation_error");
    expect(errorsAt(body, "body.new_password").length).toBeGreaterThan(0);
  });

  it("answers 204 and ends every older token and the old password", async () => {
    const account = await registerUser(api);
    const tokens = await loginAs(api, account);
    const newPassword = "Brand-N3w-Secret!";
    const res = await api.fetch("/api/auth/change-password", {
      method: "POST",
      headers: { "Content-Type": "application/json", ...authHeader(tokens.access_token) },
      body: JSON.stringify({ current_password: account.password, new_password: newPassword }),
    });
    expect(res.status).toBe(204);

    const oldAccess = await me(tokens.access_token);
    expectProblem(oldAccess.res, oldAccess.body, 401, "unauthorized");
    const oldRefresh = await refresh(tokens.refresh_token);
    expectProblem(oldRefresh.res, oldRefresh.body, 401, "invalid_refresh_token");

    const withOld = await login(api, { email: account.user.email, password: account.password });
    expectProblem(withOld.res, withOld.body, 401, "invalid_credentials");
    const withNew = ok(await login(api, { email: account.user.email, password: newPassword }), 200);
    expect((await me(withNew.body.access_token)).res.status).toBe(200);
  });
});

describe("own profile", () => {
  it("GET /me returns the caller's user", async () => {
    const { tokens, user } = await registerAndLogin(api);
    const body = await profileOf(tokens.access_token);
    expect(Object.keys(body).sort()).toEqual(USER_FIELDS);
    expect(body).toEqual(user);
  });

  it("concurrent GET /me calls of different accounts each get their own account, and a logout ends only its own token", async () => {
    const accounts = await Promise.all(Array.from({ length: 4 }, () => registerAndLogin(api)));
    const rounds = await Promise.all(
      accounts.flatMap((account) => [profileOf(account.tokens.access_token), profileOf(account.tokens.access_token)]),
    );
    expect(rounds).toEqual(accounts.flatMap((account) => [account.user, account.user]));

    const [leaving, ...staying] = accounts;
    const logout = await api.fetch("/api/auth/logout", { method: "POST", headers: authHeader(leaving.tokens.access_token) });
    expect(logout.status).toBe(204);
    expect((await me(leaving.tokens.access_token)).res.status).toBe(401);
    for (const account of staying) expect(await profileOf(account.tokens.access_token)).toEqual(account.user);
  });

  it("PATCH /me updates names and organization", async () => {
    const { tokens } = await registerAndLogin(api);
    const changes = { first_name: "Ada", last_name: "Lovelace", organization: "Analytical Engines" };
    const { body } = ok(await read(api.client.api.auth.me.$patch({ json: changes }, { headers: authHeader(tokens.access_token) })), 200);
    expect(body).toMatchObject(changes);
    expect(await profileOf(tokens.access_token)).toMatchObject(changes);
  });

  it("PATCH /me cannot change role, activation or verification", async () => {
    const { tokens } = await registerAndLogin(api);
    for (const change of [{ role: "admin" }, { is_verified: true }, { is_active: true }]) {
      const { res, body } = await updateMe(tokens.access_token, change);
      expectProblem(res, body, 400, "validation_error");
    }
    expect(await profileOf(tokens.access_token)).toMatchObject({ role: "student", is_verified: false });
  });

  it("changing the licence number of a verified therapist resets verification", async () => {
    const admin = await createAdmin(api);
    const therapist = await createVerifiedTherapist(api, admin.tokens.access_token);
    expect((await profileOf(therapist.tokens.access_token)).is_verified).toBe(true);

    // Names alone keep the verification.
    const rename = await read(
      api.client.api.auth.me.$patch({ json: { first_name: "Renamed" } }, { headers: authHeader(therapist.tokens.access_token) }),
    );
    expect(rename.body).toMatchObject({ first_name: "Renamed", is_verified: true });

    const { body } = ok(
      await read(
        api.client.api.auth.me.$patch({ json: { license_number: "LMFT-99999" } }, { headers: authHeader(therapist.tokens.access_token) }),
      ),
      200,
    );
    expect(body).toMatchObject({ license_number: "LMFT-99999", is_verified: false });
    expect((await profileOf(therapist.tokens.access_token)).is_verified).toBe(false);
  });

  it("records verification_reset only when verification was actually reset", async () => {
    const admin = await createAdmin(api);
    const therapist = await createVerifiedTherapist(api, admin.tokens.access_token);
    const profileEvents = (userId: string) =>
      auditEvents(api, admin.tokens.access_token, { action: "auth.update_profile", user_id: userId });

    // An admin's licence details are not what opens its routes: nothing is reset, nor recorded as reset.
    const adminChange = ok(
      await read(api.client.api.auth.me.$patch({ json: { license_number: "ADM-1" } }, { headers: authHeader(admin.tokens.access_token) })),
      200,
    );
    expect(adminChange.body.is_verified).toBe(true);
    expect(await profileEvents(admin.user.id)).toMatchObject([{ detail: { verification_reset: false } }]);

    await api.client.api.auth.me.$patch({ json: { license_number: "LMFT-77777" } }, { headers: authHeader(therapist.tokens.access_token) });
    expect(await profileEvents(therapist.user.id)).toMatchObject([{ detail: { verification_reset: true } }]);
  });
});

describe("without a usable JWT secret", () => {
  it.each([
    ["too short", "short"],
    ["missing", ""],
  ])("register, login and /me answer 503 server_misconfigured when it is %s", async (_case, secret) => {
    const account = await registerUser(api);
    const broken = await createTestApi({ JWT_SECRET: secret }, { database: api.database });

    const registered = await register(broken, registrationBody());
    expectProblem(registered.res, registered.body, 503, "server_misconfigured");
    expect(registered.res.headers.get("Retry-After")).toBeTruthy();

    const loggedIn = await login(broken, { email: account.user.email, password: account.password });
    expectProblem(loggedIn.res, loggedIn.body, 503, "server_misconfigured");

    const tokens = await loginAs(api, account);
    const mine = await me(tokens.access_token, broken);
    expectProblem(mine.res, mine.body, 503, "server_misconfigured");
  });
});

describe("request bodies", () => {
  it("malformed JSON is a 400 malformed_json", async () => {
    const res = await api.fetch("/api/auth/register", {
      method: "POST",
      headers: { "Content-Type": "application/json", ...ipHeader() },
      body: '{"username": "x",',
    });
    await readProblem(res, 400, "malformed_json");
  });

  it("text/plain is a 415 unsupported_media_type", async () => {
    const res = await api.fetch("/api/auth/register", {
      method: "POST",
      headers: { "Content-Type": "text/plain", ...ipHeader() },
      body: JSON.stringify(registrationBody()),
    });
    await readProblem(res, 415, "unsupported_media_type");
  });

  it("text/plain on login is a 415 too", async () => {
    const res = await api.fetch("/api/auth/login", {
      method: "POST",
      headers: { "Content-Type": "text/plain", ...ipHeader() },
      body: "username=a&password=b",
    });
    await readProblem(res, 415, "unsupported_media_type");
  });

  it("a 2 MB JSON body is a 413 payload_too_large", async () => {
    const { res, body } = await register(api, { ...registrationBody(), first_name: "x".repeat(2 * 1024 * 1024) });
    expectProblem(res, body, 413, "payload_too_large");
  });

  it("an unknown field in the registration body is a 400 naming it", async () => {
    const { res, body } = await register(api, { ...registrationBody(), favourite_colour: "blue" });
    expectProblem(res, body, 400, "validation_error");
    expect(JSON.stringify(body.errors)).toContain("favourite_colour");
  });

  it("an empty login body is a 400", async () => {
    const { res, body } = await login(api, {});
    expectProblem(res, body, 400, "validation_error");
  });
});
