// @ts-check
/** /app/notes: sends the session text, shows the note's sections, risk, suggested codes and Export PDF. */
import { citations, crisisBanner, el, exportPdf, NOTE_PREFILL_KEY, requireText } from "./answer.js";
import { postJson } from "./console.js";
import { renderMarkdown } from "./markdown.js";
import { msg } from "./messages.js";

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
  return label === id ? name.charAt(0).toUpperCase() + name.slice(1) : label;
};

/** @param {any} note */
function show(note) {
  const banner = crisisBanner(note.safety, text.value);
  if (banner) alerts.append(banner);
  if (note.ai_response.mode === "offline") {
    result.append(el("p", { class: "notice offline" }, msg("js.notes.offline")));
  }
  for (const [name, body] of Object.entries(note.sections))
    result.append(el("h3", {}, title(name)), el("div", { class: "answer-text" }, renderMarkdown(String(body), 4)));
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
  result.append(exportPdf("note", note));
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
