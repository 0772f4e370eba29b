/**
 * A report as a printable HTML page: every value escaped by hono/html, print CSS, no script (the
 * response's Content-Security-Policy forbids any). Console pages can call it with a report built
 * by `buildReport`.
 */
import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { Block, ReportDocument } from "./report-document";

const STYLE = `
@page { size: A4; margin: 18mm 16mm; }
body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; font-size: 10.5pt; line-height: 1.45; color: #111; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
header { border-bottom: 1px solid #999; margin-bottom: 1rem; }
h1 { font-size: 17pt; margin: 0 0 .3rem; }
h2 { font-size: 12.5pt; margin: 1.2rem 0 .3rem; break-after: avoid; }
h3 { font-size: 10.5pt; margin: .8rem 0 .2rem; break-after: avoid; }
.meta { color: #444; font-size: 9.5pt; margin: 0 0 .6rem; }
li { margin: .15rem 0; }
section { break-inside: auto; }
.disclaimer { border-top: 1px solid #999; margin-top: 1.5rem; padding-top: .5rem; font-size: 9pt; color: #333; }
@media print { body { margin: 0; max-width: none; } }
`;

function block(item: Block): HtmlEscapedString | Promise<HtmlEscapedString> {
  switch (item.type) {
    case "paragraph":
      return html`<p>${item.text}</p>`;
    case "subheading":
      return html`<h3>${item.text}</h3>`;
    case "list":
      return html`<ul>${item.items.map((entry) => html`<li>${entry}</li>`)}</ul>`;
  }
}

export async function renderReportHtml(report: ReportDocument): Promise<string> {
  const page = await html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${report.title}</title>
    <style>${raw(STYLE)}</style>
  </head>
  <body>
    <header>
      <h1>${report.title}</h1>
      <p class="meta">Clinician: ${report.clinician}<br />Generated: ${report.generatedAt}</p>
    </header>
    <main>
      ${report.sections.map((section) => html`<section><h2>${section.heading}</h2>${section.blocks.map(block)}</section>`)}
    </main>
    <footer class="disclaimer"><h2>Disclaimer</h2><p>${report.disclaimer}</p></footer>
  </body>
</html>`;
  return page.toString();
}
