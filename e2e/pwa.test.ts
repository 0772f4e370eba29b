/**
 * The console as an installable app in Chromium (docs/pwa.md): Chromium finds nothing that stops
 * installing it, on the sign-in page and signed in; the service worker activates and controls the
 * page; after a diagnose, Cache Storage holds shell files only (no API answer, no page, nothing
 * under /voice or /mcp); offline, a navigation shows the offline page. A persistent profile,
 * because Chromium never offers to install from an incognito context (playwright's newContext).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, consoleUrl, DEMO, expectAccessible, signIn } from "./support/browser";

let profile: string;
let context: BrowserContext;

beforeAll(async () => {
  profile = await mkdtemp(path.join(tmpdir(), "pwa-profile-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
    viewport: { width: 1280, height: 800 },
  });
});
afterAll(async () => {
  await context?.close();
  await rm(profile, { recursive: true, force: true });
});

/** What Chromium says stops the page's app from being installed (an empty list: nothing). */
async function installabilityErrors(page: Page): Promise<string[]> {
  const cdp = await context.newCDPSession(page);
  try {
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    return installabilityErrors.map((error) => [error.errorId, ...error.errorArguments.map((a) => `${a.name}=${a.value}`)].join(" "));
  } finally {
    await cdp.detach();
  }
}

/** Every URL in every cache of the page's origin, as paths. */
function cachedPaths(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname + new URL(request.url).search);
    }
    return paths.sort();
  });
}

describe("installable app", () => {
  it("is installable, keeps only the shell in its cache after a diagnose, and shows the offline page offline", async () => {
    const page = context.pages()[0] ?? (await context.newPage());

    await page.goto(consoleUrl("/app/login"));
    expect(await installabilityErrors(page)).toEqual([]);
    const manifest = await context.request.get(consoleUrl("/app/manifest.webmanifest"));
    expect(manifest.headers()["content-type"]).toMatch(/^application\/manifest\+json/);
    // The service worker activates from the sign-in page (its scope is all of /app).
    // (ready resolves once there is an active worker, which may still be "activating".)
    await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state)).toBe("activated");

    await signIn(page, DEMO.therapist);
    await page.waitForURL(consoleUrl("/app"));
    expect(await installabilityErrors(page)).toEqual([]);
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(consoleUrl("/app/sw.js"));

    await page.goto(consoleUrl("/app/diagnose"));
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await page.getByLabel("Symptoms").fill("Low mood and poor sleep for two months; no longer enjoys her work.");
    await page.getByRole("button", { name: "Analyze" }).click();
    await expect.poll(() => page.locator("#answer-status").textContent(), { timeout: 30_000 }).toMatch(/^Answer complete/);
    await page.reload();

    const cached = await cachedPaths(page);
    expect(cached).toContain("/app/offline.html");
    expect(cached).toContain("/app/assets/console.css");
    expect(cached).toContain("/app/assets/diagnose.js");
    expect(cached).toContain("/app/manifest.webmanifest");
    // Nothing but shell files: no page (/app, /app/diagnose), nothing under /api, /voice or /mcp.
    const shell = /^\/app\/(assets\/[\w.-]+\.(js|css)|icons\/[\w.-]+\.(png|svg)|manifest\.webmanifest|offline\.html)$/;
    expect(cached.filter((url) => !shell.test(url))).toEqual([]);

    await context.setOffline(true);
    try {
      await page.goto(consoleUrl("/app/diagnose"));
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("You are offline");
      expect(await page.getByRole("heading", { name: "Sin conexión" }).count()).toBe(1);
      expect(await page.getByLabel("Symptoms").count()).toBe(0);
      await expectAccessible(page);
    } finally {
      await context.setOffline(false);
    }
  });
});
