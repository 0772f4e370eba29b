/**
 * A report as a PDF: A4 pages laid out from the same document the HTML page shows, set in the
 * embedded font (text selectable and extractable), with a running footer and page numbers.
 * Console pages can call it with a report built by `buildReport` and the font from `loadReportFont`.
 */
import { type PdfPage, type TextRun, textWidth, writePdf } from "./pdf/pdf-writer";
import type { TrueTypeFont } from "./pdf/truetype";
import type { Block, ReportDocument } from "./report-document";
import { MAX_REPORT_PAGES, tooManyPages } from "./report-limits";

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { left: 56, right: 56, top: 64, bottom: 64 };
const WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const SIZE = { title: 17, meta: 9.5, heading: 12.5, subheading: 10.5, body: 10, footer: 8 };
const LEADING = 1.4;
const BULLET_INDENT = 12;
/** A heading never ends a page: it needs room for itself and this many lines after it. */
const KEEP_WITH_NEXT_LINES = 3;
const FOOTER_NOTE = " · decision support only";
/** Between the footer's title and its page number. */
const FOOTER_GAP = 12;

/**
 * Breaks text into lines no wider than `width`; a word longer than a line is broken between
 * characters. One pass over the text: each character is measured once.
 */
function wrap(font: TrueTypeFont, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  const spaceWidth = textWidth(font, " ", size);
  let line = "";
  let lineWidth = 0;
  const flush = () => {
    if (line) lines.push(line);
    line = "";
    lineWidth = 0;
  };
  for (const word of text.split(/\s+/)) {
    if (!word) continue;
    const wordWidth = textWidth(font, word, size);
    if (wordWidth <= width) {
      if (line && lineWidth + spaceWidth + wordWidth > width) flush();
      lineWidth += (line ? spaceWidth : 0) + wordWidth;
      line = line ? `${line} ${word}` : word;
      continue;
    }
    flush();
    for (const char of word) {
      const charWidth = textWidth(font, char, size);
      if (line && lineWidth + charWidth > width) flush();
      line += char;
      lineWidth += charWidth;
    }
  }
  flush();
  return lines;
}

/** `text` as it fits in `width`: whole, or cut between characters and ended with "…". */
function clipToWidth(font: TrueTypeFont, text: string, size: number, width: number): string {
  if (textWidth(font, text, size) <= width) return text;
  const room = width - textWidth(font, "…", size);
  let clipped = "";
  let used = 0;
  for (const char of text) {
    used += textWidth(font, char, size);
    if (used > room) break;
    clipped += char;
  }
  return `${clipped.trimEnd()}…`;
}

class Layout {
  readonly pages: PdfPage[] = [];
  private page!: PdfPage;
  private y = 0;

  constructor(private readonly font: TrueTypeFont) {
    this.newPage();
  }

  private newPage() {
    // Stop at the first page over the cap rather than lay out hundreds and refuse them after.
    if (this.pages.length === MAX_REPORT_PAGES) throw tooManyPages();
    this.page = { ...PAGE, runs: [], rules: [] };
    this.pages.push(this.page);
    this.y = PAGE.height - MARGIN.top;
  }

  private room(height: number) {
    if (this.y - height < MARGIN.bottom) this.newPage();
  }

  space(points: number) {
    this.y -= points;
  }

  text(text: string, size: number, options: { indent?: number; grey?: number; keepLines?: number; bullet?: boolean } = {}) {
    const indent = options.indent ?? 0;
    const lineHeight = size * LEADING;
    const lines = wrap(this.font, text, size, WIDTH - indent);
    lines.forEach((line, i) => {
      this.room(lineHeight * (i === 0 ? (options.keepLines ?? 1) : 1));
      this.y -= lineHeight;
      const run: TextRun = { x: MARGIN.left + indent, y: this.y + (lineHeight - size) / 2, size, text: line, grey: options.grey };
      this.page.runs.push(run);
      if (options.bullet && i === 0) this.page.runs.push({ ...run, x: MARGIN.left + indent - BULLET_INDENT, text: "•" });
    });
  }

  rule() {
    this.space(4);
    this.page.rules.push({ x1: MARGIN.left, y1: this.y, x2: PAGE.width - MARGIN.right, y2: this.y });
    this.space(6);
  }

  heading(text: string, size: number) {
    this.space(size * 0.6);
    this.text(text, size, { keepLines: 1 + KEEP_WITH_NEXT_LINES * (SIZE.body / size) });
    this.space(2);
  }

  block(block: Block) {
    if (block.type === "subheading") this.heading(block.text, SIZE.subheading);
    else if (block.type === "paragraph") {
      this.text(block.text, SIZE.body);
      this.space(SIZE.body * 0.4);
    } else {
      for (const item of block.items) this.text(item, SIZE.body, { indent: BULLET_INDENT, bullet: true });
      this.space(SIZE.body * 0.4);
    }
  }

  /** Title and page number on one line of every page; a title too long for it is clipped, as it is printed whole on the first page. */
  footers(title: string) {
    const last = `Page ${this.pages.length} of ${this.pages.length}`;
    const titleRoom = WIDTH - textWidth(this.font, last, SIZE.footer) - FOOTER_GAP - textWidth(this.font, FOOTER_NOTE, SIZE.footer);
    const note = `${clipToWidth(this.font, title, SIZE.footer, titleRoom)}${FOOTER_NOTE}`;
    this.pages.forEach((page, i) => {
      const y = MARGIN.bottom / 2;
      page.runs.push({ x: MARGIN.left, y, size: SIZE.footer, text: note, grey: 0.35 });
      const number = `Page ${i + 1} of ${this.pages.length}`;
      page.runs.push({
        x: PAGE.width - MARGIN.right - textWidth(this.font, number, SIZE.footer),
        y,
        size: SIZE.footer,
        text: number,
        grey: 0.35,
      });
    });
  }
}

export async function renderReportPdf(report: ReportDocument, font: TrueTypeFont): Promise<Uint8Array> {
  const layout = new Layout(font);
  layout.text(report.title, SIZE.title);
  layout.space(4);
  layout.text(`Clinician: ${report.clinician}`, SIZE.meta, { grey: 0.25 });
  layout.text(`Generated: ${report.generatedAt}`, SIZE.meta, { grey: 0.25 });
  layout.rule();
  for (const section of report.sections) {
    layout.heading(section.heading, SIZE.heading);
    for (const block of section.blocks) layout.block(block);
  }
  layout.rule();
  layout.heading("Disclaimer", SIZE.heading);
  layout.text(report.disclaimer, SIZE.body);
  layout.footers(report.title);
  return writePdf(layout.pages, font, { title: report.title, author: report.clinician, created: new Date() });
}
