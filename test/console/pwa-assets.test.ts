/**
 * The installable app as the Worker serves it (docs/pwa.md): every console page, the sign-in page
 * and a signed-in one, links the web app manifest and the icons, and its Content-Security-Policy
 * lets this origin's manifest and service worker load. The files themselves are static assets
 * (public/app/), which this pool does not serve: tools/pwa/pwa-assets.test.ts reads them from disk.
 */
import { describe, expect, it } from "vitest";
import { createAdmin, createVerifiedTherapist } from "../support/accounts";
import { createTestApi } from "../support/api";
import { consoleVisitor } from "../support/console";

const api = await createTestApi();

function expectInstallableHead(res: Response, html: string) {
  expect(html).toContain('<link rel="manifest" href="/app/manifest.webmanifest"/>');
  expect(html).toContain('<link rel="apple-touch-icon" href="/app/icons/apple-touch-icon.png"/>');
  expect(html).toContain('<link rel="icon" href="/app/icons/icon.svg" type="image/svg+xml"/>');
  expect(html).toMatch(/<meta name="theme-color" content="#0b5cad"/);
  const csp = res.headers.get("Content-Security-Policy") ?? "";
  expect(csp).toContain("manifest-src 'self'");
  expect(csp).toContain("worker-src 'self'");
}

describe("installable console pages", () => {
  it("the sign-in page links the manifest and icons and allows this origin's manifest and service worker", async () => {
    const res = await api.fetch("/app/login");
    expect(res.status).toBe(200);
    expectInstallableHead(res, await res.text());
  });

  it("a signed-in page does too", async () => {
    const admin = await createAdmin(api);
    const therapist = await createVerifiedTherapist(api, admin.tokens.access_token);
    const visitor = consoleVisitor(api);
    expect((await visitor.signIn(therapist.user.email, therapist.password)).status).toBe(303);
    const res = await visitor.fetch("/app/diagnose");
    expect(res.status).toBe(200);
    expectInstallableHead(res, await res.text());
  });
});
