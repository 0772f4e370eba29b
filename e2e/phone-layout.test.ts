/**
 * Issue 25 item 2 in Chromium: on a 390 × 844 phone the header's navigation gives way to a bottom
 * tab bar (Diagnose, Voice, Notes, Clients or Cases, More) with 44 px targets, the page marked and
 * never hidden behind it, and no page scrolling sideways; at 1280 px the header's navigation
 * stays and the bar hides. The dark theme follows `prefers-color-scheme`, and axe finds no WCAG
 * 2.1 AA violation (contrast included) in either theme. The light and dark screenshots of the
 * dashboard and diagnose at 390 and 1280 px are written to .local/screenshots, and to docs/screenshots
 * (the README's) with UPDATE_DOCS_SCREENSHOTS=1.
 */
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { consoleUrl, DEMO, expectAccessible, launchBrowser } from "./support/browser";

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;
type Scheme = "light" | "dark";

/**
 * Where the screenshots go: .local/screenshots on every run, docs/screenshots (the README's,
 * committed) only with UPDATE_DOCS_SCREENSHOTS=1, so a test run never rewrites tracked files.
 */
const SCREENSHOTS = path.resolve(
  import.meta.dirname,
  process.env.UPDATE_DOCS_SCREENSHOTS === "1" ? "../docs/screenshots" : "../.local/screenshots",
);
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

let browser: Browser;
/** Sign-ins are rate limited: each account signs in once and its cookies are reused. */
const sessions: Partial<Record<string, StorageState>> = {};
let clientPath = "";

async function sessionFor(email: string): Promise<StorageState> {
  const saved = sessions[email];
  if (saved) return saved;
  const context = await browser.newContext();
  const page = await context.newPage();
  // By hand rather than support's signIn: "Sign in" must not also match "Sign in with a passkey".
  await page.goto(consoleUrl("/app/login"));
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(inject("demoPassword"));
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL(consoleUrl("/app"));
  const state = await context.storageState();
  await context.close();
  sessions[email] = state;
  return state;
}

async function withPage<T>(email: string, viewport: { width: number; height: number }, run: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ viewport, storageState: await sessionFor(email) });
  try {
    return await run(await context.newPage());
  } finally {
    await context.close();
  }
}

let accessToken = "";
/** The therapist's JSON API token (the console has no form that stores a measure). */
async function api(path: string, body: unknown) {
  if (!accessToken) {
    const login = await fetch(consoleUrl("/api/auth/login"), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: DEMO.therapist, password: inject("demoPassword") }),
    });
    accessToken = ((await login.json()) as { access_token: string }).access_token;
  }
  return fetch(consoleUrl(path), {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${accessToken}` },
    body: JSON.stringify(body),
  });
}

async function storePhq9(clientId: string, responses: number[], daysAgo: number) {
  const administered_at = new Date(Date.now() - daysAgo * 86_400_000).toISOString();
  const res = await api(`/api/v1/clients/${clientId}/measures`, { instrument: "phq9", responses, administered_at });
  expect(res.status, await res.clone().text()).toBe(201);
}

const SYMPTOMS = "Excessive worry most days for eight months, restlessness, poor sleep.";
/** The source the screenshots' answer cites: the first the diagnose flow retrieves for SYMPTOMS. */
let citedSource = "";

/** The model's next diagnose answer (the OpenAI stub's default is the word "stub", no picture for the README). */
async function scriptAnswer() {
  const res = await fetch(`${inject("openaiUrl").replace(/\/v1$/, "")}/_control/script`, {
    method: "POST",
    body: JSON.stringify({
      api_key: inject("openaiKey"),
      chat: [
        {
          content: JSON.stringify({
            response: "Worry on most days for over six months with restlessness and poor sleep: generalised anxiety disorder fits best.",
            differential: [
              {
                condition: "Generalised anxiety disorder",
                dsm5_code: "F41.1",
                icd11_code: "6B00",
                confidence: 0.82,
                rationale: "Excessive worry for more than six months with three associated symptoms.",
                supporting_sources: [citedSource],
              },
            ],
          }),
        },
      ],
    }),
  });
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  browser = await launchBrowser();
  await withPage(DEMO.therapist, DESKTOP, async (page) => {
    await page.goto(consoleUrl("/app/clients/new"));
    await page.getByLabel("Label").fill(`Client P-${Date.now().toString(36)}`);
    await page.getByRole("button", { name: "Create client" }).click();
    await page.waitForURL(/\/app\/clients\/[0-9a-f-]{36}$/);
    clientPath = new URL(page.url()).pathname;
  });
  const retrieved = await api("/api/v1/rag/diagnose", { symptoms: SYMPTOMS });
  citedSource = ((await retrieved.json()) as { retrieved_sources: Array<{ id: string }> }).retrieved_sources[0].id;
  const clientId = clientPath.split("/").pop() ?? "";
  await storePhq9(clientId, [3, 3, 2, 2, 2, 2, 1, 1, 1], 40);
  await storePhq9(clientId, [1, 1, 1, 1, 1, 1, 0, 0, 0], 5);
});
afterAll(async () => {
  await browser?.close();
});

const tabBar = (page: Page) => page.getByRole("navigation", { name: "Main tools", exact: true });
const headerNavigation = (page: Page) => page.getByRole("navigation", { name: "Tools", exact: true });
/** The bar's five targets: four tab links and More's summary. */
const tabTargets = (page: Page, bar = tabBar(page)) => bar.locator(":scope > ul > li > a, :scope > ul > li > details > summary");

/** Every control a finger lands on that is smaller than 44 × 44 px, described for the failure message. */
const smallTargets = (page: Page) =>
  page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        'button, select, textarea, summary, nav a, input:not([type="checkbox"], [type="radio"], [type="hidden"])',
      ),
    ]
      .filter((element) => element.checkVisibility())
      .map((element) => ({ element, box: element.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 44 || box.height < 44)
      .map(({ element, box }) => `${element.tagName} "${element.textContent?.trim() || element.id}" ${box.width}×${box.height}`),
  );

describe("on a 390 × 844 phone", () => {
  it("shows the bottom tab bar with Diagnose, Voice, Notes, Clients and More, each at least 44 × 44, instead of the header's navigation", async () => {
    await withPage(DEMO.therapist, PHONE, async (page) => {
      await page.goto(consoleUrl("/app"));
      expect(await tabBar(page).isVisible()).toBe(true);
      expect(await headerNavigation(page).isVisible()).toBe(false);
      expect((await tabTargets(page).allTextContents()).map((text) => text.trim())).toEqual([
        "Diagnose",
        "Voice",
        "Notes",
        "Clients",
        "More",
      ]);
      for (const box of await tabTargets(page).evaluateAll((targets) => targets.map((target) => target.getBoundingClientRect().toJSON()))) {
        expect(box.width).toBeGreaterThanOrEqual(44);
        expect(box.height).toBeGreaterThanOrEqual(44);
        // On the screen's bottom edge.
        expect(box.bottom).toBeCloseTo(PHONE.height, 0);
      }
      expect(await smallTargets(page), "/app").toEqual([]);
    });
  });

  it("marks the current page, and More opens every tool without script", async () => {
    await withPage(DEMO.therapist, PHONE, async (page) => {
      await page.goto(consoleUrl("/app/voice"));
      expect(await tabBar(page).locator(':scope > ul > li > a[aria-current="page"]').allTextContents()).toEqual(["Voice"]);
      await page.goto(consoleUrl(clientPath));
      expect(await tabBar(page).getByRole("link", { name: "Clients" }).getAttribute("aria-current")).toBe("page");

      const allTools = tabBar(page).getByRole("list", { name: "All tools" });
      expect(await allTools.isVisible()).toBe(false);
      await tabBar(page).getByText("More", { exact: true }).click();
      expect(await allTools.isVisible()).toBe(true);
      expect(await allTools.getByRole("link").allTextContents()).toEqual(
        expect.arrayContaining(["Dashboard", "Treatment", "Cases", "Knowledge", "Assessments", "Settings"]),
      );
      await allTools.getByRole("link", { name: "Settings" }).click();
      await page.waitForURL(consoleUrl("/app/settings"));
    });
  });

  it("gives a student Cases in place of Clients, Diagnose saying it needs verification", async () => {
    await withPage(DEMO.student, PHONE, async (page) => {
      await page.goto(consoleUrl("/app"));
      expect((await tabTargets(page).allTextContents()).map((text) => text.trim())).toEqual([
        "Diagnose (needs verification)",
        "Voice (needs verification)",
        "Notes (needs verification)",
        "Cases",
        "More",
      ]);
    });
  });

  it("fits the Spanish labels (Consultantes the longest) on a 360 px screen, each on one line", async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      locale: "es-ES",
      storageState: await sessionFor(DEMO.therapist),
    });
    try {
      const page = await context.newPage();
      await page.goto(consoleUrl("/app"));
      const spanishBar = page.getByRole("navigation", { name: "Herramientas principales" });
      expect((await tabTargets(page, spanishBar).allTextContents()).map((text) => text.trim())).toEqual([
        "Diagnóstico",
        "Voz",
        "Notas",
        "Consultantes",
        "Más",
      ]);
      // A label on one line: its text's line boxes all share one top.
      const cut = await tabTargets(page, spanishBar).evaluateAll((targets) =>
        targets
          .filter((target) => {
            const range = document.createRange();
            range.selectNodeContents(target);
            return new Set([...range.getClientRects()].map((line) => Math.round(line.top))).size > 1;
          })
          .map((target) => target.textContent),
      );
      expect(cut).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    } finally {
      await context.close();
    }
  });

  it("never hides the page behind the bar, scrolls no page sideways, and keeps every control 44 px", async () => {
    await withPage(DEMO.therapist, PHONE, async (page) => {
      const pages = [
        "/app",
        "/app/diagnose",
        "/app/voice",
        "/app/notes",
        "/app/clients",
        clientPath,
        "/app/cases",
        "/app/assessments",
        "/app/settings",
      ];
      for (const url of pages) {
        await page.goto(consoleUrl(url));
        expect(await page.evaluate(() => document.documentElement.scrollWidth), url).toBeLessThanOrEqual(PHONE.width);
        expect(await smallTargets(page), url).toEqual([]);
        // Scrolled to the end, the page's last line (the disclaimer) ends above the bar.
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        const footerBottom = await page.locator(".site-footer").evaluate((footer) => footer.getBoundingClientRect().bottom);
        const barTop = await tabBar(page).evaluate((bar) => bar.getBoundingClientRect().top);
        expect(footerBottom, url).toBeLessThanOrEqual(barTop + 1);
      }
    });
  });

  it("gives the recorder's Record and Stop buttons a thumb-sized target", async () => {
    await withPage(DEMO.therapist, PHONE, async (page) => {
      await page.goto(consoleUrl("/app/voice"));
      for (const name of ["Record", "Stop"]) {
        const box = await page.getByRole("button", { name, exact: true }).boundingBox();
        expect(box?.height, name).toBeGreaterThanOrEqual(60);
        // Side by side, each about half the card: a third of the screen at least.
        expect(box?.width, name).toBeGreaterThanOrEqual(PHONE.width / 3);
      }
    });
  });
});

describe("on a 1280 px desktop", () => {
  it("keeps the header's navigation and hides the bottom bar", async () => {
    await withPage(DEMO.therapist, DESKTOP, async (page) => {
      await page.goto(consoleUrl("/app/diagnose"));
      expect(await headerNavigation(page).isVisible()).toBe(true);
      expect(await headerNavigation(page).getByRole("link", { name: "Diagnose" }).getAttribute("aria-current")).toBe("page");
      expect(await tabBar(page).isVisible()).toBe(false);
    });
  });
});

describe.each<Scheme>(["light", "dark"])("in the %s theme", (scheme) => {
  /** The page's background, to tell the themes apart: the light wash or the dark one. */
  const background = { light: "rgb(243, 245, 248)", dark: "rgb(18, 22, 27)" }[scheme];

  const diagnose = async (page: Page) => {
    await scriptAnswer();
    await page.goto(consoleUrl("/app/diagnose"));
    await page.getByLabel("Symptoms").fill(SYMPTOMS);
    await page.getByRole("button", { name: "Analyze" }).click();
    await expect.poll(() => page.locator("#answer-status").textContent(), { timeout: 30_000 }).toMatch(/^Answer complete/);
  };
  /** On a phone the screen as a person sees it, tab bar at its foot (a full-page capture would leave it mid-page); on a desktop the whole page. */
  const screenshot = (page: Page, name: string) => {
    const width = page.viewportSize()?.width;
    return page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${width}-${scheme}.png`), fullPage: width !== PHONE.width });
  };

  for (const viewport of [PHONE, DESKTOP]) {
    it(`passes axe on the dashboard and a diagnose answer at ${viewport.width} px, and saves their screenshots`, async () => {
      await withPage(DEMO.therapist, viewport, async (page) => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(consoleUrl("/app"));
        expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe(background);
        await expectAccessible(page);
        await screenshot(page, "dashboard");

        await diagnose(page);
        await expectAccessible(page);
        // The answer at the top of the screen: what the phone's screenshot shows.
        await page.locator("#answer-text").evaluate((answer) => answer.scrollIntoView());
        await screenshot(page, "diagnose");
      });
    });
  }

  it("passes axe on the clients list, a client page with its chart, and settings, on a phone", async () => {
    await withPage(DEMO.therapist, PHONE, async (page) => {
      await page.emulateMedia({ colorScheme: scheme });
      for (const url of ["/app/clients", clientPath, "/app/settings"]) {
        await page.goto(consoleUrl(url));
        expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor), url).toBe(background);
        await expectAccessible(page);
      }
      // The chart's bands follow the theme too (CSS over the SVG's light fill attributes).
      await page.goto(consoleUrl(clientPath));
      const band = await page
        .locator(".measure-chart .band-0")
        .first()
        .evaluate((rect) => getComputedStyle(rect).fill);
      expect(band).toBe(scheme === "light" ? "rgb(230, 242, 230)" : "rgb(31, 51, 36)");
    });
  });
});
