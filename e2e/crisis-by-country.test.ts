/**
 * Issue 22's "done means" in the browser against the dev stack: a clinician whose country is GB
 * sees Samaritans and 999 on a crisis banner, one in AU Lifeline and 000 (never a US number), and
 * a Spanish sentence with a plan to die raises the banner.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consoleUrl, DEMO, launchBrowser, signIn } from "./support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The crisis banner's text after asking the diagnose page about `symptoms`, signed in as `email`. */
async function bannerFor(email: string, symptoms: string): Promise<string> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page: Page = await context.newPage();
    await signIn(page, email);
    await page.waitForURL(consoleUrl("/app"));
    await page.goto(consoleUrl("/app/diagnose"));
    await page.getByLabel("Symptoms").fill(symptoms);
    await page.getByRole("button", { name: "Analyze" }).click();
    const banner = page.getByRole("alert").locator(".crisis");
    await banner.waitFor({ timeout: 30_000 });
    return (await banner.textContent()) ?? "";
  } finally {
    await context.close();
  }
}

const RISK = "Low mood for months; says she wants to kill herself and has thought about how.";

describe("the crisis banner lists the clinician's own country's lines", () => {
  it("in the United Kingdom: Samaritans 116 123 and 999, no US number", async () => {
    const text = await bannerFor(DEMO.therapistGb, RISK);
    expect(text).toMatch(/Samaritans/);
    expect(text).toMatch(/116 123/);
    expect(text).toMatch(/999/);
    expect(text).not.toMatch(/988|911|741741/);
  });

  it("in Australia: Lifeline 13 11 14 and 000, no US number", async () => {
    const text = await bannerFor(DEMO.psychologistAu, RISK);
    expect(text).toMatch(/Lifeline/);
    expect(text).toMatch(/13 11 14/);
    expect(text).toMatch(/\b000\b/);
    expect(text).not.toMatch(/988|911|741741/);
  });

  it("a Spanish sentence with a plan to die raises the banner", async () => {
    const text = await bannerFor(DEMO.therapistGb, "Dice que tiene un plan para quitarse la vida este fin de semana.");
    expect(text).toMatch(/suicidal ideation/i);
    expect(text).toMatch(/Samaritans/);
  });
});
