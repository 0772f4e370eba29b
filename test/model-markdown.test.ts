/**
 * Model text on the console's server-rendered pages (a case's analysis, a knowledge document):
 * its markdown shown as headings, lists and emphasis, never as "## …" and "- …", and never as
 * HTML of its own. Links survive only when they point at the console's own pages.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createAdmin, createVerifiedTherapist, runSql } from "./support/accounts";
import { createTestApi } from "./support/api";
import { loadCases } from "./support/cases";
import { consoleVisitor, visibleText } from "./support/console";
import { loadCorpus } from "./support/corpus";
import { scriptOpenAi } from "./support/openai-stub";

const api = await createTestApi();
const admin = await createAdmin(api);

beforeAll(async () => {
  await loadCases();
  await loadCorpus(api);
});

async function signedIn() {
  const therapist = await createVerifiedTherapist(api, admin.tokens.access_token);
  const visitor = consoleVisitor(api);
  expect((await visitor.signIn(therapist.user.email, therapist.password)).status).toBe(303);
  return { visitor, csrf: await visitor.csrfToken() };
}

/** Analyzes a case with the model answering `response`; the page's HTML. */
async function analysisShowing(caseId: string, response: string): Promise<string> {
  const { visitor, csrf } = await signedIn();
  const answer = {
    response,
    suggested_diagnosis_supported: true,
    alternative_diagnoses: [],
    missing_assessments: [],
    treatment_considerations: [],
  };
  await scriptOpenAi(api.openaiKey, { chat: [{ content: JSON.stringify(answer) }] });
  const res = await visitor.post(`/app/cases/${caseId}/analyze`, { _csrf: csrf });
  expect(res.status).toBe(200);
  const html = await res.text();
  // Only the analysis: the case beside it has headings and lists of its own.
  return html.slice(html.indexOf('id="analysis-heading"'));
}

describe("a case analysis", () => {
  it("shows the model's headings, lists, emphasis and code as elements, under the Analysis heading", async () => {
    const html = await analysisShowing(
      "case-010",
      "## Formulation\nPanic disorder is **well supported**; *agoraphobia* is less likely.\n\n" +
        "### Next steps\n- Rate the `PDSS` weekly\n- Ask about avoidance\n\n1. Psychoeducation\n2. Interoceptive exposure",
    );
    expect(html).toContain("<h3>Formulation</h3>");
    expect(html).toContain("<h4>Next steps</h4>");
    expect(html).toContain("Panic disorder is <strong>well supported</strong>; <em>agoraphobia</em> is less likely.");
    expect(html).toMatch(/<ul><li>Rate the <code>PDSS<\/code> weekly<\/li><li>Ask about avoidance<\/li><\/ul>/);
    expect(html).toMatch(/<ol><li>Psychoeducation<\/li><li>Interoceptive exposure<\/li><\/ol>/);
    const text = visibleText(html);
    for (const marker of ["##", "**", "- Rate", "1. Psycho", "`"]) expect(text).not.toContain(marker);
  });

  it("leads a risk case with the server's risk assessment as a heading and its crisis resources as a list", async () => {
    const html = await analysisShowing("case-002", "The presentation fits a major depressive episode.");
    expect(html).toContain("<h3>Risk assessment</h3>");
    expect(html).toMatch(/<li>Find A Helpline: [^<]*findahelpline\.com[^<]*<\/li>/);
    expect(visibleText(html)).not.toMatch(/## Risk assessment|- Find A Helpline/);
  });

  it("links only to the console's own pages: any other link, and HTML the model writes, stay plain text", async () => {
    const html = await analysisShowing(
      "case-010",
      "See [the criteria](/app/knowledge/00000000-0000-4000-8000-000000000000), [a site](https://evil.example/x), " +
        "[a script](javascript:alert(1)), [another host](//evil.example/y) and [a back slash](/\\evil.example/z).\n\n" +
        '<script>alert(1)</script> <a href="https://evil.example/raw">raw</a> <img src=x onerror=alert(1)>',
    );
    expect(html).toContain('<a href="/app/knowledge/00000000-0000-4000-8000-000000000000">the criteria</a>');
    expect(html).not.toMatch(/href="(https?:|javascript:|\/\/|\/\\)/);
    expect(html).not.toMatch(/<script>alert|<img src=x|<a href="https:\/\/evil/);
    const text = visibleText(html);
    for (const shown of ["a site", "a script", "another host", "a back slash", "&lt;script&gt;alert(1)&lt;/script&gt;"]) {
      expect(text).toContain(shown);
    }
  });
});

describe("a knowledge document", () => {
  it("shows its sections as headings under the title and its bullet points as lists", async () => {
    const [[id]] = await runSql(api, "select id from knowledge_documents where title like 'ASRS v1.1%'");
    const { visitor } = await signedIn();
    const { res, html } = await visitor.page(`/app/knowledge/${id}`);
    expect(res.status).toBe(200);
    // "## Purpose" is followed by its paragraph on the next line: the heading holds the title alone.
    expect(html).toContain("<h2>Purpose</h2>");
    expect(html).toMatch(/<ul><li><strong>Part A \(screener, 6 items\):<\/strong> four items/);
    expect(visibleText(html)).not.toMatch(/## |\*\*|(^| )- \S/);
  });
});
