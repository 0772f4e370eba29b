/**
 * Sign-out after inactivity in Chromium (docs/api.md §8): the stack runs with the default 15
 * minutes, and Playwright's clock moves the page's time (the server's stays real, so the page's
 * own sign-out is what is tested here; test/console/session-hygiene.test.ts covers the server's).
 * The warning comes a minute before the deadline, takes focus and passes axe; typing and "Stay
 * signed in" move the deadline; at the deadline the page signs out and the sign-in page says why.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { consoleUrl, DEMO, expectAccessible, launchBrowser, newPage } from "./support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The sign-in form by its labels ("Sign in" exactly: the page may offer other ways to sign in). */
async function signIn(page: Page, email: string) {
  await page.goto(consoleUrl("/app/login"));
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(inject("demoPassword"));
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

const warning = (page: Page) => page.getByRole("alertdialog", { name: "You will be signed out in 60 seconds" });

describe("sign-out after inactivity", () => {
  it("warns a minute before the deadline, stays signed in when asked, and signs out at the deadline", async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.clock.install();
      await signIn(page, DEMO.therapist);
      await page.waitForURL(consoleUrl("/app"));
      expect(await warning(page).isVisible()).toBe(false);

      // Typing counts as activity: ten quiet minutes, a key, ten more, and still no warning.
      await page.clock.fastForward("10:00");
      await page.keyboard.press("Tab");
      await page.clock.fastForward("10:00");
      expect(await warning(page).isVisible()).toBe(false);

      // 13:30 after the key: not yet; 14:10 after it (50 seconds left): the warning, with focus on its button.
      await page.clock.fastForward("03:30");
      expect(await warning(page).isVisible()).toBe(false);
      await page.clock.fastForward("00:40");
      await warning(page).waitFor({ state: "visible" });
      const stay = page.getByRole("button", { name: "Stay signed in" });
      expect(await stay.evaluate((button) => button === document.activeElement)).toBe(true);
      await expectAccessible(page);

      await stay.click();
      await warning(page).waitFor({ state: "hidden" });
      expect(pathOf(page)).toBe("/app");

      // Fourteen quiet minutes after "Stay signed in": the warning again; a minute later, signed out.
      await page.clock.fastForward("14:05");
      await warning(page).waitFor({ state: "visible" });
      await page.clock.fastForward("01:00");
      await page.waitForURL(consoleUrl("/app/login?idle=1"));
      expect(await page.getByRole("status").filter({ hasText: "inactivity" }).textContent()).toBe(
        "Signed out after 15 minutes of inactivity.",
      );

      // The login itself ended: the console asks for a sign-in again.
      await page.goto(consoleUrl("/app"));
      expect(pathOf(page)).toBe("/app/login");
    } finally {
      await context.close();
    }
  });
});

const pathOf = (page: Page) => new URL(page.url()).pathname;
