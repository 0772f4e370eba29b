/**
 * The console in Spanish (docs/api.md §8, §11) for clinicians and admins whose setting is Spanish:
 * assessments, the interaction check, the admin pages and the settings page's personal access tokens.
 */
import { describe, expect, it } from "vitest";
import { formatDateTime } from "../../src/console/i18n/i18n";
import { authHeader, createAdmin, createVerifiedTherapist, type LoggedIn } from "../support/accounts";
import { createTestApi } from "../support/api";
import { consoleVisitor, visibleText } from "../support/console";

const api = await createTestApi();
const admin = await inSpanish(await createAdmin(api));

async function inSpanish(account: LoggedIn): Promise<LoggedIn> {
  const set = await api.json("/api/auth/me", { locale: "es" }, { method: "PATCH", headers: authHeader(account.tokens.access_token) });
  expect(set.res.status).toBe(200);
  return account;
}

const spanishTherapist = async () =>
  inSpanish(await createVerifiedTherapist(api, admin.tokens.access_token, { first_name: "Tera", last_name: "Peuta" }));

/** Signed in with an English browser: the Spanish setting must still win. */
async function signedIn(account: LoggedIn) {
  const visitor = consoleVisitor(api);
  expect((await visitor.signIn(account.user.email, account.password)).status).toBe(303);
  const csrf = await visitor.csrfToken();
  const english = { "Accept-Language": "en-US,en;q=0.9" };
  return {
    csrf,
    async page(path: string) {
      const res = await visitor.fetch(path, { headers: english });
      expect(res.status).toBe(200);
      expect(res.headers.get("Content-Language")).toBe("es");
      return res.text();
    },
    post: (path: string, fields: Record<string, string>) => visitor.post(path, { _csrf: csrf, ...fields }, english),
  };
}

/** The `js.*` messages the layout hands the page's scripts. */
function scriptMessages(html: string): Record<string, string> {
  const content = /<meta name="console-messages" content="([^"]*)"/.exec(html)?.[1] ?? "{}";
  return JSON.parse(
    content.replaceAll("&quot;", '"').replaceAll("&#39;", "'").replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&"),
  );
}

describe("assessments in Spanish", () => {
  it("labels the forms and the result in Spanish, keeps the instruments' own text, and hands the live score its Spanish words", async () => {
    const clinician = await signedIn(await spanishTherapist());
    const html = await clinician.page("/app/assessments");
    expect(html).toContain('<nav aria-label="Instrumentos">');
    expect(html).toContain('<button type="submit">Puntuar PHQ-9</button>');
    expect(visibleText(html)).toContain("cuestionarios validados");
    expect(html).not.toContain("Score PHQ-9");
    // The items are clinical content, validated in English.
    expect(visibleText(html)).toContain("Little interest or pleasure in doing things");
    expect(scriptMessages(html)).toMatchObject({
      "js.assessments.score": "Puntuación {score} de {max}: {severity}.",
      "js.assessments.scoreSoFar": "Puntuación parcial {score} de {max} ({answered} de {items} ítems respondidos): {severity}.",
    });

    const answers = [1, 1, 1, 1, 1, 1, 1, 1, 0];
    const scored = await clinician.post("/app/assessments", {
      instrument: "phq9",
      ...Object.fromEntries(answers.map((value, index) => [`item${index + 1}`, String(value)])),
    });
    expect(scored.status).toBe(200);
    const result = visibleText(await scored.text());
    expect(result).toContain("Resultado");
    expect(result).toContain("Puntuación 8 de 27: mild");
    expect(result).toContain("Punto de corte:");
    expect(result).not.toContain("Score 8 of 27");

    const incomplete = await clinician.post("/app/assessments", { instrument: "gad7", item1: "1", item2: "3" });
    expect(incomplete.status).toBe(400);
    const problem = await incomplete.text();
    expect(problem).toContain("Responda todos los ítems antes de puntuar; sin responder: 3, 4, 5, 6, 7.");
    expect(problem).not.toContain("Answer every item");
  });
});

describe("the interaction check in Spanish", () => {
  it("words the form, the alerts, the summary and the table in Spanish", async () => {
    const clinician = await signedIn(await spanishTherapist());
    const form = await clinician.page("/app/interactions");
    expect(form).toContain('<label for="medications">Medicamentos</label>');
    expect(form).toContain('<button type="submit">Comprobar interacciones</button>');
    expect(form).not.toContain("Check interactions");

    const res = await clinician.post("/app/interactions", { medications: "sertraline\nKratom, Nardil\nProzac, fluoxetine" });
    expect(res.status).toBe(200);
    const text = visibleText(await res.text());
    expect(text).toContain("Sin comprobar: Kratom");
    expect(text).toContain("Este nombre no está en nuestra tabla de interacciones");
    expect(text).toContain("El mismo fármaco dos veces: Prozac y fluoxetine son ambos fluoxetine.");
    expect(text).toMatch(/Se encontraron? \d+ interacci(ón|ones) entre los 3 medicamentos reconocidos\./);
    expect(text).toContain("phenelzine + sertraline: Contraindicada");
    expect(text).toMatch(/Kratom \(no está en la tabla\) sin comprobar/);
    expect(text).toContain("Efecto");
    expect(text).not.toContain("Not checked");
    expect(text).not.toContain("recognized medications");

    const tooFew = await clinician.post("/app/interactions", { medications: "sertraline" });
    expect(tooFew.status).toBe(400);
    expect(await tooFew.text()).toContain("indique al menos 2 medicamentos para comprobar (como máximo 20)");
  });
});

describe("the admin pages in Spanish", () => {
  it("words the users list, its actions and the confirmation of a change in Spanish", async () => {
    const clinician = await spanishTherapist();
    const visitor = await signedIn(admin);
    const html = await visitor.page(`/app/admin?q=${encodeURIComponent(clinician.user.email)}&done=verify`);
    expect(html).toContain("Licencia verificada.");
    expect(html).toContain('<label for="q">Nombre o correo electrónico</label>');
    expect(html).toContain(`aria-label="Retirar la verificación de Tera Peuta"`);
    expect(html).toContain('<th scope="col">Acciones</th>');
    expect(html).not.toContain("Withdraw verification");
    expect(html).not.toContain("License verified.");
  });

  it("words the audit trail in Spanish and gives its times in the Spanish format", async () => {
    const html = await (await signedIn(admin)).page("/app/admin/audit");
    expect(html).toContain('<th scope="col">Cuándo (UTC)</th>');
    expect(html).toContain('<label for="since">Desde</label>');
    expect(html).not.toContain("Audit trail");
    const times = [...html.matchAll(/<time datetime="([^"]+)">([^<]+)<\/time>/g)];
    expect(times.length).toBeGreaterThan(0);
    for (const [, datetime, shown] of times) expect(shown).toBe(formatDateTime("es", new Date(datetime)));
  });
});

describe("personal access tokens and settings notices in Spanish", () => {
  it("words the tokens section, a revocation and a profile save in Spanish", async () => {
    const clinician = await signedIn(await spanishTherapist());
    const settings = visibleText(await clinician.page("/app/settings"));
    expect(settings).toContain("Tokens de acceso personal");
    expect(settings).toContain("No tiene tokens de acceso personal vigentes.");
    expect(settings).toContain("Su contraseña, para confirmar");
    expect(settings).toContain("Crear token");
    expect(settings).not.toContain("Create token");
    expect(await clinician.page("/app/settings?done=token_revoked")).toContain("Token revocado: ya no funciona.");
    expect(await clinician.page("/app/settings?done=profile")).toContain("Perfil guardado.");

    const mismatch = await clinician.post("/app/settings/password", {
      current_password: "whatever",
      new_password: "N3w-password!",
      confirm_password: "Other-password-1!",
    });
    expect(mismatch.status).toBe(400);
    expect(await mismatch.text()).toContain("Las dos contraseñas nuevas no coinciden; escriba la misma dos veces.");
  });
});
