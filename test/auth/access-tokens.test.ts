/**
 * Access tokens as the API checks them: HS256 JWTs with a 30-minute expiry; a tampered
 * signature or payload, `alg: none`, another secret, expiry (also of a token accepted before) and
 * missing or malformed headers all 401 with a bearer challenge; and without a usable JWT secret,
 * register, login and /me answer 503.
 */
import { env } from "cloudflare:test";
import { sign } from "hono/jwt";
import { describe, expect, it } from "vitest";
import {
  base64UrlEncode,
  decodeJwt,
  expectProblem,
  login,
  loginAs,
  register,
  registerAndLogin,
  registerUser,
  registrationBody,
} from "../support/accounts";
import { createTestApi } from "../support/api";
import { read } from "../support/client";
import { api, me } from "./fixtures";

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
