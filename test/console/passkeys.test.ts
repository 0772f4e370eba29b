/**
 * Passkeys in the console (docs/api.md §8, §14): the settings page's section, registration through
 * the console's actions with the session cookie and CSRF token, and "Sign in with a passkey",
 * which starts a console session. The browser's part is played by the software authenticator.
 */
import { describe, expect, it } from "vitest";
import { SoftwareAuthenticator } from "../auth/software-authenticator";
import { randomIp, registerUser } from "../support/accounts";
import { createTestApi } from "../support/api";
import { type ConsoleVisitor, consoleVisitor, ORIGIN, visibleText } from "../support/console";

const api = await createTestApi();

/** A script's JSON request from the page: same origin, the page's CSRF token when it has one. */
function postJson(visitor: ConsoleVisitor, path: string, body: unknown, csrfToken?: string) {
  return visitor.fetch(path, {
    method: "POST",
    headers: { Origin: ORIGIN, "Content-Type": "application/json", ...(csrfToken ? { "X-CSRF-Token": csrfToken } : {}) },
    body: JSON.stringify(body),
  });
}

async function signedInWithPasskey() {
  const account = await registerUser(api);
  const visitor = consoleVisitor(api);
  expect((await visitor.signIn(account.user.email, account.password)).status).toBe(303);
  const csrf = await visitor.csrfToken();
  const options = await (await postJson(visitor, "/app/passkeys/registration/options", {}, csrf)).json();
  const authenticator = await SoftwareAuthenticator.create();
  const response = await authenticator.register(options as { challenge: string; user: { id: string } });
  const added = await postJson(visitor, "/app/passkeys/registration/verify", { name: "Clinic laptop", response }, csrf);
  expect(added.status, await added.clone().text()).toBe(201);
  return { account, visitor, authenticator };
}

describe("passkeys in the console", () => {
  it("the settings page lists a passkey added through the console, by name", async () => {
    const { visitor } = await signedInWithPasskey();
    const { res, html } = await visitor.page("/app/settings");
    expect(res.status).toBe(200);
    expect(html).toContain('src="/app/assets/passkeys.js"');
    expect(visibleText(html)).toContain("Passkeys");
    expect(visibleText(html)).toContain("Clinic laptop");
    expect(html).toContain("Your password, to remove Clinic laptop");
  });

  it("refuses a registration without the page's CSRF token", async () => {
    const account = await registerUser(api);
    const visitor = consoleVisitor(api);
    await visitor.signIn(account.user.email, account.password);
    const res = await postJson(visitor, "/app/passkeys/registration/options", {});
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: "csrf_token_invalid" });
  });

  it("'Sign in with a passkey' starts a console session and goes where the sign-in page was asked to", async () => {
    const { account, authenticator } = await signedInWithPasskey();
    const stranger = consoleVisitor(api, randomIp());
    const { html } = await stranger.page("/app/login");
    expect(html).toContain("Sign in with a passkey");

    const options = await (await postJson(stranger, "/app/passkeys/authentication/options", {})).json();
    const response = await authenticator.assert(options as { challenge: string });
    const res = await postJson(stranger, "/app/passkeys/authentication/verify", { response, next: "/app/settings" });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toEqual({ redirect: "/app/settings" });
    const page = await stranger.page("/app/settings");
    expect(page.res.status).toBe(200);
    expect(visibleText(page.html)).toContain(account.user.email);
  });

  it("sends a sign-in elsewhere than the console back to /app", async () => {
    const { authenticator } = await signedInWithPasskey();
    const stranger = consoleVisitor(api, randomIp());
    const options = await (await postJson(stranger, "/app/passkeys/authentication/options", {})).json();
    const response = await authenticator.assert(options as { challenge: string });
    const res = await postJson(stranger, "/app/passkeys/authentication/verify", { response, next: "https://evil.example/app" });
    expect(await res.json()).toEqual({ redirect: "/app" });
  });

  it("the password step of an account with a passkey offers 'Use a passkey' instead of signing in", async () => {
    const { account } = await signedInWithPasskey();
    const visitor = consoleVisitor(api, randomIp());
    const res = await visitor.signIn(account.user.email, account.password);
    const html = await res.text();
    expect(res.status, html.slice(0, 200)).toBe(200);
    expect(html).toContain("Use a passkey");
    expect(html).toMatch(/data-challenge-token="tac_/);
    expect(visitor.cookies.size).toBe(0);
  });

  it("takes sign-in requests only as JSON", async () => {
    const stranger = consoleVisitor(api, randomIp());
    const res = await stranger.post("/app/passkeys/authentication/options", { challenge_token: "x" });
    expect(res.status).toBe(415);
    expect(stranger.cookies.size).toBe(0);
  });
});
