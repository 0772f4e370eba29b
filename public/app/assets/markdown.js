// @ts-check
/**
 * Model text as the page shows it: the markdown subset markdown-blocks.js reads, built into DOM
 * nodes with createElement and text nodes. Nothing in the text is ever parsed as HTML.
 */
import { markdownBlocks } from "./markdown-blocks.js";

/** @typedef {import("./markdown-blocks.js").Block} Block */
/** @typedef {import("./markdown-blocks.js").Inline} Inline */

/**
 * @param {string} markdown
 * @param {number} [topLevel] the level of the text's top headings: one below the heading it sits under
 * @returns {DocumentFragment}
 */
export function renderMarkdown(markdown, topLevel = 3) {
  const fragment = document.createDocumentFragment();
  fragment.append(...markdownBlocks(markdown, topLevel).map(blockNode));
  return fragment;
}

/** @param {string} tag @param {Inline[]} children */
function element(tag, children) {
  const node = document.createElement(tag);
  node.append(...children.map(inlineNode));
  return node;
}

/** @param {Block} block @returns {HTMLElement} */
function blockNode(block) {
  if (block.type === "heading") return element(`h${block.level}`, block.children);
  if (block.type === "paragraph") return element("p", block.children);
  const list = document.createElement(block.ordered ? "ol" : "ul");
  if (block.ordered && block.start !== 1) list.setAttribute("start", String(block.start));
  for (const item of block.items) {
    const entry = element("li", item.children);
    entry.append(...item.lists.map(blockNode));
    list.append(entry);
  }
  return list;
}

/** @param {Inline} inline @returns {Node} */
function inlineNode(inline) {
  if (inline.type === "text") return document.createTextNode(inline.text);
  if (inline.type === "code") {
    const code = document.createElement("code");
    code.textContent = inline.text;
    return code;
  }
  const node = element(inline.type === "link" ? "a" : inline.type, inline.children);
  // Only a path on our own origin reaches here (markdown-blocks.js, ownPageHref).
  if (inline.type === "link") node.setAttribute("href", inline.href);
  return node;
}
