/**
 * The parts of a TrueType font a PDF needs: metrics, character-to-glyph lookup (cmap formats 4
 * and 12), the PostScript name, and a subset that keeps glyph ids but carries only the outlines a
 * document uses (composite glyphs with their components), so an embedded font costs kilobytes.
 */

export interface TrueTypeFont {
  postScriptName: string;
  unitsPerEm: number;
  ascent: number;
  descent: number;
  capHeight: number;
  bbox: [number, number, number, number];
  numGlyphs: number;
  /** Advance width of a glyph in font units. */
  advance(glyph: number): number;
  /** The glyph for a code point; 0 (.notdef) when the font has none. */
  glyphFor(codePoint: number): number;
  /** A font file with every glyph id kept but only these glyphs' outlines. */
  subset(glyphs: Iterable<number>): Uint8Array;
}

export class FontError extends Error {}

interface Table {
  offset: number;
  length: number;
}

/** Tables a PDF viewer needs from an embedded TrueType font (PDF 32000-1, 9.9). */
const EMBEDDED_TABLES = ["cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep"];

export function parseTrueType(bytes: Uint8Array): TrueTypeFont {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at);
  const i16 = (at: number) => view.getInt16(at);
  const u32 = (at: number) => view.getUint32(at);
  if (bytes.length < 12 || (u32(0) !== 0x00010000 && u32(0) !== 0x74727565)) throw new FontError("not a TrueType font");

  const tables = new Map<string, Table>();
  const numTables = u16(4);
  for (let i = 0; i < numTables; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]);
    const table = { offset: u32(at + 8), length: u32(at + 12) };
    if (table.offset + table.length > bytes.length) throw new FontError(`table ${tag} lies outside the file`);
    tables.set(tag, table);
  }
  const need = (tag: string) => {
    const table = tables.get(tag);
    if (!table) throw new FontError(`no ${tag} table`);
    return table;
  };
  const head = need("head");
  const hhea = need("hhea");
  const maxp = need("maxp");
  const hmtx = need("hmtx");
  const loca = need("loca");
  const glyf = need("glyf");
  const cmap = need("cmap");

  const unitsPerEm = u16(head.offset + 18);
  const bbox: [number, number, number, number] = [
    i16(head.offset + 36),
    i16(head.offset + 38),
    i16(head.offset + 40),
    i16(head.offset + 42),
  ];
  const longLoca = i16(head.offset + 50) === 1;
  const ascent = i16(hhea.offset + 4);
  const descent = i16(hhea.offset + 6);
  const metrics = u16(hhea.offset + 34);
  const numGlyphs = u16(maxp.offset + 4);
  const os2 = tables.get("OS/2");
  const capHeight = os2 && u16(os2.offset) >= 2 && os2.length >= 90 ? i16(os2.offset + 88) : ascent;

  const advance = (glyph: number) => u16(hmtx.offset + 4 * Math.min(glyph, metrics - 1));
  const glyphRange = (glyph: number): [number, number] =>
    longLoca
      ? [u32(loca.offset + glyph * 4), u32(loca.offset + glyph * 4 + 4)]
      : [u16(loca.offset + glyph * 2) * 2, u16(loca.offset + glyph * 2 + 2) * 2];

  const lookup = characterMap(view, cmap);
  const cache = new Map<number, number>();
  const glyphFor = (codePoint: number) => {
    let glyph = cache.get(codePoint);
    if (glyph === undefined) {
      glyph = lookup(codePoint);
      if (glyph >= numGlyphs) glyph = 0;
      cache.set(codePoint, glyph);
    }
    return glyph;
  };

  /** A composite glyph's components (flags per the 'glyf' specification). */
  const components = (glyph: number): number[] => {
    const [start, end] = glyphRange(glyph);
    if (end - start < 10 || i16(glyf.offset + start) >= 0) return [];
    const found: number[] = [];
    let at = glyf.offset + start + 10;
    for (;;) {
      const flags = u16(at);
      found.push(u16(at + 2));
      at += 4 + (flags & 0x0001 ? 4 : 2) + (flags & 0x0008 ? 2 : flags & 0x0040 ? 4 : flags & 0x0080 ? 8 : 0);
      if (!(flags & 0x0020)) return found;
    }
  };

  function subset(glyphs: Iterable<number>): Uint8Array {
    const keep = new Set<number>([0]);
    const pending = [...glyphs];
    while (pending.length) {
      const glyph = pending.pop() as number;
      if (glyph >= numGlyphs || keep.has(glyph)) continue;
      keep.add(glyph);
      pending.push(...components(glyph));
    }
    keep.add(0);
    const outlines: Uint8Array[] = [];
    const offsets = new Uint32Array(numGlyphs + 1);
    let size = 0;
    for (let glyph = 0; glyph < numGlyphs; glyph++) {
      offsets[glyph] = size;
      if (!keep.has(glyph)) continue;
      const [start, end] = glyphRange(glyph);
      const padded = (end - start + 3) & ~3;
      const outline = new Uint8Array(padded);
      outline.set(bytes.subarray(glyf.offset + start, glyf.offset + end));
      outlines.push(outline);
      size += padded;
    }
    offsets[numGlyphs] = size;
    const newGlyf = concat(outlines);
    const newLoca = new Uint8Array((numGlyphs + 1) * 4);
    const locaView = new DataView(newLoca.buffer);
    offsets.forEach((offset, i) => {
      locaView.setUint32(i * 4, offset);
    });
    const newHead = bytes.slice(head.offset, head.offset + head.length);
    const headView = new DataView(newHead.buffer);
    headView.setUint32(8, 0); // checkSumAdjustment: not used by PDF viewers
    headView.setInt16(50, 1); // long loca offsets
    const out = new Map<string, Uint8Array>();
    for (const tag of EMBEDDED_TABLES) {
      if (tag === "glyf") out.set(tag, newGlyf);
      else if (tag === "loca") out.set(tag, newLoca);
      else if (tag === "head") out.set(tag, newHead);
      else {
        const table = tables.get(tag);
        if (table) out.set(tag, bytes.subarray(table.offset, table.offset + table.length));
      }
    }
    return writeFontFile(out);
  }

  return {
    postScriptName: postScriptName(view, tables.get("name")) ?? "EmbeddedFont",
    unitsPerEm,
    ascent,
    descent,
    capHeight,
    bbox,
    numGlyphs,
    advance,
    glyphFor,
    subset,
  };
}

/** The best Unicode subtable: format 12 (full Unicode) over format 4 (the Basic Multilingual Plane). */
function characterMap(view: DataView, cmap: Table): (codePoint: number) => number {
  const count = view.getUint16(cmap.offset + 2);
  let format4: number | undefined;
  let format12: number | undefined;
  for (let i = 0; i < count; i++) {
    const at = cmap.offset + 4 + i * 8;
    const platform = view.getUint16(at);
    const encoding = view.getUint16(at + 2);
    const offset = cmap.offset + view.getUint32(at + 4);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    const format = view.getUint16(offset);
    if (format === 12) format12 ??= offset;
    if (format === 4) format4 ??= offset;
  }
  if (format12 !== undefined) {
    const at = format12;
    const groups = view.getUint32(at + 12);
    return (codePoint) => {
      let low = 0;
      let high = groups - 1;
      while (low <= high) {
        const mid = (low + high) >> 1;
        const group = at + 16 + mid * 12;
        if (codePoint < view.getUint32(group)) high = mid - 1;
        else if (codePoint > view.getUint32(group + 4)) low = mid + 1;
        else return view.getUint32(group + 8) + (codePoint - view.getUint32(group));
      }
      return 0;
    };
  }
  if (format4 === undefined) throw new FontError("no Unicode character map");
  const at = format4;
  const segments = view.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  return (codePoint) => {
    if (codePoint > 0xffff) return 0;
    let low = 0;
    let high = segments - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (view.getUint16(ends + mid * 2) < codePoint) low = mid + 1;
      else high = mid;
    }
    const start = view.getUint16(starts + low * 2);
    if (codePoint < start || codePoint > view.getUint16(ends + low * 2)) return 0;
    const delta = view.getUint16(deltas + low * 2);
    const rangeAt = rangeOffsets + low * 2;
    const rangeOffset = view.getUint16(rangeAt);
    if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
    const glyph = view.getUint16(rangeAt + rangeOffset + (codePoint - start) * 2);
    return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
  };
}

/** nameID 6, from the Windows (UTF-16BE) or Macintosh (ASCII) record; only characters a PDF name allows. */
function postScriptName(view: DataView, name: Table | undefined): string | null {
  if (!name) return null;
  const count = view.getUint16(name.offset + 2);
  const strings = name.offset + view.getUint16(name.offset + 4);
  for (let i = 0; i < count; i++) {
    const at = name.offset + 6 + i * 12;
    if (view.getUint16(at + 6) !== 6) continue;
    const platform = view.getUint16(at);
    const length = view.getUint16(at + 8);
    const start = strings + view.getUint16(at + 10);
    let text = "";
    if (platform === 3 || platform === 0) for (let j = 0; j + 1 < length; j += 2) text += String.fromCharCode(view.getUint16(start + j));
    else for (let j = 0; j < length; j++) text += String.fromCharCode(view.getUint8(start + j));
    const clean = text.replace(/[^A-Za-z0-9_-]/g, "");
    if (clean) return clean;
  }
  return null;
}

function checksum(data: Uint8Array): number {
  const padded = new Uint8Array((data.length + 3) & ~3);
  padded.set(data);
  const view = new DataView(padded.buffer);
  let sum = 0;
  for (let at = 0; at < padded.length; at += 4) sum = (sum + view.getUint32(at)) >>> 0;
  return sum;
}

function writeFontFile(tables: Map<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort();
  const headerSize = 12 + tags.length * 16;
  let size = headerSize;
  for (const tag of tags) size += ((tables.get(tag) as Uint8Array).length + 3) & ~3;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  const power = 2 ** Math.floor(Math.log2(tags.length));
  view.setUint32(0, 0x00010000);
  view.setUint16(4, tags.length);
  view.setUint16(6, power * 16);
  view.setUint16(8, Math.log2(power));
  view.setUint16(10, tags.length * 16 - power * 16);
  let offset = headerSize;
  tags.forEach((tag, i) => {
    const data = tables.get(tag) as Uint8Array;
    const at = 12 + i * 16;
    for (let j = 0; j < 4; j++) out[at + j] = tag.charCodeAt(j);
    view.setUint32(at + 4, checksum(data));
    view.setUint32(at + 8, offset);
    view.setUint32(at + 12, data.length);
    out.set(data, offset);
    offset += (data.length + 3) & ~3;
  });
  return out;
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
