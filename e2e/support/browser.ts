/**
 * Debian's Chromium driven by playwright-core (no browser download): one browser per test file,
 * a fresh context (cookies, storage) per test, and axe-core's WCAG 2.1 A/AA checks.
 */
import AxeBuilder from "@axe-core/playwright";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { expect, inject } from "vitest";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
}

export const consoleUrl = (path = "/app") => new URL(path, inject("consoleUrl")).toString();

export async function newPage(browser: Browser, viewport = { width: 1280, height: 800 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  return { context, page };
}

export const DEMO = {
  therapist: "therapist@demo.local",
  admin: "admin@demo.local",
  student: "student@demo.local",
  psychiatrist: "psychiatrist@demo.local",
};

/** Signs in through the form, finding its fields by their labels. */
export async function signIn(page: Page, email: string, password = inject("demoPassword")) {
  await page.goto(consoleUrl("/app/login"));
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** axe-core finds no WCAG 2.1 A/AA violation on the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const violations = results.violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(violations, page.url()).toEqual([]);
}
