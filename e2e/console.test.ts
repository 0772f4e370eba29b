/**
 * The console in a real browser (Chromium), each page's main flow found by its labels, and
 * axe-core on every page visited: sign-in, dashboard, cases and their analysis, knowledge,
 * assessments (all 14 instruments, live scoring, the server's score and its crisis banner), admin
 * verification, settings, a student's locked tools, a 360 px phone, sign-out. Screenshots go to
 * .local/screenshots.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { consoleUrl, DEMO, expectAccessible, launchBrowser, newPage, signIn } from "./support/browser";

const SCREENSHOTS = path.resolve(import.meta.dirname, "../.local/screenshots");

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  await mkdir(SCREENSHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

/** Runs `flow` in a fresh browser context (no cookies) and closes it. */
async function inBrowser(flow: (page: Page) => Promise<void>, viewport?: { width: number; height: number }) {
  const { context, page } = await newPage(browser, viewport);
  try {
    await flow(page);
  } finally {
    await context.close();
  }
}

const heading = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();
const pathOf = (page: Page) => new URL(page.url()).pathname;

describe("signing in and out", () => {
  it("shows a wrong password's error, signs the demo therapist in by label, shows the dashboard, and signs out", async () => {
    await inBrowser(async (page) => {
      await page.goto(consoleUrl("/app"));
      await expect.poll(() => pathOf(page)).toBe("/app/login");
      await expectAccessible(page);

      await signIn(page, DEMO.therapist, "Not-the-password-1!");
      await expect.poll(() => page.getByRole("alert").textContent()).toContain("incorrect");
      await expectAccessible(page);

      await signIn(page, DEMO.therapist);
      await page.waitForURL(consoleUrl("/app"));
      await expect.poll(() => heading(page)).toBe("Dashboard");
      const main = page.getByRole("main");
      expect(await main.textContent()).toContain("Theo Therapist");
      expect(await main.textContent()).toContain("License verified");
      const navigation = page.getByRole("navigation", { name: "Tools" });
      expect(await navigation.getByRole("link", { name: "Diagnose", exact: true }).count()).toBe(1);
      expect(await navigation.getByRole("link", { name: "Admin" }).count()).toBe(0);
      // The stylesheet is served (static assets): the skip link sits off-screen until focused.
      expect(await page.locator(".skip-link").evaluate((el) => getComputedStyle(el).position)).toBe("absolute");
      await expectAccessible(page);
      await page.screenshot({ path: path.join(SCREENSHOTS, "dashboard-1280.png"), fullPage: true });

      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL(consoleUrl("/app/login"));
      await page.goto(consoleUrl("/app"));
      await expect.poll(() => pathOf(page)).toBe("/app/login");
    });
  });
});

describe("clinical pages", () => {
  it("filters the cases, opens one and shows its analysis beside it", async () => {
    await inBrowser(async (page) => {
      await signIn(page, DEMO.psychiatrist);
      await page.waitForURL(consoleUrl("/app"));
      await page.getByRole("navigation", { name: "Tools" }).getByRole("link", { name: "Cases" }).click();
      await page.getByLabel("Severity").selectOption("severe");
      await page.getByRole("button", { name: "Filter" }).click();
      await page.waitForURL(/severity=severe/);
      await page.locator("tbody tr").first().waitFor();
      const severities = await page.locator("tbody tr td:nth-child(4)").allTextContents();
      expect(severities.length).toBeGreaterThan(0);
      expect(new Set(severities)).toEqual(new Set(["severe"]));
      await expectAccessible(page);

      await page.locator("tbody tr td a").first().click();
      await expect.poll(() => heading(page)).toMatch(/^Case case-\d+$/);
      await page.getByRole("button", { name: "Analyze case" }).click();
      await expect.poll(() => page.getByRole("heading", { name: "Sources" }).count()).toBe(1);
      expect(await page.getByRole("heading", { name: "The case" }).count()).toBe(1);
      // Every source links to its document, which opens.
      const source = page.locator(".analysis ol a").first();
      const title = await source.textContent();
      await expectAccessible(page);
      await page.screenshot({ path: path.join(SCREENSHOTS, "case-analysis-1280.png"), fullPage: true });
      await source.click();
      await expect.poll(() => heading(page)).toBe(title);
      await expectAccessible(page);
    });
  });

  it("searches the knowledge base, with the query's words marked, and opens a document", async () => {
    await inBrowser(async (page) => {
      await signIn(page, DEMO.psychiatrist);
      await page.waitForURL(consoleUrl("/app"));
      await page.goto(consoleUrl("/app/knowledge"));
      await page.getByLabel("Search", { exact: true }).fill("panic attacks");
      await page.getByRole("button", { name: "Search" }).click();
      await expect.poll(() => page.locator(".results mark").count()).toBeGreaterThan(0);
      // The query travelled in the body, not the URL.
      expect(page.url()).not.toContain("panic");
      await expectAccessible(page);
      const first = page.locator(".results a").first();
      const title = await first.textContent();
      await first.click();
      await expect.poll(() => heading(page)).toBe(title);
      await expectAccessible(page);
    });
  });

  it("scores the PHQ-9 live as it is filled in, alerts on item 9, and scores it on the server", async () => {
    await inBrowser(async (page) => {
      await signIn(page, DEMO.student);
      await page.waitForURL(consoleUrl("/app"));
      await page.goto(consoleUrl("/app/assessments"));
      await expectAccessible(page);
      const phq9 = page.locator("form[data-instrument=phq9]");
      const answers = [2, 2, 1, 1, 1, 1, 1, 1, 0];
      const scale = ["Not at all (0)", "Several days (1)", "More than half the days (2)", "Nearly every day (3)"];
      for (const [index, value] of answers.entries())
        await phq9
          .getByRole("group", { name: new RegExp(`^${index + 1}\\. `) })
          .getByLabel(scale[value])
          .check();
      await expect.poll(() => phq9.locator("[data-score-text]").textContent()).toBe("Score 10 of 27: moderate.");
      expect(await phq9.locator("[data-safety-alert]").isVisible()).toBe(false);
      await phq9.getByRole("group", { name: /^9\. / }).getByLabel(scale[1]).check();
      await expect.poll(() => phq9.locator("[data-score-text]").textContent()).toBe("Score 11 of 27: moderate.");
      expect(await phq9.locator("[data-safety-alert]").isVisible()).toBe(true);
      await expectAccessible(page);
      await phq9.getByRole("button", { name: "Score PHQ-9" }).click();
      await expect.poll(() => page.locator(".result").textContent()).toContain("Score 11 of 27: moderate");
      expect(await page.locator(".crisis").count()).toBe(1);
      await expectAccessible(page);
    });
  });

  it("offers all 14 instruments, and scores an EPDS on the server with the crisis banner when item 10 is positive", async () => {
    await inBrowser(async (page) => {
      await signIn(page, DEMO.student);
      await page.waitForURL(consoleUrl("/app"));
      await page.goto(consoleUrl("/app/assessments"));
      const instruments = [
        "PHQ-9",
        "PHQ-2",
        "EPDS",
        "GAD-7",
        "GAD-2",
        "PCL-5",
        "AUDIT",
        "AUDIT-C",
        "DAST-10",
        "ASRS v1.1 Part A",
        "MDQ",
        "C-SSRS screener",
        "WHO-5",
        "K10",
      ];
      expect(await page.getByRole("navigation", { name: "Instruments" }).getByRole("link").allTextContents()).toEqual(instruments);
      const forms = await page.getByRole("heading", { level: 2 }).allTextContents();
      expect(forms.map((title) => instruments.find((name) => title.startsWith(`${name} `)))).toEqual(instruments);

      // Closed until the clinician opens it; below the cut-off of 10, yet item 10 ("Hardly ever") is positive.
      const epds = page.locator("details#epds");
      await page.getByRole("heading", { name: /^EPDS / }).click();
      const answers = [
        "As much as I always could (0)",
        "As much as I ever did (0)",
        "Not very often (1)",
        "Hardly ever (1)",
        "No, not much (1)",
        "No, most of the time I have coped quite well (1)",
        "No, not at all (0)",
        "Not very often (1)",
        "No, never (0)",
        "Hardly ever (1)",
      ];
      for (const [index, answer] of answers.entries())
        await epds
          .getByRole("group", { name: new RegExp(`^${index + 1}\\. `) })
          .getByLabel(answer)
          .check();
      await expect.poll(() => epds.locator("[data-score-text]").textContent()).toBe("Score 6 of 30: below the screening cut-off.");
      // Item 10 answered "Hardly ever" is positive: the form says so before it is scored.
      await expect.poll(() => epds.locator("[data-safety-alert]").isVisible()).toBe(true);
      expect(await epds.locator("[data-safety-alert]").textContent()).toContain("Item 10 is positive");
      await expectAccessible(page);
      await epds.getByRole("button", { name: "Score EPDS" }).click();

      await expect.poll(() => page.locator("details#epds .result").textContent()).toContain("Score 6 of 30: below the screening cut-off");
      const banner = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "Risk detected: assess safety now" }) });
      expect(await banner.count()).toBe(1);
      expect(await banner.textContent()).toMatch(/Indicators: self harm\..*988/);
      // The page opens at the result, so the banner is seen without looking for it among 14 forms.
      // The anchor puts the banner at the very top (polled: under load the scroll to the anchor may still be under way; sub-pixel rounding allowed).
      await expect
        .poll(() => banner.evaluate((node) => node.getBoundingClientRect().top >= -2 && node.getBoundingClientRect().top < innerHeight))
        .toBe(true);
      // The answers stay checked beside their result.
      expect(
        await epds
          .getByRole("group", { name: /^10\. / })
          .getByLabel("Hardly ever (1)")
          .isChecked(),
      ).toBe(true);
      await expectAccessible(page);
      await page.screenshot({ path: path.join(SCREENSHOTS, "assessments-epds-1280.png"), fullPage: true });
    });
  });
});

describe("model text", () => {
  it("shows a streamed answer's headings, lists and emphasis as such, not as ## and - marks", async () => {
    await inBrowser(async (page) => {
      await signIn(page, DEMO.therapist);
      await page.waitForURL(consoleUrl("/app"));
      const text = page.locator("#answer-text");
      const diagnose = async (url: string, symptoms: string) => {
        await page.goto(url);
        await page.getByLabel("Symptoms").fill(symptoms);
        await page.getByRole("button", { name: "Analyze" }).click();
        await expect.poll(() => page.locator("#answer-status").textContent(), { timeout: 30_000 }).toMatch(/^Answer complete/);
      };

      // With the model: the risk assessment the server puts first is a heading, its crisis resources a list.
      await diagnose(consoleUrl("/app/diagnose"), "Low mood for months; says she wants to kill herself and has thought about how.");
      expect(await text.getByRole("heading", { level: 3, name: "Risk assessment" }).count()).toBe(1);
      expect(await text.getByRole("listitem").filter({ hasText: "988 Suicide & Crisis Lifeline: Call 988" }).count()).toBe(1);
      expect(await text.textContent()).not.toMatch(/##|(^|\n)- /);
      await expectAccessible(page);

      // Offline: the retrieval-only answer's heading, and its ranked conditions a numbered list in bold.
      await diagnose(
        new URL("/app/diagnose", inject("offlineConsoleUrl")).toString(),
        "Excessive worry most days for eight months, restlessness, poor sleep.",
      );
      expect(await text.getByRole("heading", { level: 3, name: "Retrieval-only answer (offline mode)" }).count()).toBe(1);
      expect(await text.locator("ol > li > strong").count()).toBeGreaterThan(0);
      expect(await text.textContent()).not.toMatch(/##|\*\*/);
      await expectAccessible(page);
    });
  });
});

describe("roles", () => {
  it("refuses a student the clinical tools, explaining that they need a license an admin has verified", async () => {
    await inBrowser(async (page) => {
      await signIn(page, DEMO.student);
      await page.waitForURL(consoleUrl("/app"));
      const main = page.getByRole("main");
      expect(await main.textContent()).toContain("Student account: clinical tools need a verified license");
      const diagnose = page.getByRole("navigation", { name: "Tools" }).getByRole("link", { name: /^Diagnose/ });
      expect(await diagnose.textContent()).toContain("needs verification");
      expect(await main.getByRole("listitem").filter({ hasText: "Diagnose" }).textContent()).toContain(
        "Needs a license verified by an administrator.",
      );
      await expectAccessible(page);

      await diagnose.click();
      await page.waitForURL(consoleUrl("/app/diagnose"));
      expect(await page.getByRole("note").textContent()).toMatch(/license an administrator has verified.*Student accounts cannot use it/);
      expect(await page.getByLabel("Symptoms").count()).toBe(0);
      expect(await page.getByRole("button", { name: "Analyze" }).count()).toBe(0);
      await expectAccessible(page);
    });
  });

  it("lets an admin verify a new clinician, who then has the clinical tools", async () => {
    const email = `clinician.${Date.now()}@example.com`;
    const password = "Clinician-Passw0rd!";
    const registered = await fetch(consoleUrl("/api/auth/register"), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        username: `clinician-${Date.now()}`,
        email,
        password,
        first_name: "Cleo",
        last_name: "Nician",
        role: "therapist",
        license_type: "LCSW",
        license_number: "LCSW-4242",
        license_state: "OR",
      }),
    });
    expect(registered.status).toBe(201);

    await inBrowser(async (page) => {
      await signIn(page, email, password);
      await page.waitForURL(consoleUrl("/app"));
      const diagnose = page.getByRole("navigation", { name: "Tools" }).getByRole("link", { name: /^Diagnose/ });
      expect(await diagnose.textContent()).toContain("needs verification");
      await page.goto(consoleUrl("/app/cases/case-001"));
      expect(await page.getByRole("note").textContent()).toContain("An administrator must verify your license");
      await expectAccessible(page);
    });

    await inBrowser(async (page) => {
      await signIn(page, DEMO.admin);
      await page.waitForURL(consoleUrl("/app"));
      await page.getByRole("navigation", { name: "Tools" }).getByRole("link", { name: "Admin" }).click();
      await page.getByLabel("Name or email").fill(email);
      await page.getByRole("button", { name: "Filter" }).click();
      await expectAccessible(page);
      await page.getByRole("button", { name: "Verify license of Cleo Nician" }).click();
      await expect.poll(() => page.getByRole("status").textContent()).toBe("License verified.");
      await page.getByRole("link", { name: "Audit trail" }).click();
      await page.getByLabel("Action").fill("admin.update_user");
      await page.getByRole("button", { name: "Filter" }).click();
      await expect.poll(() => page.locator("tbody tr").count()).toBeGreaterThan(0);
      await expectAccessible(page);
    });

    await inBrowser(async (page) => {
      await signIn(page, email, password);
      await page.waitForURL(consoleUrl("/app"));
      const diagnose = page.getByRole("navigation", { name: "Tools" }).getByRole("link", { name: /^Diagnose/ });
      expect(await diagnose.textContent()).toBe("Diagnose");
      await page.goto(consoleUrl("/app/cases/case-001"));
      expect(await page.getByRole("button", { name: "Analyze case" }).count()).toBe(1);
      await page.goto(consoleUrl("/app/settings"));
      expect(await page.getByLabel("First name").inputValue()).toBe("Cleo");
      await expectAccessible(page);

      await page.getByLabel("Token name").fill("Desktop assistant");
      await page.getByLabel("MCP").check();
      await page.getByLabel("Expires in days").fill("7");
      await page.getByLabel("Your password, to confirm").fill(password);
      await page.getByRole("button", { name: "Create token" }).click();
      await expect.poll(() => page.getByRole("status").textContent()).toContain("Copy it now");
      expect(await page.getByLabel("New personal access token").inputValue()).toMatch(/^tap_/);
      expect(page.url()).not.toContain("tap_");
      await expectAccessible(page);
      await page.getByRole("button", { name: "Revoke Desktop assistant" }).click();
      await expect.poll(() => page.getByRole("status").textContent()).toContain("Token revoked");
      expect(await page.getByRole("button", { name: "Revoke Desktop assistant" }).count()).toBe(0);
    });
  });
});

describe("small screens", () => {
  it("fits a 360 px wide phone without sideways scrolling", async () => {
    await inBrowser(
      async (page) => {
        await signIn(page, DEMO.admin);
        await page.waitForURL(consoleUrl("/app"));
        for (const target of ["/app", "/app/cases", "/app/assessments", "/app/interactions", "/app/admin", "/app/settings"]) {
          await page.goto(consoleUrl(target));
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, target).toBe(0);
          await expectAccessible(page);
        }
        await page.setViewportSize({ width: 390, height: 844 });
        await page.goto(consoleUrl("/app"));
        await page.screenshot({ path: path.join(SCREENSHOTS, "dashboard-390.png"), fullPage: true });
      },
      { width: 360, height: 740 },
    );
  });
});
