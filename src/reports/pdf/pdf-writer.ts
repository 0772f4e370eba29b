/**
 * A minimal PDF 1.7 writer for text documents: pages of positioned text in one embedded TrueType
 * font (a Type 0 font with Identity-H encoding, the font file subset to the glyphs used, and a
 * ToUnicode map so the text can be selected, searched and extracted), rules, and document info.
 * Streams are Flate-compressed with the runtime's CompressionStream.
 */
import { concat, type TrueTypeFont } from "./truetype";

export interface TextRun {
  x: number;
  y: number;
  size: number;
  text: string;
  /** Grey level, 0 (black) to 1 (white). */
  grey?: number;
}

export interface Rule {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface PdfPage {
  width: number;
  height: number;
  runs: TextRun[];
  rules: Rule[];
}

export interface PdfInfo {
  title: string;
  author: string;
  created: Date;
}

const encoder = new TextEncoder();

async function deflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data]).stream().pipeThrough(new CompressionStream("deflate"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A PDF text string as UTF-16BE hex with a byte-order mark (any Unicode, no escaping pitfalls). */
function textString(text: string): string {
  let hex = "FEFF";
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, "0");
  return `<${hex}>`;
}

const number = (value: number) => (Math.round(value * 100) / 100).toString();

function pdfDate(date: Date): string {
  const iso = date.toISOString();
  return `(D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z)`;
}

/** Characters a page shows, as glyph ids; control characters are dropped. */
function glyphsOf(font: TrueTypeFont, text: string, used: Map<number, number>): number[] {
  const glyphs: number[] = [];
  for (const char of text) {
    const codePoint = char.codePointAt(0) as number;
    if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) continue;
    const glyph = font.glyphFor(codePoint);
    if (!used.has(glyph)) used.set(glyph, codePoint);
    glyphs.push(glyph);
  }
  return glyphs;
}

/** Width of `text` in points at `size`. */
export function textWidth(font: TrueTypeFont, text: string, size: number): number {
  let units = 0;
  for (const char of text) units += font.advance(font.glyphFor(char.codePointAt(0) as number));
  return (units * size) / font.unitsPerEm;
}

function toUnicodeCMap(used: Map<number, number>): string {
  const hex4 = (value: number) => value.toString(16).padStart(4, "0");
  const utf16 = (codePoint: number) =>
    codePoint > 0xffff ? hex4(0xd800 + ((codePoint - 0x10000) >> 10)) + hex4(0xdc00 + ((codePoint - 0x10000) & 0x3ff)) : hex4(codePoint);
  const entries = [...used].filter(([glyph]) => glyph !== 0).sort(([a], [b]) => a - b);
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    blocks.push(`${chunk.length} beginbfchar\n${chunk.map(([glyph, code]) => `<${hex4(glyph)}> <${utf16(code)}>`).join("\n")}\nendbfchar`);
  }
  return [
    "/CIDInit /ProcSet findresource begin",
    "12 dict begin",
    "begincmap",
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
    "/CMapName /Adobe-Identity-UCS def",
    "/CMapType 2 def",
    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange",
    ...blocks,
    "endcmap",
    "CMapName currentdict /CMap defineresource pop",
    "end",
    "end",
  ].join("\n");
}

/** A subset tag (six capital letters) derived from the glyphs used, as PDF 32000-1, 9.6.4 asks. */
function subsetTag(glyphs: number[]): string {
  let hash = 2166136261;
  for (const glyph of glyphs) hash = Math.imul(hash ^ glyph, 16777619) >>> 0;
  let tag = "";
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (hash % 26));
    hash = Math.floor(hash / 26);
  }
  return tag;
}

export async function writePdf(pages: PdfPage[], font: TrueTypeFont, info: PdfInfo): Promise<Uint8Array> {
  const used = new Map<number, number>([[0, 0]]);
  const contents = pages.map((page) => {
    const ops: string[] = ["0.5 w 0.6 G"];
    for (const rule of page.rules) ops.push(`${number(rule.x1)} ${number(rule.y1)} m ${number(rule.x2)} ${number(rule.y2)} l S`);
    for (const run of page.runs) {
      const hex = glyphsOf(font, run.text, used)
        .map((glyph) => glyph.toString(16).padStart(4, "0"))
        .join("");
      ops.push(`BT ${number(run.grey ?? 0)} g /F1 ${number(run.size)} Tf ${number(run.x)} ${number(run.y)} Td <${hex}> Tj ET`);
    }
    return ops.join("\n");
  });

  const objects: Array<Uint8Array> = [];
  /** Reserves an object number; its body is set later. */
  const reserve = () => {
    objects.push(new Uint8Array());
    return objects.length;
  };
  const set = (id: number, body: string | Uint8Array) => {
    objects[id - 1] = typeof body === "string" ? encoder.encode(body) : body;
  };
  const stream = async (id: number, data: Uint8Array, extra = "") => {
    const packed = await deflate(data);
    set(
      id,
      concat([
        encoder.encode(`<< /Length ${packed.length} /Filter /FlateDecode${extra} >>\nstream\n`),
        packed,
        encoder.encode("\nendstream"),
      ]),
    );
  };

  const catalog = reserve();
  const pagesId = reserve();
  const fontId = reserve();
  const cidFont = reserve();
  const descriptor = reserve();
  const fontFile = reserve();
  const toUnicode = reserve();
  const infoId = reserve();
  const pageIds = pages.map(() => [reserve(), reserve()] as const);

  const glyphs = [...used.keys()].sort((a, b) => a - b);
  const name = `${subsetTag(glyphs)}+${font.postScriptName}`;
  const scale = (units: number) => Math.round((units * 1000) / font.unitsPerEm);
  set(catalog, `<< /Type /Catalog /Pages ${pagesId} 0 R /Lang (en) >>`);
  set(pagesId, `<< /Type /Pages /Kids [${pageIds.map(([page]) => `${page} 0 R`).join(" ")}] /Count ${pages.length} >>`);
  set(
    fontId,
    `<< /Type /Font /Subtype /Type0 /BaseFont /${name} /Encoding /Identity-H /DescendantFonts [${cidFont} 0 R] /ToUnicode ${toUnicode} 0 R >>`,
  );
  set(
    cidFont,
    `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /${name} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> ` +
      `/FontDescriptor ${descriptor} 0 R /CIDToGIDMap /Identity /DW 1000 /W [${glyphs.map((glyph) => `${glyph} [${scale(font.advance(glyph))}]`).join(" ")}] >>`,
  );
  set(
    descriptor,
    `<< /Type /FontDescriptor /FontName /${name} /Flags 32 /FontBBox [${font.bbox.map(scale).join(" ")}] /ItalicAngle 0 ` +
      `/Ascent ${scale(font.ascent)} /Descent ${scale(font.descent)} /CapHeight ${scale(font.capHeight)} /StemV 80 /FontFile2 ${fontFile} 0 R >>`,
  );
  const fontBytes = font.subset(glyphs);
  await stream(fontFile, fontBytes, ` /Length1 ${fontBytes.length}`);
  await stream(toUnicode, encoder.encode(toUnicodeCMap(used)));
  set(
    infoId,
    `<< /Title ${textString(info.title)} /Author ${textString(info.author)} /Creator ${textString("Therapy Assistant API")} /CreationDate ${pdfDate(info.created)} >>`,
  );
  for (const [index, [pageId, contentId]] of pageIds.entries()) {
    const page = pages[index];
    set(
      pageId,
      `<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 ${number(page.width)} ${number(page.height)}] ` +
        `/Resources << /Font << /F1 ${fontId} 0 R >> >> /Contents ${contentId} 0 R >>`,
    );
    await stream(contentId, encoder.encode(contents[index]));
  }

  // The comment of four high bytes marks the file as binary for transfer tools.
  const parts: Uint8Array[] = [concat([encoder.encode("%PDF-1.7\n%"), new Uint8Array([0xe2, 0xe3, 0xcf, 0xd3, 0x0a])])];
  let offset = parts[0].length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const object = concat([encoder.encode(`${i + 1} 0 obj\n`), body, encoder.encode("\nendobj\n")]);
    parts.push(object);
    offset += object.length;
  });
  const xref = [
    "xref",
    `0 ${objects.length + 1}`,
    "0000000000 65535 f ",
    ...offsets.map((at) => `${at.toString().padStart(10, "0")} 00000 n `),
    "trailer",
    `<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${infoId} 0 R >>`,
    "startxref",
    String(offset),
    "%%EOF\n",
  ].join("\n");
  parts.push(encoder.encode(xref));
  return concat(parts);
}
