/**
 * The console's clinical pages for a clinician whose language is Spanish (docs/api.md §8, §11):
 * cases, a case, knowledge search and a document, voice, notes and the safety plan, and the
 * messages their scripts show.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { t } from "../../src/console/i18n/i18n";
import { authHeader, createAdmin, createVerifiedTherapist } from "../support/accounts";
import { createTestApi } from "../support/api";
import { loadCases } from "../support/cases";
import { consoleVisitor, visibleText } from "../support/console";
import { loadCorpus } from "../support/corpus";

const api = await createTestApi();
const admin = await createAdmin(api);

beforeAll(async () => {
  await loadCases();
  await loadCorpus(api);
});

/** A verified therapist whose language setting is Spanish, signed in to the console (the browser asks for English). */
async function spanishClinician() {
  const therapist = await createVerifiedTherapist(api, admin.tokens.access_token);
  const set = await api.json("/api/auth/me", { locale: "es" }, { method: "PATCH", headers: authHeader(therapist.tokens.access_token) });
  expect(set.res.status).toBe(200);
  const visitor = consoleVisitor(api);
  expect((await visitor.signIn(therapist.user.email, therapist.password)).status).toBe(303);
  const page = async (path: string, status = 200) => {
    const res = await visitor.fetch(path, { headers: { "Accept-Language": "en-US,en;q=0.9" } });
    const html = await res.text();
    expect(res.status, html).toBe(status);
    expect(html).toContain('<html lang="es">');
    return { html, text: visibleText(html) };
  };
  return { visitor, page, csrf: await visitor.csrfToken() };
}

/** The `js.*` messages the page hands its scripts, decoded from the console-messages meta. */
function scriptMessages(html: string): Record<string, string> {
  const content = /<meta name="console-messages" content="([^"]*)"/.exec(html)?.[1] ?? "{}";
  return JSON.parse(
    content.replaceAll("&quot;", '"').replaceAll("&#39;", "'").replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&"),
  );
}

describe("the clinical pages in Spanish", () => {
  it("lists cases with Spanish filters, headings and severities", async () => {
    const { page } = await spanishClinician();
    const { html, text } = await page("/app/cases?severity=severe&limit=3");
    expect(html).toContain('<label for="severity">Gravedad</label>');
    expect(html).toContain("Cualquier gravedad");
    expect(html).toContain('<th scope="col">Diagnóstico sugerido</th>');
    expect(text).toMatch(/\d+ casos coinciden\./);
    expect(text).toContain("grave");
    expect(html).toContain("Página siguiente");
    expect(text).not.toContain("Suggested diagnosis");
    expect(text).not.toContain("cases match");
    expect(text).not.toContain("Next page");
  });

  it("shows a case with Spanish section headings and a percentage in the Spanish format", async () => {
    const { page } = await spanishClinician();
    const { html, text } = await page("/app/cases/case-001");
    expect(html).toContain("Síntomas de presentación");
    expect(html).toContain("Factores de protección");
    expect(html).toContain("Todos los casos");
    expect(html).toContain('<button type="submit">Analizar el caso</button>');
    // es formats a percentage with a (non-breaking) space before the sign.
    expect(text).toMatch(/confianza \d+\s%/);
    expect(text).not.toContain("Presenting symptoms");
    expect(text).not.toContain("Analyze case");
  });

  it("says in Spanish that a case does not exist", async () => {
    const { page } = await spanishClinician();
    const { text } = await page("/app/cases/no-such-case", 404);
    expect(text).toContain("Página no encontrada");
    expect(text).toContain(t("es", "cases.notFound"));
    expect(text).toContain("Volver al panel");
    expect(text).not.toContain("Back to the dashboard");
  });

  it("searches the knowledge base and opens a document in Spanish", async () => {
    const { visitor, page, csrf } = await spanishClinician();
    const res = await visitor.post("/app/knowledge", { _csrf: csrf, q: "panic attacks" });
    expect(res.status).toBe(200);
    const html = await res.text();
    const text = visibleText(html);
    expect(html).toContain('<label for="q">Buscar</label>');
    expect(html).toContain("Resultados");
    expect(text).toMatch(/\d+ resultados? \(búsqueda de texto completo( y semántica)?\)\./);
    expect(html).toContain("Cualquier tipo");
    expect(text).not.toContain("Any type");
    expect(text).not.toContain("full-text");
    const documentPath = /<a href="(\/app\/knowledge\/[0-9a-f-]{36})">/.exec(html)?.[1];
    expect(documentPath).toBeDefined();
    const document = await page(documentPath!);
    expect(document.html).toContain("Buscar en la base de conocimiento");
    expect(document.html).toContain("<dt>Tipo</dt>");
    expect(document.text).not.toContain("Search the knowledge base");
  });

  it("shows the voice page in Spanish and gives its script Spanish messages", async () => {
    const { page } = await spanishClinician();
    const { html, text } = await page("/app/voice");
    expect(html).toContain("El cliente consiente que esta sesión se grabe y se analice");
    expect(html).toContain('<label for="audio-file">Archivo de audio</label>');
    expect(text).toContain("Analizar la grabación");
    expect(text).not.toContain("Analyze recording");
    expect(scriptMessages(html)).toMatchObject({
      "js.voice.recording": "Grabando… elija Detener para terminar.",
      "js.voice.complete": "Análisis completo.",
      "js.voice.speechRate": "Velocidad del habla",
      "js.voice.tone.anxious": "ansioso",
    });
  });

  it("shows the notes page in Spanish and gives its script Spanish messages", async () => {
    const { page } = await spanishClinician();
    const { html, text } = await page("/app/notes");
    expect(html).toContain('<label for="note-text">Texto de la sesión o transcripción</label>');
    expect(html).toContain('<button type="submit">Generar la nota</button>');
    expect(text).not.toContain("Generate note");
    expect(scriptMessages(html)).toMatchObject({
      "js.notes.ready": "Nota lista.",
      "js.notes.section.subjective": "Subjetivo",
      "js.notes.codes": "Códigos sugeridos",
    });
  });

  it("shows the safety plan page in Spanish and gives its script Spanish messages", async () => {
    const { page } = await spanishClinician();
    const { html, text } = await page("/app/safety-plan");
    expect(html).toContain('<label for="plan-text">Texto de origen</label>');
    expect(html).toContain('<label for="plan-language">Idioma del cliente</label>');
    expect(html).toContain("Intervención de Planificación de Seguridad de Stanley y Brown");
    expect(text).not.toContain("Source text");
    expect(scriptMessages(html)).toMatchObject({
      "js.safetyPlan.crisisLines": "Líneas de crisis",
      "js.safetyPlan.ready": "Borrador listo: complete con el cliente los pasos vacíos.",
    });
  });
});
