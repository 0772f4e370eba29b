/**
 * The safety plan in Chromium against the dev stack and the OpenAI stub: "Draft a safety plan" on
 * the crisis banner of a streamed diagnose answer carries the text to /app/safety-plan, which
 * drafts at once (the model's items that the text supports, the rest to complete with the client,
 * the crisis lines) and exports the plan as a PDF; axe on the page.
 */
import { readFile } from "node:fs/promises";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { consoleUrl, DEMO, expectAccessible, launchBrowser, saveScreenshot, signIn } from "./support/browser";

const SISTER = "I could call my sister Ana; she always picks up.";
const RISK_TEXT = `Low mood for months; says she wants to kill herself. ${SISTER} Her husband keeps her pills in a locked cabinet.`;
const STUB = inject("openaiUrl").replace(/\/v1$/, "");

/** Queues replies on the stub for the Worker's API key. */
async function scriptStub(script: Record<string, unknown>) {
  const res = await fetch(`${STUB}/_control/script`, { method: "POST", body: JSON.stringify({ api_key: inject("openaiKey"), ...script }) });
  expect(res.status).toBe(200);
}

/** The model's draft: two items the text supports, one it does not (dropped by the server). */
const MODEL_PLAN = {
  sections: {
    warning_signs: [],
    coping_strategies: ["Listen to calming music"],
    social_distractions: [],
    people_to_ask: [SISTER],
    professionals_and_agencies: [],
    safe_environment: ["Her husband keeps her pills in a locked cabinet"],
    reasons_for_living: [],
  },
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await scriptStub({ reset: true }).catch(() => {});
  await browser?.close();
});

describe("safety plan", () => {
  it("drafts a plan from the crisis banner of a diagnose answer and exports it as a PDF", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      await signIn(page, DEMO.therapist);
      await page.waitForURL(consoleUrl("/app"));
      await page.goto(consoleUrl("/app/diagnose"));
      await page.getByLabel("Symptoms").fill(RISK_TEXT);
      await page.getByRole("button", { name: "Analyze" }).click();
      await expect.poll(() => page.locator("#answer-status").textContent(), { timeout: 30_000 }).toMatch(/^Answer complete/);
      await scriptStub({ chat: [{ content: JSON.stringify(MODEL_PLAN) }] });

      const draft = page.locator(".crisis").getByRole("link", { name: "Draft a safety plan" });
      await draft.waitFor({ timeout: 30_000 });
      await draft.click();
      await page.waitForURL(consoleUrl("/app/safety-plan"));
      expect(await page.getByLabel("Source text").inputValue()).toBe(RISK_TEXT);

      await expect.poll(() => page.locator("#plan-status").textContent(), { timeout: 30_000 }).toMatch(/^Draft ready/);
      const result = page.locator("#plan-result");
      expect(await result.getByRole("heading", { level: 3 }).allTextContents()).toEqual([
        "Warning signs",
        "Internal coping strategies",
        "People and social settings that provide distraction",
        "People I can ask for help",
        "Professionals and agencies to contact in a crisis",
        "Making the environment safe",
        "Reasons for living",
      ]);
      expect(await result.textContent()).toContain(SISTER);
      expect(await result.textContent()).toContain("Her husband keeps her pills in a locked cabinet");
      expect(await result.textContent()).not.toContain("music");
      expect(await result.getByText("To complete with the client.").count()).toBe(5);
      expect(await result.getByRole("heading", { name: "Crisis lines" }).count()).toBe(1);
      await expectAccessible(page);
      await saveScreenshot(page, "safety-plan");

      const [download] = await Promise.all([page.waitForEvent("download"), result.getByRole("button", { name: "Export PDF" }).click()]);
      expect(download.suggestedFilename()).toMatch(/^safety-plan-report-\d{4}-\d{2}-\d{2}\.pdf$/);
      expect((await readFile((await download.path())!)).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    } finally {
      await context.close();
    }
  });
});
