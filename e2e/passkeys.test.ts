/**
 * A passkey registered and used in a real browser (issue 25's "done means"): Chromium's virtual
 * authenticator (CDP WebAuthn domain: a CTAP2 platform authenticator with resident keys and user
 * verification) answers navigator.credentials as a phone or laptop would. A fresh account signs in
 * with its password, adds a passkey in Settings, signs out, and signs in again with "Sign in with a
 * passkey" and no password. WebAuthn refuses IP addresses as relying-party ids, so the console is
 * reached as localhost rather than the stack's 127.0.0.1.
 */
import type { Browser, BrowserContext, CDPSession, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectAccessible, launchBrowser, newPage } from "./support/browser";

const base = new URL(inject("consoleUrl"));
base.hostname = "localhost";
const at = (path: string) => new URL(path, base).toString();

const suffix = Date.now().toString(36);
const account = {
  username: `passkey-${suffix}`,
  email: `passkey-${suffix}@example.org`,
  password: "Passkey-e2e!2026",
  first_name: "Pia",
  last_name: "Passkey",
};

let browser: Browser;
let context: BrowserContext;
let page: Page;
let cdp: CDPSession;
let authenticatorId = "";

beforeAll(async () => {
  const res = await fetch(at("/api/auth/register"), {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(account),
  });
  expect(res.status, await res.text()).toBe(201);
  browser = await launchBrowser();
  ({ context, page } = await newPage(browser));
  cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  ({ authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  }));
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe("passkeys in the console", () => {
  it("registers a passkey in Settings, then signs in with it and no password", async () => {
    await page.goto(at("/app/login"));
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL(at("/app"));

    await page.goto(at("/app/settings"));
    await page.getByLabel("Passkey name").fill("Test laptop");
    await page.getByRole("button", { name: "Add a passkey" }).click();
    await page.waitForURL(/\/app\/settings\?done=passkey_added/);
    await expect.poll(() => page.getByRole("status").textContent()).toContain("Passkey added");
    const passkeys = page.locator("#passkeys");
    await expect.poll(() => passkeys.getByRole("cell", { name: "Test laptop", exact: true }).count()).toBe(1);
    const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
    expect(credentials).toHaveLength(1);
    expect(credentials[0].isResidentCredential).toBe(true);
    await expectAccessible(page);

    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await page.waitForURL(/\/app\/login/);
    expect(await context.cookies()).not.toContainEqual(expect.objectContaining({ name: "__Host-ta-access" }));

    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await page.waitForURL(at("/app"));
    await expect.poll(() => page.locator(".who").textContent()).toContain("Pia Passkey");
    const [used] = (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials;
    expect(used.signCount).toBeGreaterThan(0);

    await page.goto(at("/app/settings"));
    const row = page.locator("#passkeys tbody tr", { hasText: "Test laptop" });
    await expect.poll(() => row.locator("td").nth(2).textContent()).not.toContain("never");
  });

  it("is offered as the second factor once the account has one: password, then 'Use a passkey'", async () => {
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await page.waitForURL(/\/app\/login/);
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByRole("button", { name: "Use a passkey" }).click();
    await page.waitForURL(at("/app"));
    await expect.poll(() => page.locator(".who").textContent()).toContain("Pia Passkey");
  });
});
