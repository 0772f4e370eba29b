// @ts-check
/** /app/notes: sends the session text, shows the note's sections, risk, suggested codes and Export PDF. */
import { citations, crisisBanner, downloadFhir, el, exportPdf, NOTE_PREFILL_KEY, requireText } from "./answer.js";
import { postJson } from "./console.js";
import { renderMarkdown } from "./markdown.js";
import { msg } from "./messages.js";
import { saveToClient } from "./save-to-client.js";

const find = (/** @type {string} */ id) => /** @type {any} */ (document.getElementById(id));
const form = /** @type {HTMLFormElement} */ (find("note-form"));
const format = /** @type {HTMLSelectElement} */ (find("note-format"));
const text = /** @type {HTMLTextAreaElement} */ (find("note-text"));
const context = /** @type {HTMLTextAreaElement} */ (find("client-context"));
const submit = /** @type {HTMLButtonElement} */ (form.querySelector("button[type=submit]"));
const alerts = /** @type {HTMLElement} */ (find("note-alerts"));
const status = /** @type {HTMLElement} */ (find("note-status"));
const result = /** @type {HTMLElement} */ (find("note-result"));

const carried = sessionStorage.getItem(NOTE_PREFILL_KEY);
if (carried) {
  text.value = carried;
  sessionStorage.removeItem(NOTE_PREFILL_KEY);
}

/** A section's heading in the page's language; the capitalized name when the catalogue lacks it. */
const title = (/** @type {string} */ name) => {
  const id = `js.notes.section.${name}`;
  const label = msg(id);
  return label === id ? name.charAt(0).toUpperCase() + name.slice(1).replaceAll("_", " ") : label;
};

/** @typedef {{start: number, end: number}} Span @typedef {{text: string, spans: Span[]}} Statement */

/**
 * The source text with `spans` marked: plain text and <mark> pieces, built by slicing, never as
 * HTML, so the source cannot inject markup. Spans are sorted and clipped to the text.
 * @param {string} source @param {Span[]} spans
 */
function markedSource(source, spans) {
  /** @type {(string | HTMLElement)[]} */
  const pieces = [];
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const start = Math.max(at, Math.min(span.start, source.length));
    const end = Math.min(Math.max(span.end, start), source.length);
    if (start > at) pieces.push(source.slice(at, start));
    if (end > start) pieces.push(el("mark", {}, source.slice(start, end)));
    at = Math.max(at, end);
  }
  pieces.push(source.slice(at));
  return pieces;
}

/**
 * A section's statements, each focusable: hovering or focusing one marks its spans in the source
 * text shown below the note, and a screen reader hears the quoted words as its description
 * (aria-describedby, kept in a hidden block beside the list so they are not read twice).
 * @param {string} name @param {Statement[]} statements @param {string} source @param {HTMLElement} sourceView
 */
function statementList(name, statements, source, sourceView) {
  const quotes = el("div", { class: "visually-hidden" });
  const list = el(
    "ul",
    { class: "statements" },
    ...statements.map((statement, index) => {
      const quoteId = `note-quote-${name}-${index}`;
      const quote = statement.spans.map((span) => source.slice(span.start, span.end)).join(" … ");
      quotes.append(el("span", { id: quoteId }, msg("js.notes.statementSource", { quote })));
      const item = el("li", { tabindex: "0", "aria-describedby": quoteId }, statement.text);
      const mark = () => sourceView.replaceChildren(...markedSource(source, statement.spans));
      const unmark = () => sourceView.replaceChildren(source);
      item.addEventListener("mouseenter", mark);
      item.addEventListener("focus", mark);
      item.addEventListener("mouseleave", unmark);
      item.addEventListener("blur", unmark);
      return item;
    }),
  );
  return [list, quotes];
}

/** @param {any} note */
function show(note) {
  const banner = crisisBanner(note.safety, text.value);
  if (banner) alerts.append(banner);
  if (note.ai_response.mode === "offline") {
    result.append(el("p", { class: "notice offline" }, msg("js.notes.offline")));
  }
  const source = typeof note.source?.text === "string" ? note.source.text : "";
  const sourceView = el("blockquote", { id: "note-source", class: "answer-text" }, source);
  for (const [name, body] of Object.entries(note.sections)) {
    /** @type {Statement[]} */
    const statements = note.statements?.[name] ?? [];
    result.append(
      el("h3", {}, title(name)),
      ...(statements.length && source
        ? statementList(name, statements, source, sourceView)
        : [el("div", { class: "answer-text" }, renderMarkdown(String(body), 4))]),
    );
  }
  if (note.unsupported?.length) {
    result.append(
      el("h3", {}, msg("js.notes.unsupported")),
      el("p", { class: "notice" }, msg("js.notes.unsupportedNote")),
      el("ul", {}, ...note.unsupported.map((/** @type {string} */ statement) => el("li", {}, statement))),
    );
  }
  if (source) result.append(el("h3", {}, msg("js.notes.sourceText")), el("p", { class: "muted" }, msg("js.notes.sourceHint")), sourceView);
  result.append(el("h3", {}, msg("js.notes.risk")), el("p", {}, note.risk.summary));
  if (note.suggested_codes.length) {
    result.append(
      el("h3", {}, msg("js.notes.codes")),
      el(
        "ul",
        {},
        ...note.suggested_codes.map((/** @type {any} */ code) =>
          el("li", {}, `${code.system} ${code.code}`, citations(code.supporting_sources, note.retrieved_sources)),
        ),
      ),
    );
  }
  result.append(exportPdf("note", note), downloadFhir("note", note));
  const save = saveToClient("note", note);
  if (save) result.append(save);
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  if (!requireText(text, msg("js.notes.required"))) return;
  alerts.replaceChildren();
  result.replaceChildren();
  status.textContent = msg("js.notes.writing");
  submit.disabled = true;
  try {
    const body = { format: format.value, text: text.value, ...(context.value.trim() ? { client_context: context.value } : {}) };
    show(await postJson("/app/notes/generate", body));
    status.textContent = msg("js.notes.ready");
  } catch (error) {
    status.textContent = "";
    const message = error instanceof Error && !(error instanceof TypeError) ? error.message : msg("js.notes.connectionLost");
    alerts.append(el("div", { class: "error" }, el("p", {}, message)));
  } finally {
    submit.disabled = false;
  }
});
