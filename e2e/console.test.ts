/** The console in a real browser: sign-in, the dashboard, accessibility, sign-out. */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consoleUrl, DEMO, expectAccessible, launchBrowser, newPage, signIn } from "./support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("signing in and out", () => {
  it("signs the demo therapist in by label, shows the dashboard with no WCAG 2.1 AA violation, and signs out", async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto(consoleUrl("/app"));
      await expect.poll(() => new URL(page.url()).pathname).toBe("/app/login");
      await expectAccessible(page);

      await signIn(page, DEMO.therapist);
      await page.waitForURL(consoleUrl("/app"));
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Dashboard");
      expect(await page.getByRole("main").textContent()).toContain("Theo Therapist");
      expect(await page.getByRole("main").textContent()).toContain("Licence verified");
      const navigation = page.getByRole("navigation", { name: "Tools" });
      expect(await navigation.getByRole("link", { name: "Diagnose" }).count()).toBe(1);
      expect(await navigation.getByRole("link", { name: "Admin" }).count()).toBe(0);
      // The stylesheet is served (static assets): the skip link sits off-screen until focused.
      expect(await page.locator(".skip-link").evaluate((el) => getComputedStyle(el).position)).toBe("absolute");
      await expectAccessible(page);

      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL(consoleUrl("/app/login"));
      await page.goto(consoleUrl("/app"));
      await expect.poll(() => new URL(page.url()).pathname).toBe("/app/login");
    } finally {
      await context.close();
    }
  });
});
