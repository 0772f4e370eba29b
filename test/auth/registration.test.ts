/**
 * Registration (docs/api.md §2): a student by default, licensed roles unverified, password rules,
 * invalid fields, duplicates differing in case (also when concurrent), the per-IP limit, SQL
 * metacharacters kept verbatim; and request bodies the auth routes refuse: malformed JSON, the
 * wrong media type, 2 MB, unknown fields, an empty login.
 */
import { describe, expect, it } from "vitest";
import {
  type ApiUser,
  DEFAULT_PASSWORD,
  errorsAt,
  expectProblem,
  ipHeader,
  login,
  randomIp,
  readProblem,
  register,
  registerAndLogin,
  registerUser,
  registrationBody,
  uniqueSuffix,
} from "../support/accounts";
import { ok } from "../support/client";
import { api, ISO_DATE, me, startOfRateWindow, USER_FIELDS } from "./fixtures";

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
