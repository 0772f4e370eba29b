/**
 * How big a report may be. Each field of a request has its own bound (reports.schemas.ts), but a
 * report joins dozens of fields, and a PDF gives every short line a line of its page: without a
 * cap on the whole, a 1 MB request made a 426-page, 8.5 MB PDF. The caps sit far above a real
 * report (a diagnose or case analysis report is 1 to 3 pages and under 10,000 characters, a long
 * note under 10 pages); at the caps a PDF is some tens of kilobytes, plus the font subset, which
 * grows with the number of distinct characters up to about 400 KB.
 */
import { ProblemError } from "../lib/problem";
import { thousands } from "../lib/thousands";
import type { ReportDocument } from "./report-document";

/** Characters of text a report shows (title, clinician, headings, content, disclaimer), PDF or HTML. */
const MAX_REPORT_CHARACTERS = 100_000;
/** Pages of a PDF report: 100,000 characters of prose fill 20 to 35, so only content of many short lines reaches it. */
export const MAX_REPORT_PAGES = 50;

const formatted = (value: number) => thousands(value);

const tooLarge = (detail: string) => new ProblemError(413, { code: "report_too_large", detail });

/** Every character the document shows, counted once. */
function reportCharacters(report: ReportDocument): number {
  let count = report.title.length + report.clinician.length + report.generatedAt.length + report.disclaimer.length;
  for (const section of report.sections) {
    count += section.heading.length;
    for (const block of section.blocks)
      count += block.type === "list" ? block.items.reduce((sum, item) => sum + item.length, 0) : block.text.length;
  }
  return count;
}

/** A 413 `report_too_large` for a document over {@link MAX_REPORT_CHARACTERS}, before anything is rendered. */
export function refuseOverlongReport(report: ReportDocument): void {
  const count = reportCharacters(report);
  if (count > MAX_REPORT_CHARACTERS)
    throw tooLarge(
      `A report holds at most ${formatted(MAX_REPORT_CHARACTERS)} characters of text; this one has ${formatted(count)}. Shorten the content or split it into several reports.`,
    );
}

/** The 413 for a PDF that needs more than {@link MAX_REPORT_PAGES}: layout stops at the first page over. */
export function tooManyPages(): ProblemError {
  return tooLarge(
    `A PDF report has at most ${MAX_REPORT_PAGES} pages; this content needs more. Shorten it, split it into several reports, or ask for text/html.`,
  );
}
