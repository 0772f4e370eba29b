/**
 * Two-factor sign-in with an authenticator app in Chromium (issue 25's "done means"): a fresh
 * account signs in with its password, sets up TOTP in Settings (the key read from the page, the
 * code computed here as an app would), sees its recovery codes once, signs out, and signs in
 * again with its password and then a code; the challenge never appears in a URL. axe on the
 * enrolment, recovery-codes and code pages.
 */
import { Secret, TOTP } from "otpauth";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consoleUrl, expectAccessible, launchBrowser, newPage, signIn } from "./support/browser";

const suffix = Date.now().toString(36);
const account = {
  username: `totp-${suffix}`,
  email: `totp-${suffix}@example.org`,
  password: "Totp-e2e!2026-pass",
  first_name: "Tess",
  last_name: "Totp",
};

/** The code an authenticator app shows for `secret`, `offsetSteps` 30-second steps from now. */
const codeFor = (secret: string, offsetSteps = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 }).generate({
    timestamp: Date.now() + offsetSteps * 30_000,
  });

let browser: Browser;
beforeAll(async () => {
  const res = await fetch(consoleUrl("/api/auth/register"), {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(account),
  });
  expect(res.status, await res.text()).toBe(201);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("two-factor sign-in in the console", () => {
  it("sets up an authenticator app in Settings, then signs in with the password and a computed code", async () => {
    const { context, page } = await newPage(browser);
    try {
      const visited: string[] = [];
      page.on("framenavigated", (frame) => visited.push(frame.url()));
      await signIn(page, account.email, account.password);
      await page.waitForURL(consoleUrl("/app"));

      await page.goto(consoleUrl("/app/settings"));
      await page.getByRole("link", { name: "Manage two-factor sign-in" }).click();
      await page.waitForURL(consoleUrl("/app/settings/two-factor"));
      expect(await page.locator("#two-factor-status").textContent()).toContain("Off");
      await page.getByLabel("Your password, to confirm").fill(account.password);
      await page.getByRole("button", { name: "Set up an authenticator app" }).click();

      await page.getByRole("heading", { name: "Set up two-factor sign-in" }).waitFor();
      expect(await page.getByRole("img", { name: "QR code for your authenticator app" }).locator("svg").count()).toBe(1);
      const secret = ((await page.locator("#totp-secret").textContent()) ?? "").trim();
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      await expectAccessible(page);
      await page.getByLabel("Then enter the 6-digit code").fill(codeFor(secret));
      await page.getByRole("button", { name: "Confirm" }).click();

      await page.getByRole("heading", { name: "Your recovery codes" }).waitFor();
      expect(await page.locator("#recovery-codes li").count()).toBe(10);
      await expectAccessible(page);
      await page.getByRole("link", { name: "Back to settings" }).click();
      expect(await page.locator("#two-factor-status").textContent()).toContain("Recovery codes left: 10");

      await page.goto(consoleUrl("/app/logout"));
      await page.getByRole("button", { name: "Sign out now" }).click();
      await page.waitForURL(consoleUrl("/app/login"));

      await signIn(page, account.email, account.password);
      await page.getByRole("heading", { name: "Enter your sign-in code" }).waitFor();
      await expectAccessible(page);
      // The confirming code spent this step: an app shows the next one within 30 seconds.
      await page.getByLabel("6-digit code").fill(codeFor(secret, 1));
      await page.getByRole("button", { name: "Verify and sign in" }).click();
      await page.waitForURL(consoleUrl("/app"));
      await page.goto(consoleUrl("/app/settings/two-factor"));
      expect(await page.locator("#two-factor-status").textContent()).toContain("On since");
      for (const url of visited) expect(url).not.toMatch(/tac_|challenge/);
    } finally {
      await context.close();
    }
  });
});
