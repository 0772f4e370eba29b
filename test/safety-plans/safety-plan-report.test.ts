/**
 * A safety plan printed (POST /api/v1/reports, kind "safety_plan"): the draft the safety-plans
 * route gave, as a PDF read back by an independent parser (PDF.js through unpdf) and as HTML,
 * with the seven steps' headings, the source's items, "To complete with the client" for the rest
 * and the crisis lines, in the client's language when it is one of the five; bad input refused.
 */
import { env } from "cloudflare:test";
import { extractText, getDocumentProxy } from "unpdf";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { REPORT_FONT_KEY } from "../../src/reports/report-font-file";
import { PLAN_LABELS, SAFETY_PLAN_SECTIONS } from "../../src/safety-plans/safety-plan-labels";
import type { SafetyPlanAnswer } from "../../src/safety-plans/safety-plans.schemas";
import { authHeader, createAdmin, createVerifiedTherapist, errorsAt, type LoggedIn, readProblem } from "../support/accounts";
import { createTestApi } from "../support/api";

const offline = await createTestApi({ OPENAI_API_KEY: "" });
const admin = await createAdmin(offline);

beforeAll(async () => {
  await env.STORAGE.put(
    REPORT_FONT_KEY,
    Uint8Array.from(atob(inject("reportFontBase64")), (char) => char.charCodeAt(0)),
  );
});

const SISTER = "I could call my sister Ana; she always picks up.";
const SOURCE = `When I can't sleep I start to pull away from everyone. ${SISTER} I have been thinking about ending my life.`;

async function draft(user: LoggedIn, language?: string): Promise<SafetyPlanAnswer> {
  const res = await offline.post("/api/v1/safety-plans", { text: SOURCE, language }, { headers: authHeader(user.tokens.access_token) });
  expect(res.status).toBe(200);
  return (await res.json()) as SafetyPlanAnswer;
}

function report(user: LoggedIn, body: unknown, accept: string) {
  return offline.post("/api/v1/reports", body, { headers: { ...authHeader(user.tokens.access_token), Accept: accept } });
}

async function pdfText(res: Response): Promise<string> {
  expect(res.status).toBe(200);
  expect(res.headers.get("Content-Type")).toBe("application/pdf");
  expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="safety-plan-report-\d{4}-\d{2}-\d{2}\.pdf"$/);
  const document = await getDocumentProxy(new Uint8Array(await res.arrayBuffer()));
  return (await extractText(document, { mergePages: true })).text.replace(/\s+/g, " ");
}

describe("POST /api/v1/reports with kind safety_plan", () => {
  it("prints the draft as a PDF: title, the seven headings, the source's items, the rest to complete, the crisis lines", async () => {
    const user = await createVerifiedTherapist(offline, admin.tokens.access_token);
    const plan = await draft(user);
    const text = await pdfText(await report(user, { kind: "safety_plan", content: plan }, "application/pdf"));
    const labels = PLAN_LABELS.en;
    expect(text).toContain(labels.title);
    for (const step of SAFETY_PLAN_SECTIONS) expect(text).toContain(labels.sections[step]);
    expect(text).toContain(SISTER);
    // Five steps have nothing from the source (warning signs and the sister do).
    expect(text.split(labels.toComplete).length - 1).toBe(5);
    expect(text).toContain(labels.crisisLines);
    expect(text).toContain(plan.crisis_resources[0].name);
    // A plan is not a knowledge answer: no sources list.
    expect(text).not.toContain("No sources were retrieved");
  });

  it("prints the headings in Spanish when the report asks for es, whatever language the draft was made in", async () => {
    const user = await createVerifiedTherapist(offline, admin.tokens.access_token);
    const plan = await draft(user, "en");
    const text = await pdfText(await report(user, { kind: "safety_plan", content: plan, language: "es" }, "application/pdf"));
    const labels = PLAN_LABELS.es;
    expect(text).toContain(labels.title);
    for (const step of SAFETY_PLAN_SECTIONS) expect(text).toContain(labels.sections[step]);
    expect(text).toContain(labels.toComplete);
    expect(text).not.toContain(PLAN_LABELS.en.sections.warning_signs);
  });

  it("prints in the draft's own language when the report names none, as HTML too", async () => {
    const user = await createVerifiedTherapist(offline, admin.tokens.access_token);
    const plan = await draft(user, "de");
    const res = await report(user, { kind: "safety_plan", content: plan }, "text/html");
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const step of SAFETY_PLAN_SECTIONS) expect(html).toContain(PLAN_LABELS.de.sections[step].replaceAll("'", "&#39;"));
    expect(html).not.toContain("<script");
  });

  it("refuses a plan without its steps, and a language it is not printed in, with a 400 naming the field", async () => {
    const user = await createVerifiedTherapist(offline, admin.tokens.access_token);
    const plan = await draft(user);
    const { reasons_for_living: _, ...six } = plan.sections;
    const missing = await readProblem(
      await report(user, { kind: "safety_plan", content: { ...plan, sections: six } }, "application/pdf"),
      400,
      "validation_error",
    );
    expect(errorsAt(missing, "body.content.sections.reasons_for_living").length).toBeGreaterThan(0);
    const language = await readProblem(
      await report(user, { kind: "safety_plan", content: plan, language: "it" }, "text/html"),
      400,
      "validation_error",
    );
    expect(errorsAt(language, "body.language").length).toBeGreaterThan(0);
  });
});
