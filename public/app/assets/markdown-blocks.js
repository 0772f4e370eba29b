// @ts-check
/**
 * The part of markdown the console shows model text (and knowledge documents) in, read into a
 * plain tree: ATX headings, bullet and numbered lists (nested by indentation), paragraphs that keep
 * their line breaks, **bold**, *italic*, `code`, and links to the console's own pages. Everything
 * else, HTML included, stays text. The browser builds DOM nodes from the tree (markdown.js, never
 * innerHTML) and the Worker builds JSX (src/console/components/markdown.tsx, which escapes every
 * string), so both sides follow the same rules. Types: markdown-blocks.d.ts.
 */

/** @typedef {import("./markdown-blocks.js").Block} Block */
/** @typedef {import("./markdown-blocks.js").Inline} Inline */
/** @typedef {import("./markdown-blocks.js").List} List */

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const LIST_ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])[ \t]+(.*)$/;
/** A line indented this much or more under a list item continues that item. */
const CONTINUATION_INDENT = 2;

/**
 * `code`, **bold**, *italic* (no asterisk inside, so "2 * 3 * 4" stays text), [text](target).
 * A link target may hold one level of parentheses, so a rejected one is dropped whole.
 */
const INLINE = /`([^`\n]+)`|\*\*(?=\S)([\s\S]*?\S)\*\*|\*([^\s*](?:[^*]*[^\s*])?)\*|\[([^\]\n]+)\]\(((?:[^()\s]|\([^()\s]*\))*)\)/g;

/** Where links may point: the console's pages and the knowledge documents, on our own origin. */
const OWN_PAGES = [/^\/app(?:\/|$)/, /^\/api\/v1\/knowledge\/documents\//];
const THIS_ORIGIN = "https://console.invalid";

/**
 * The target as a path on our own origin when it is one of our pages, else null. Resolving it
 * first defeats "//host", "/\host", "/app/../elsewhere" and their percent-encoded forms.
 * @param {string} target
 */
function ownPageHref(target) {
  if (!/^\/(?![/\\])/.test(target)) return null;
  let url;
  try {
    url = new URL(target, THIS_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== THIS_ORIGIN || !OWN_PAGES.some((page) => page.test(url.pathname))) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** @param {string} text @returns {Inline[]} */
function inlines(text) {
  /** @type {Inline[]} */
  const parts = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    const [whole, code, strong, em, linkText, target] = match;
    if (match.index > last) parts.push({ type: "text", text: text.slice(last, match.index) });
    last = match.index + whole.length;
    if (code !== undefined) parts.push({ type: "code", text: code });
    else if (strong !== undefined) parts.push({ type: "strong", children: inlines(strong) });
    else if (em !== undefined) parts.push({ type: "em", children: inlines(em) });
    else {
      const href = ownPageHref(target);
      // Any other target: the words of the link stay, the link does not.
      if (href) parts.push({ type: "link", href, children: inlines(linkText) });
      else parts.push(...inlines(linkText));
    }
  }
  if (last < text.length) parts.push({ type: "text", text: text.slice(last) });
  return parts;
}

/** @param {string} indent */
const width = (indent) => indent.replaceAll("\t", "    ").length;

/**
 * Reads markdown into blocks. Headings nest under the page's own: `#` and `##` become
 * `topLevel`, each further `#` one level deeper, h6 at most.
 * @param {string} markdown @param {number} [topLevel] the level of the page's headings the text sits under, plus one
 * @returns {Block[]}
 */
export function markdownBlocks(markdown, topLevel = 3) {
  /** @type {Array<{type: "heading", level: number, text: string} | {type: "paragraph", lines: string[]} | RawList>} */
  const raw = [];
  /** @type {string[] | null} */
  let paragraph = null;
  /** The lists open at the current line, outermost first. @type {RawList[]} */
  let open = [];

  for (const line of markdown.replaceAll("\r\n", "\n").split("\n")) {
    const heading = HEADING.exec(line);
    const item = heading ? null : LIST_ITEM.exec(line);
    if (!line.trim()) {
      paragraph = null;
    } else if (heading) {
      paragraph = null;
      open = [];
      const level = Math.min(6, topLevel + Math.max(0, heading[1].length - 2));
      if (heading[2]) raw.push({ type: "heading", level, text: heading[2] });
    } else if (item) {
      paragraph = null;
      open = addItem(raw, open, width(item[1]), item[2], item[3]);
    } else if (open.length && width(/^[ \t]*/.exec(line)?.[0] ?? "") >= CONTINUATION_INDENT) {
      const list = open[open.length - 1];
      list.items[list.items.length - 1].lines.push(line.trim());
    } else if (paragraph) {
      paragraph.push(line.trim());
    } else {
      // A line at the margin ends any list (as its writer meant, where CommonMark would continue the item).
      open = [];
      paragraph = [line.trim()];
      raw.push({ type: "paragraph", lines: paragraph });
    }
  }
  return raw.map((block) => {
    if (block.type === "heading") return { type: "heading", level: block.level, children: inlines(block.text) };
    if (block.type === "paragraph") return { type: "paragraph", children: inlines(block.lines.join("\n")) };
    return finishList(block);
  });
}

/**
 * @typedef {{type: "list", ordered: boolean, start: number, indent: number, items: RawItem[]}} RawList
 * @typedef {{lines: string[], lists: RawList[]}} RawItem
 */

/**
 * Adds an item to the list its indentation puts it in, and returns the lists now open.
 * @param {Array<unknown>} raw @param {RawList[]} open @param {number} indent @param {string} marker @param {string} text
 */
function addItem(raw, open, indent, marker, text) {
  const ordered = /\d/.test(marker);
  const stack = [...open];
  // Back out to the list this item's indentation belongs to.
  while (stack.length && indent < stack[stack.length - 1].indent) stack.pop();
  let list = stack[stack.length - 1];
  const nested = list && indent >= list.indent + CONTINUATION_INDENT;
  if (!list || nested || list.ordered !== ordered) {
    if (list && !nested) stack.pop();
    /** @type {RawList} */
    const created = { type: "list", ordered, start: ordered ? Number.parseInt(marker, 10) : 1, indent, items: [] };
    const parent = stack[stack.length - 1];
    if (parent) parent.items[parent.items.length - 1].lists.push(created);
    else raw.push(created);
    stack.push(created);
    list = created;
  }
  list.items.push({ lines: [text.trim()], lists: [] });
  return stack;
}

/** @param {RawList} list @returns {List} */
function finishList(list) {
  return {
    type: "list",
    ordered: list.ordered,
    start: list.start,
    items: list.items.map((item) => ({ children: inlines(item.lines.join("\n")), lists: item.lists.map(finishList) })),
  };
}
