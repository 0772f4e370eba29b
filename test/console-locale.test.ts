/** The console's language (docs/api.md §8, §11): the clinician's setting, else Accept-Language, else English. */
import { describe, expect, it } from "vitest";
import { en } from "../src/console/i18n/en";
import { es } from "../src/console/i18n/es";
import { consoleLocale, t } from "../src/console/i18n/i18n";
import { authHeader, createAdmin, createVerifiedTherapist, type LoggedIn } from "./support/accounts";
import { createTestApi } from "./support/api";
import { consoleVisitor } from "./support/console";

const api = await createTestApi();
const admin = await createAdmin(api);

async function signedInVisitor(account: LoggedIn) {
  const visitor = consoleVisitor(api);
  expect((await visitor.signIn(account.user.email, account.password)).status).toBe(303);
  return visitor;
}

async function pageIn(account: LoggedIn, path: string, acceptLanguage?: string) {
  const visitor = await signedInVisitor(account);
  const res = await visitor.fetch(path, { headers: acceptLanguage ? { "Accept-Language": acceptLanguage } : {} });
  expect(res.status).toBe(200);
  return { res, html: await res.text() };
}

const newTherapist = () => createVerifiedTherapist(api, admin.tokens.access_token);

describe("the console's language", () => {
  it("shows a clinician whose setting is Spanish the navigation and diagnose page in Spanish", async () => {
    const therapist = await newTherapist();
    const set = await api.json("/api/auth/me", { locale: "es" }, { method: "PATCH", headers: authHeader(therapist.tokens.access_token) });
    expect(set.res.status).toBe(200);
    // The setting wins over the browser's language.
    const { res, html } = await pageIn(therapist, "/app/diagnose", "en-US,en;q=0.9");
    expect(html).toContain('<html lang="es">');
    expect(res.headers.get("Content-Language")).toBe("es");
    expect(html).toContain('<nav aria-label="Herramientas">');
    expect(html).toContain("Diagnóstico");
    expect(html).toContain('<label for="symptoms">Síntomas</label>');
    expect(html).toContain('<button type="submit">Analizar</button>');
    expect(html).toContain("Cerrar sesión");
    // The script's strings travel as JSON in a meta element, in the same language.
    const content = /<meta name="console-messages" content="([^"]*)"/.exec(html)?.[1] ?? "";
    const decoded = content
      .replaceAll("&quot;", '"')
      .replaceAll("&#39;", "'")
      .replaceAll("&lt;", "<")
      .replaceAll("&gt;", ">")
      .replaceAll("&amp;", "&");
    expect(JSON.parse(decoded)).toMatchObject({ "js.diagnose.required": t("es", "js.diagnose.required"), "js.answer.retry": "Reintentar" });
  });

  it("follows Accept-Language when the clinician has no setting: es-MX gives Spanish", async () => {
    const { html } = await pageIn(await newTherapist(), "/app", "es-MX,es;q=0.9,en;q=0.5");
    expect(html).toContain('<html lang="es">');
    expect(html).toContain("Actividad reciente");
  });

  it("falls back to English for a language the console does not have", async () => {
    const { res, html } = await pageIn(await newTherapist(), "/app/diagnose", "fr");
    expect(html).toContain('<html lang="en">');
    expect(res.headers.get("Content-Language")).toBe("en");
    expect(html).toContain('<nav aria-label="Tools">');
    expect(html).toContain('<button type="submit">Analyze</button>');
  });

  it("shows the sign-in page in the browser's language", async () => {
    const res = await consoleVisitor(api).fetch("/app/login", { headers: { "Accept-Language": "es" } });
    const html = await res.text();
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('<button type="submit">Iniciar sesión</button>');
  });

  it("weighs q-values and ignores languages it does not have", () => {
    expect(consoleLocale(undefined, "fr;q=1, es;q=0.4, en;q=0.8")).toBe("en");
    expect(consoleLocale(undefined, "en;q=0.2, es-419")).toBe("es");
    expect(consoleLocale(undefined, "es;q=0")).toBe("en");
    expect(consoleLocale(undefined, undefined)).toBe("en");
    expect(consoleLocale({ locale: "es" }, "en")).toBe("es");
    expect(t("es", "js.export.failed", { status: 502 })).toBe("La exportación falló (502).");
  });
});

describe("the message catalogue", () => {
  it("has a non-empty Spanish message for every English one, and no extra", () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    for (const [id, message] of Object.entries(es)) expect(message.trim(), id).not.toBe("");
    // Placeholders survive translation.
    for (const id of Object.keys(en) as Array<keyof typeof en>) {
      const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(es[id]), id).toEqual(names(en[id]));
    }
  });
});
