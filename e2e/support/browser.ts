/**
 * Debian's Chromium driven by playwright-core (no browser download): one browser per test file,
 * a fresh context (cookies, storage) per test, and axe-core's WCAG 2.1 A/AA checks.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { expect, inject } from "vitest";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Chromium's fake microphone (a generated tone) is always present. `microphone: "granted"` also
 * accepts its permission prompt as a person would; "refused" leaves the prompt to headless
 * Chromium, which dismisses it, so getUserMedia fails as when a person blocks the microphone.
 */
export function launchBrowser({ microphone = "granted" }: { microphone?: "granted" | "refused" } = {}): Promise<Browser> {
  const media = ["--use-fake-device-for-media-stream", ...(microphone === "granted" ? ["--use-fake-ui-for-media-stream"] : [])];
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", ...media],
  });
}

const SCREENSHOTS = path.resolve(import.meta.dirname, "../../.local/screenshots");

/** Saves the whole page as .local/screenshots/<name>-<width>.png. */
export async function saveScreenshot(page: Page, name: string) {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${page.viewportSize()?.width}.png`), fullPage: true });
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
  therapistGb: "therapist-gb@demo.local",
  psychologistAu: "psychologist-au@demo.local",
};

/** Signs in through the form, finding its fields by their labels. */
export async function signIn(page: Page, email: string, password = inject("demoPassword")) {
  await page.goto(consoleUrl("/app/login"));
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** axe-core finds no WCAG 2.1 A/AA violation on the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const violations = results.violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(violations, page.url()).toEqual([]);
}
