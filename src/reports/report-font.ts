/** The font PDF reports embed, read from R2 (see ./report-font-file.ts), parsed once per isolate and object version; missing or broken → 503. */
import { log } from "../lib/log";
import { ProblemError } from "../lib/problem";
import { FontError, parseTrueType, type TrueTypeFont } from "./pdf/truetype";
import { REPORT_FONT_KEY } from "./report-font-file";

let cached: { etag: string; font: TrueTypeFont } | null = null;

const unavailable = (detail: string) =>
  new ProblemError(503, { code: "report_font_unavailable", detail, headers: { "Retry-After": "3600" } });

export async function loadReportFont(storage: R2Bucket): Promise<TrueTypeFont> {
  const head = await storage.head(REPORT_FONT_KEY);
  if (!head)
    throw unavailable(
      `PDF reports need their font in storage at ${REPORT_FONT_KEY}; \`npm run dev\` seeds it. HTML reports work without it.`,
    );
  if (cached?.etag === head.etag) return cached.font;
  const object = await storage.get(REPORT_FONT_KEY);
  if (!object) throw unavailable("The report font disappeared from storage; try again.");
  try {
    const font = parseTrueType(new Uint8Array(await object.arrayBuffer()));
    cached = { etag: head.etag, font };
    return font;
  } catch (error) {
    if (!(error instanceof FontError || error instanceof RangeError)) throw error;
    log("error", "report font unreadable", { object_key: REPORT_FONT_KEY, reason: error.message });
    throw unavailable("The report font in storage is not a usable TrueType font.");
  }
}
