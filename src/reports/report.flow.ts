/**
 * Reports: the answer of a diagnose, treatment, case analysis or note as a printable HTML page or
 * a PDF, chosen by the Accept header. Built from the submitted content (nothing is fetched or
 * stored), as the caller's role may see it. The route's `licensed` guard has checked the account.
 */
import { audit } from "../audit/audit";
import type { SignedInContext } from "../auth/guard";
import { ProblemError } from "../lib/problem";
import type { ReportInput } from "./report.schemas";
import { buildReport } from "./report-document";
import { loadReportFont } from "./report-font";
import { renderReportHtml } from "./report-html";
import { renderReportPdf } from "./report-pdf";

export const REPORT_MEDIA_TYPES = ["application/pdf", "text/html"] as const;
type ReportMediaType = (typeof REPORT_MEDIA_TYPES)[number];

/** The media type the client asked for, by quality, among the two a report comes in; null for neither. */
export function negotiateReportType(accept: string | undefined): ReportMediaType | null {
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

export async function createReport(c: SignedInContext, input: ReportInput): Promise<Response> {
  const { account } = c.var;
  const type = requireReportType(c.req.header("Accept"));
  const now = new Date();
  const report = buildReport(input, account, now);
  let body: Uint8Array | string;
  if (type === "application/pdf") body = await renderReportPdf(report, await loadReportFont(c.var.storage));
  else body = await renderReportHtml(report);
  const bytes = typeof body === "string" ? new TextEncoder().encode(body).length : body.length;
  audit(c, {
    userId: account.id,
    action: "report.create",
    outcome: "success",
    detail: { kind: input.kind, format: type === "application/pdf" ? "pdf" : "html", bytes },
  });
  const headers: Record<string, string> = {
    "Content-Disposition": `${type === "application/pdf" ? "attachment" : "inline"}; filename="${filename(input.kind, now, type === "application/pdf" ? "pdf" : "html")}"`,
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
