/**
 * A personal access token outlives the login that creates it (up to a year), so creating one asks
 * for the password again, as erasing the account does: a stolen 30-minute access token or an
 * unattended console session cannot turn itself into a long-lived credential. Guesses share the
 * password-check limit of change-password and erasure.
 */
import { describe, expect, it } from "vitest";
import {
  authHeader,
  createAdmin,
  DEFAULT_PASSWORD,
  expectProblem,
  type LoggedIn,
  registerAndLogin,
  registerUser,
  runSql,
} from "./support/accounts";
import { createTestApi } from "./support/api";
import { auditEvents } from "./support/audit";
import { consoleVisitor, visibleText } from "./support/console";

const api = await createTestApi();
const admin = await createAdmin(api);

function createToken(owner: LoggedIn, body: unknown) {
  return api.json("/api/auth/tokens", body, { headers: authHeader(owner.tokens.access_token) });
}

async function storedTokens(userId: string) {
  return Number((await runSql(api, "select count(*) from personal_access_tokens where user_id = $1", [userId]))[0][0]);
}

describe("POST /api/auth/tokens asks for the password", () => {
  it("creates the token with the account's password (201), and never records the password", async () => {
    const owner = await registerAndLogin(api);
    const { res, body } = await createToken(owner, { name: "script", scopes: ["read"], password: DEFAULT_PASSWORD });
    expect(res.status, JSON.stringify(body)).toBe(201);
    expect(body).not.toHaveProperty("password");
    expect(await storedTokens(owner.user.id)).toBe(1);
    const events = await auditEvents(api, admin.tokens.access_token, { user_id: owner.user.id, action: "auth.token_create" });
    expect(JSON.stringify(events)).not.toContain(DEFAULT_PASSWORD);
  });

  it.each([
    ["without a password", {}],
    ["with an empty password", { password: "" }],
    ["with a password over 128 characters", { password: "p".repeat(129) }],
  ])("refuses a request %s with a 400 naming body.password, and creates nothing", async (_case, extra) => {
    const owner = await registerAndLogin(api);
    const { res, body } = await createToken(owner, { name: "script", scopes: ["read"], ...extra });
    expectProblem(res, body, 400, "validation_error");
    expect(body.errors.map((error) => error.path)).toContain("body.password");
    expect(await storedTokens(owner.user.id)).toBe(0);
  });

  it("refuses a wrong password with a 403 invalid_password, creates nothing, and audits the failure", async () => {
    const owner = await registerAndLogin(api);
    const { res, body } = await createToken(owner, { name: "script", scopes: ["read"], password: "Wrong-password-1!" });
    expectProblem(res, body, 403, "invalid_password");
    expect(body.errors).toEqual([{ path: "body.password", message: "incorrect" }]);
    expect(await storedTokens(owner.user.id)).toBe(0);
    const events = await auditEvents(api, admin.tokens.access_token, { user_id: owner.user.id, action: "auth.token_create" });
    expect(events.map(({ outcome, detail }) => ({ outcome, detail }))).toEqual([
      { outcome: "failure", detail: { reason: "wrong_password" } },
    ]);
  });

  it("counts each attempt against the password-check limit that change-password and erasure share (5 a minute)", async () => {
    const owner = await registerAndLogin(api);
    for (let attempt = 0; attempt < 5; attempt++) {
      const { res } = await createToken(owner, { name: "guess", scopes: ["read"], password: `Guess-${attempt}-password!` });
      expect(res.status).toBe(403);
    }
    const limited = await createToken(owner, { name: "right", scopes: ["read"], password: DEFAULT_PASSWORD });
    expectProblem(limited.res, limited.body, 429, "rate_limited");
    expect(limited.res.headers.get("Retry-After")).toBe("60");
    const change = await api.json(
      "/api/auth/change-password",
      { current_password: DEFAULT_PASSWORD, new_password: "Brand-new-Passw0rd!" },
      { headers: authHeader(owner.tokens.access_token) },
    );
    expectProblem(change.res, change.body, 429, "rate_limited");
    expect(await storedTokens(owner.user.id)).toBe(0);
  });
});

describe("the console's token form asks for the password", () => {
  async function signedIn() {
    const account = await registerUser(api);
    const visitor = consoleVisitor(api);
    expect((await visitor.signIn(account.user.email, account.password)).status).toBe(303);
    return { account, visitor, csrf: await visitor.csrfToken() };
  }

  const form = (csrf: string, password?: string): [string, string][] => [
    ["_csrf", csrf],
    ["name", "assistant"],
    ["scopes", "mcp"],
    ["expires_in_days", "30"],
    ...(password === undefined ? [] : [["password", password] as [string, string]]),
  ];

  it("has a password field in the form, and creates the token with the right password", async () => {
    const { account, visitor, csrf } = await signedIn();
    const { html } = await visitor.page("/app/settings");
    const tokenForm = /<form method="post" action="\/app\/settings\/tokens">([\s\S]*?)<\/form>/.exec(html)?.[1] ?? "";
    expect(tokenForm).toMatch(/<label for="token_password">Your password, to confirm<\/label>/);
    expect(tokenForm).toMatch(/<input id="token_password" name="password" type="password" required/);
    expect(tokenForm).toContain('autocomplete="current-password"');

    const created = await visitor.post("/app/settings/tokens", form(csrf, account.password));
    expect(created.status).toBe(200);
    const page = await created.text();
    expect(page).toMatch(/value="tap_[A-Za-z0-9_-]{43}"/);
    expect(page).not.toContain(account.password);
    expect(await storedTokens(account.user.id)).toBe(1);
  });

  it("without the password or with a wrong one, says why in the form and creates nothing", async () => {
    const { account, visitor, csrf } = await signedIn();
    const missing = await visitor.post("/app/settings/tokens", form(csrf));
    expect(missing.status).toBe(400);
    expect(visibleText(await missing.text())).toContain("password:");

    const wrong = await visitor.post("/app/settings/tokens", form(csrf, "Wrong-password-1!"));
    expect(wrong.status).toBe(403);
    const html = await wrong.text();
    expect(html).toContain('role="alert"');
    expect(visibleText(html)).toContain("The password is incorrect; no token was created.");
    expect(html).not.toContain("Wrong-password-1!");
    expect(html).not.toMatch(/tap_[A-Za-z0-9_-]{43}/);
    expect(await storedTokens(account.user.id)).toBe(0);
  });
});
