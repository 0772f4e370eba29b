/**
 * Account and admin answers carry tokens or personal data (a login's token pair, a personal
 * token's secret, the profile, lists of users and audit events): no browser or proxy may keep
 * them, so every `/api/auth/*` and `/api/admin/*` answer, errors included, is `no-store`.
 */
import { describe, expect, it } from "vitest";
import { authHeader, createAdmin, DEFAULT_PASSWORD, ipHeader, registerAndLogin, registrationBody } from "./support/accounts";
import { createTestApi } from "./support/api";

const api = await createTestApi();
const admin = await createAdmin(api);
const person = await registerAndLogin(api);

type Call = [method: string, path: string, what: string, bearer?: () => string, body?: () => unknown];

const asAdmin = () => admin.tokens.access_token;
const asPerson = () => person.tokens.access_token;

describe("account and admin answers are not cached", () => {
  it.each<Call>([
    ["POST", "/api/auth/register", "a new account", undefined, () => registrationBody()],
    ["POST", "/api/auth/login", "a token pair", undefined, () => ({ email: person.user.email, password: person.password })],
    ["POST", "/api/auth/login", "a wrong password's 401", undefined, () => ({ email: person.user.email, password: "Wrong-password-1!" })],
    ["POST", "/api/auth/refresh", "a new pair", undefined, () => ({ refresh_token: person.tokens.refresh_token })],
    ["POST", "/api/auth/refresh", "an unknown token's 401", undefined, () => ({ refresh_token: "x".repeat(43) })],
    ["GET", "/api/auth/me", "the profile", asPerson],
    ["GET", "/api/auth/me", "a missing token's 401"],
    ["PATCH", "/api/auth/me", "the changed profile", asPerson, () => ({ first_name: "Pat" })],
    [
      "POST",
      "/api/auth/tokens",
      "a personal token's secret",
      asPerson,
      () => ({ name: "script", scopes: ["read"], password: DEFAULT_PASSWORD }),
    ],
    ["GET", "/api/auth/tokens", "the live tokens", asPerson],
    ["GET", "/api/admin/users", "the users", asAdmin],
    ["GET", "/api/admin/users", "a non-admin's 403", asPerson],
    ["PATCH", `/api/admin/users/${person.user.id}`, "the changed user", asAdmin, () => ({ is_verified: false })],
    ["GET", "/api/admin/audit", "the audit events", asAdmin],
  ])("%s %s (%s) sends Cache-Control: no-store", async (method, path, _what, bearer, body) => {
    const res = await api.fetch(path, {
      method,
      headers: { ...ipHeader(), ...(bearer ? authHeader(bearer()) : {}), "Content-Type": "application/json" },
      body: body && JSON.stringify(body()),
    });
    expect(res.status).toBeLessThan(500);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
  });
});
