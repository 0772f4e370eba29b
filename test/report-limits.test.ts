/**
 * How big a report may get (POST /api/v1/reports): a case analysis's `case_id` must be a case id,
 * a PDF's running footer clips a long title instead of repeating it whole on every page, and a
 * report over the caps on characters or pages is a 413 `report_too_large` that names the cap and
 * leaves nothing behind (no report in the audit trail, no stored object).
 */
import { env } from "cloudflare:test";
import { extractText, getDocumentProxy } from "unpdf";
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { CaseAnalysisAnswer } from "../src/cases/cases.schemas";
import type { NoteAnswer } from "../src/notes/notes.schemas";
import { REPORT_FONT_KEY } from "../src/reports/report-font-file";
import { authHeader, createAdmin, createVerifiedTherapist, errorsAt, type LoggedIn, readProblem } from "./support/accounts";
import { createTestApi } from "./support/api";
import { auditEvents } from "./support/audit";
import { loadCases } from "./support/cases";
import { loadCorpus } from "./support/corpus";

// Offline: the answers come from retrieval alone, with no model to script.
const api = await createTestApi({ OPENAI_API_KEY: "" });
await loadCorpus(api);
const admin = await createAdmin(api);
const adminToken = admin.tokens.access_token;

const fontBytes = Uint8Array.from(atob(inject("reportFontBase64")), (char) => char.charCodeAt(0));
let user: LoggedIn;
let analysis: CaseAnalysisAnswer;
let note: NoteAnswer;
beforeAll(async () => {
  await env.STORAGE.put(REPORT_FONT_KEY, fontBytes);
  await loadCases();
  user = await createVerifiedTherapist(api, adminToken);
  analysis = await answer<CaseAnalysisAnswer>(api.get("/api/v1/case-analysis/case-001", { headers: authHeader(user.tokens.access_token) }));
  note = await answer<NoteAnswer>(
    api.json("/api/v1/notes", { format: "dap", text: "Client reports poor sleep." }, { headers: authHeader(user.tokens.access_token) }),
  );
});

async function answer<T>(request: Promise<{ res: Response; body: unknown }>): Promise<T> {
  const { res, body } = await request;
  expect(res.status, JSON.stringify(body)).toBe(200);
  return body as T;
}

function report(body: unknown, accept = "application/pdf") {
  return api.post("/api/v1/reports", body, { headers: { ...authHeader(user.tokens.access_token), Accept: accept } });
}

/** The problem a report request answered; a report where a problem was due fails on its status, not its bytes. */
async function problemOf(res: Response, status: number, code: string) {
  expect(res.status, `a ${res.headers.get("Content-Type")} answer`).toBe(status);
  return readProblem(res, status, code);
}

/** Each page's extracted text, whitespace collapsed. */
async function pagesOf(res: Response): Promise<{ bytes: number; pages: string[] }> {
  expect(res.status).toBe(200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const { text } = await extractText(await getDocumentProxy(bytes.slice()), { mergePages: false });
  return { bytes: bytes.length, pages: text.map((page) => page.replace(/\s+/g, " ")) };
}

/** A case analysis of `case_id` (top level and in the case), with reasoning long enough for several pages. */
function longAnalysis(caseId: string): CaseAnalysisAnswer {
  const paragraphs = Array.from({ length: 80 }, (_, i) => `Paragraph ${i + 1} of the reasoning, long enough to fill a line of the page.`);
  return {
    ...analysis,
    case_id: caseId,
    case_data: { ...analysis.case_data, case_id: caseId },
    ai_analysis: { ...analysis.ai_analysis, response: paragraphs.join("\n\n") },
  };
}

/** Reports made: a refused one may be audited as a failure, never as a report. */
const reportsMade = async () =>
  (await auditEvents(api, adminToken, { user_id: user.user.id, action: "report.create" })).filter((event) => event.outcome === "success");
const storedKeys = async () => (await env.STORAGE.list()).objects.map((object) => object.key);

describe("a case analysis report's case_id", () => {
  it.each([
    ["20,000 characters", "case-".padEnd(20_000, "x")],
    ["65 characters", "c".repeat(65)],
    ["spaces and capitals", "Case 001"],
    ["a path", "../case-001"],
  ])("of %s is a 400 problem naming body.content.case_id", async (_label, caseId) => {
    const content = { ...analysis, case_id: caseId };
    const problem = await problemOf(await report({ kind: "case_analysis", content }), 400, "validation_error");
    expect(errorsAt(problem, "body.content.case_id").length, JSON.stringify(problem)).toBeGreaterThan(0);
  });

  it("that is not the analysed case's id is a 400 problem naming body.content.case_id", async () => {
    const content = { ...analysis, case_id: "case-002" };
    expect(analysis.case_data.case_id).toBe("case-001");
    const problem = await problemOf(await report({ kind: "case_analysis", content }), 400, "validation_error");
    expect(errorsAt(problem, "body.content.case_id").length, JSON.stringify(problem)).toBeGreaterThan(0);
  });

  it("a real analysis still makes a report titled with its case id", async () => {
    const { pages } = await pagesOf(await report({ kind: "case_analysis", content: analysis }));
    expect(pages[0]).toContain("Case analysis report: case-001");
  });
});

describe("the running footer of a PDF report", () => {
  it("clips a long title to one line beside the page number, so the full title is printed once, on the first page", async () => {
    // The longest case id there is, in the widest letters: the footer cannot hold the whole title.
    const caseId = "m".repeat(64);
    const title = `Case analysis report: ${caseId}`;
    const { pages } = await pagesOf(await report({ kind: "case_analysis", content: longAnalysis(caseId) }));

    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((text, i) => {
      expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(text).toMatch(/Case analysis report: m+… · decision support only/);
    });
    // The heading on the first page wraps the title between letters: compare without white space.
    const squeezed = (text: string) => text.replace(/\s/g, "");
    expect(squeezed(pages.join("")).split(squeezed(title)).length - 1).toBe(1);
    expect(squeezed(pages[0])).toContain(squeezed(title));
  });

  it("keeps a short title whole", async () => {
    const { pages } = await pagesOf(await report({ kind: "note", content: note }));
    for (const text of pages) expect(text).toContain("Session note (DAP) · decision support only");
  });
});

describe("reports over the caps", () => {
  it("more than 100,000 characters of text is a 413 report_too_large naming the cap, for PDF and HTML, with no report made or stored", async () => {
    // Every field within its own 20,000-character bound; together they are over the report's.
    const field = "word ".repeat(4_000);
    const content = {
      ...note,
      sections: { data: field, assessment: field, plan: field },
      risk: { ...note.risk, summary: field },
      ai_response: { ...note.ai_response, response: field },
      disclaimer: field,
    };
    const events = await reportsMade();
    const keys = await storedKeys();
    for (const accept of ["application/pdf", "text/html"]) {
      const problem = await problemOf(await report({ kind: "note", content }, accept), 413, "report_too_large");
      expect(problem.detail).toContain("100,000 characters");
    }
    expect(await reportsMade()).toEqual(events);
    expect(await storedKeys()).toEqual(keys);
  });

  it("a PDF of more than 50 pages is a 413 report_too_large naming the cap; the same content as HTML is a report", async () => {
    // 18 KB of one-letter paragraphs: few characters, one line each, about 150 pages.
    const content = { ...note, ai_response: { ...note.ai_response, response: "a\n\n".repeat(6_000) } };
    const events = await reportsMade();
    const keys = await storedKeys();
    const problem = await problemOf(await report({ kind: "note", content }), 413, "report_too_large");
    expect(problem.detail).toContain("50 pages");
    expect(await reportsMade()).toEqual(events);
    expect(await storedKeys()).toEqual(keys);

    const page = await report({ kind: "note", content }, "text/html");
    expect(page.status).toBe(200);
  });

  it("a report just under the caps is a PDF at most a few times the size of its request", async () => {
    const content = { ...note, ai_response: { ...note.ai_response, response: "a\n\n".repeat(1_500) } };
    const request = JSON.stringify({ kind: "note", content }).length;
    const { bytes, pages } = await pagesOf(await report({ kind: "note", content }));
    expect(pages.length).toBeGreaterThan(30);
    expect(pages.length).toBeLessThanOrEqual(50);
    console.info(`${pages.length}-page report: ${bytes} bytes from a ${request}-byte request`);
    expect(bytes).toBeLessThan(20 * request);
  });
});
