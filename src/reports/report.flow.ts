/**
 * Reports: the answer of a diagnose, treatment, case analysis or note as a printable HTML page or
 * a PDF, chosen by the Accept header. Built from the submitted content (nothing is fetched or
 * stored), as the caller's role may see it, within the caps of ./report-limits.ts. The route's
 * `licensed` guard has checked the account.
 */

import { audited } from "../audit/audited";
import { ProblemError } from "../lib/problem";
import { assertMay } from "../policy/policy";
import type { UseCaseDeps } from "../use-case/deps";
import { buildReport } from "./report-document";
import { loadReportFont } from "./report-font";
import { renderReportHtml } from "./report-html";
import { refuseOverlongReport } from "./report-limits";
import { renderReportPdf } from "./report-pdf";
import type { ReportInput } from "./reports.schemas";

const REPORT_MEDIA_TYPES = ["application/pdf", "text/html"] as const;
type ReportMediaType = (typeof REPORT_MEDIA_TYPES)[number];

/** The media type the client asked for, by quality, among the two a report comes in; null for neither. */
function negotiateReportType(accept: string | undefined): ReportMediaType | null {
  const ranges = (accept ?? "")
    .split(",")
    .map((part, order) => {
      const [type, ...params] = part.trim().toLowerCase().split(";");
      const q = Number(
        params
          .map((p) => p.trim())
          .find((p) => p.startsWith("q="))
          ?.slice(2) ?? 1,
      );
      return { type: type.trim(), q: Number.isFinite(q) ? q : 0, order };
    })
    .filter(
      (range): range is { type: ReportMediaType; q: number; order: number } =>
        REPORT_MEDIA_TYPES.includes(range.type as ReportMediaType) && range.q > 0,
    )
    .sort((a, b) => b.q - a.q || a.order - b.order);
  return ranges[0]?.type ?? null;
}

/** Route middleware, so an unusable Accept header is refused before the body is read. */
export function requireReportType(accept: string | undefined): ReportMediaType {
  const type = negotiateReportType(accept);
  if (!type)
    throw new ProblemError(406, {
      code: "not_acceptable",
      title: "Not Acceptable",
      detail: "A report comes as application/pdf or text/html: send one of them in the Accept header.",
    });
  return type;
}

const filename = (kind: string, now: Date, extension: string) =>
  `${kind.replaceAll("_", "-")}-report-${now.toISOString().slice(0, 10)}.${extension}`;

export interface RenderedReport {
  type: ReportMediaType;
  body: Uint8Array | string;
  filename: string;
}

/** The report use case, for the REST route and the console: built, capped, rendered and audited; no HTTP. */
export function renderReport(
  deps: UseCaseDeps,
  input: ReportInput,
  type: ReportMediaType,
  { action }: { action: string },
): Promise<RenderedReport> {
  const format = type === "application/pdf" ? "pdf" : "html";
  return audited(
    deps,
    { action, asked: { kind: input.kind, format } },
    async () => {
      assertMay(deps.account, "clinical");
      const now = new Date();
      const report = buildReport(input, deps.account, now);
      // Before the font is read or a page laid out; the PDF's page cap is checked as it is laid out.
      refuseOverlongReport(report);
      const body =
        type === "application/pdf" ? await renderReportPdf(report, await loadReportFont(deps.storage)) : await renderReportHtml(report);
      return { type, body, filename: filename(input.kind, now, format) };
    },
    ({ body }) => ({ detail: { bytes: typeof body === "string" ? new TextEncoder().encode(body).length : body.length } }),
  );
}

/** The HTTP answer of a rendered report: a PDF download, or an inert HTML page. */
export function reportResponse({ type, body, filename }: RenderedReport): Response {
  const headers = {
    "Content-Disposition": `${type === "application/pdf" ? "attachment" : "inline"}; filename="${filename}"`,
    Vary: "Accept",
  };
  if (type === "application/pdf") return new Response(body, { status: 200, headers: { ...headers, "Content-Type": "application/pdf" } });
  return new Response(body, {
    status: 200,
    headers: {
      ...headers,
      "Content-Type": "text/html; charset=utf-8",
      // A report page is inert: its own style, nothing else may load or run.
      "Content-Security-Policy":
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    },
  });
}
