/**
 * Splits a markdown document into retrievable chunks along its headings and paragraphs, with a
 * paragraph of overlap between neighbouring chunks of one section so no criterion loses its
 * context at a boundary.
 */
export interface Chunk {
  ordinal: number;
  heading: string | null;
  content: string;
}

/**
 * The heading (after the document's title) of the chunk that holds a document's synonyms
 * (ingest.ts). Migration 0006's posting triggers recognise that chunk by it: change both together.
 */
export const SYNONYMS_HEADING = "Also described as";

const TARGET_CHARS = 1_200;
const MAX_CHARS = 2_000;

interface Section {
  heading: string | null;
  paragraphs: string[];
}

function sections(markdown: string): Section[] {
  const result: Section[] = [{ heading: null, paragraphs: [] }];
  for (const block of markdown.replace(/\r\n/g, "\n").split(/\n\s*\n/)) {
    const text = block.trim();
    if (!text) continue;
    const heading = /^(#{1,6})\s+(.+)$/m.exec(text.split("\n")[0]);
    if (heading) {
      const rest = text.split("\n").slice(1).join("\n").trim();
      result.push({ heading: heading[2].trim(), paragraphs: rest ? [rest] : [] });
    } else {
      result[result.length - 1].paragraphs.push(text);
    }
  }
  return result.filter((section) => section.paragraphs.length > 0);
}

/** Cuts an overlong paragraph at sentence (or, failing that, word) boundaries. */
function pieces(paragraph: string): string[] {
  if (paragraph.length <= MAX_CHARS) return [paragraph];
  const out: string[] = [];
  let current = "";
  for (const sentence of paragraph.match(/[^.!?\n]+[.!?]*\s*/g) ?? [paragraph]) {
    if (current && current.length + sentence.length > TARGET_CHARS) {
      out.push(current.trim());
      current = "";
    }
    current += sentence.length > MAX_CHARS ? sentence.slice(0, MAX_CHARS) : sentence;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

export function chunkMarkdown(markdown: string): Chunk[] {
  const chunks: Chunk[] = [];
  for (const section of sections(markdown)) {
    const paragraphs = section.paragraphs.flatMap(pieces);
    let current: string[] = [];
    // Kept as paragraphs are added: summing them per paragraph costs the square of a section of one-word paragraphs.
    let size = 0;
    const flush = () => {
      if (current.length) chunks.push({ ordinal: chunks.length, heading: section.heading, content: current.join("\n\n") });
    };
    for (const paragraph of paragraphs) {
      if (current.length && size + paragraph.length > TARGET_CHARS) {
        flush();
        // Overlap: the next chunk starts with the last paragraph of this one.
        const last = current[current.length - 1];
        current = last.length + paragraph.length <= MAX_CHARS ? [last] : [];
        size = current.length ? last.length + 2 : 0;
      }
      current.push(paragraph);
      size += paragraph.length + 2;
    }
    flush();
  }
  return chunks;
}
