/**
 * Visible text of an HTML page for `POST /knowledge/import`: scripts, styles, comments and tags
 * removed, entities decoded, blocks as paragraphs, headings as markdown headings.
 *
 * Patterns such as `<[^>]+>` or `<!--[\s\S]*?-->` cost a regex engine a scan to the end of the
 * page for every opener that is never closed: 2 MiB of "<" or "<!--" was hours of work. Here no
 * scan can run past the last closer, and a closer is searched only from positions that move
 * forward, so every character is read a bounded number of times whatever the page.
 */

/** The first `closer` (case-insensitive) at or after a position; positions asked must not go backwards. */
function forwardFinder(text: string, closer: string): (from: number) => number {
  const re = new RegExp(closer, "gi");
  let searchedFrom = Number.POSITIVE_INFINITY;
  let found = -1;
  return (from) => {
    // Nothing lies between the last search's start and its hit (or after it, when there was none).
    if (from >= searchedFrom && (found < 0 || found >= from)) return found;
    re.lastIndex = from;
    found = re.exec(text)?.index ?? -1;
    searchedFrom = from;
    return found;
  };
}

/**
 * `text.replace(re, replacement)` for a pattern whose match ends at the first `closer` after its
 * opener. Past the last closer nothing can match, so the regex runs on the text up to it, where
 * every opener finds a closer before the text ends and no attempt rescans the rest of the page.
 */
function replaceUpToLastCloser(
  text: string,
  re: RegExp,
  closer: string,
  replacement: string | ((match: string, captured: string) => string),
): string {
  const last = text.lastIndexOf(closer);
  if (last < 0) return text;
  const end = last + closer.length;
  return text.slice(0, end).replace(re, replacement as (match: string, captured: string) => string) + text.slice(end);
}

const RAW_TEXT_ELEMENT = /<(script|style|noscript|template)/gi;

/**
 * Elements whose content is not text, up to their own end tag (`<script …>…</script>`), leftmost
 * first as `/<(script|style|noscript|template)[\s\S]*?<\/\1>/gi` would remove them.
 */
function removeRawText(html: string): string {
  const closers = new Map<string, (from: number) => number>();
  const out: string[] = [];
  let copied = 0;
  RAW_TEXT_ELEMENT.lastIndex = 0;
  for (let open = RAW_TEXT_ELEMENT.exec(html); open !== null; open = RAW_TEXT_ELEMENT.exec(html)) {
    const name = open[1].toLowerCase();
    let find = closers.get(name);
    if (!find) {
      find = forwardFinder(html, `</${name}>`);
      closers.set(name, find);
    }
    const at = find(open.index + open[0].length);
    if (at < 0) {
      RAW_TEXT_ELEMENT.lastIndex = open.index + 1;
      continue;
    }
    out.push(html.slice(copied, open.index), " ");
    copied = RAW_TEXT_ELEMENT.lastIndex = at + name.length + 3;
  }
  out.push(html.slice(copied));
  return out.join("");
}

/** The page's first `<title …>…</title>`: a later one could only close where this one does not. */
function titleOf(html: string): string | null {
  const open = /<title/i.exec(html);
  if (!open) return null;
  const gt = html.indexOf(">", open.index + open[0].length);
  if (gt < 0) return null;
  const close = forwardFinder(html, "</title>")(gt + 1);
  return close < 0 ? null : html.slice(gt + 1, close);
}

/** Runs of spaces and tabs become one space; a lone space already is one, so it is left alone (a page has one per word). */
const SPACE_RUN = / [ \t]+|\t[ \t]*/g;

export function htmlToText(html: string): { title: string | null; text: string } {
  const title = titleOf(html);
  let text = replaceUpToLastCloser(removeRawText(html), /<!--[\s\S]*?-->/g, "-->", " ");
  text = replaceUpToLastCloser(text, /<\/?(p|div|section|article|li|ul|ol|br|tr|table|blockquote|pre)[^>]*>/gi, ">", "\n\n");
  text = replaceUpToLastCloser(text, /<h([1-6])[^>]*>/gi, ">", (_m, level) => `\n\n${"#".repeat(Number(level))} `);
  text = text.replace(/<\/h[1-6]>/gi, "\n\n");
  text = replaceUpToLastCloser(text, /<[^>]+>/g, ">", " ");
  return {
    title: title ? decodeEntities(title).trim() : null,
    text: decodeEntities(text)
      .replace(SPACE_RUN, " ")
      .replace(/\n\s*\n\s*/g, "\n\n")
      .trim(),
  };
}

function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, entity: string) => {
    if (entity[0] === "#") {
      const code = entity[1].toLowerCase() === "x" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : match;
    }
    return named[entity.toLowerCase()] ?? match;
  });
}
