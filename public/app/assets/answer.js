// @ts-check
/**
 * Streams an AI answer into the page's answer panel (src/console/pages/answer-panel.tsx): the
 * crisis banner first when risk is found, then the sources, the text as the model writes it,
 * and the structured result the page renders. A failure or an interrupted stream always ends in
 * a message with a Retry button. Elements are built with textContent only, the answer's markdown by
 * markdown.js: nothing the model or the server sends is parsed as HTML.
 */
import { csrfToken } from "./console.js";
import { renderMarkdown } from "./markdown.js";
import { msg } from "./messages.js";
import { saveToClient } from "./save-to-client.js";

/** Where the voice page leaves a transcript for the diagnose page ("Use in diagnosis"): this tab only, never a URL. */
export const DIAGNOSE_PREFILL_KEY = "ta-diagnose-symptoms";
/** The same for the notes page ("Use in note"). */
export const NOTE_PREFILL_KEY = "ta-note-text";

/**
 * @param {string} tag
 * @param {Record<string, string | boolean | undefined>} [attributes]
 * @param {...(Node | string | number | null | undefined | false)} children
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== false) node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) node.append(typeof child === "object" ? child : String(child));
  }
  return node;
}

/** A link that opens a cited knowledge source. @param {{id: string, title: string}} source */
const sourceLink = (source) => el("a", { href: `/app/knowledge/${encodeURIComponent(source.id)}` }, source.title);

/**
 * The crisis banner: what was found, whom to call, and "Draft a safety plan" (which carries
 * `planText`, the text the risk was found in, to /app/safety-plan; see console.js). Null when no risk was found.
 * @param {{crisis_detected: boolean, indicators: Array<{category: string, field: string}>, resources: Array<{name: string, contact: string}>}} safety
 * @param {string} [planText]
 */
export function crisisBanner(safety, planText) {
  if (!safety?.crisis_detected) return null;
  const categories = [...new Set(safety.indicators.map((indicator) => indicator.category.replaceAll("_", " ")))];
  return el(
    "div",
    { class: "crisis", "data-crisis": true },
    el("h3", {}, msg("js.crisis.heading")),
    el("p", {}, msg("js.crisis.assess", { list: categories.join(", ") })),
    el("ul", {}, ...safety.resources.map((resource) => el("li", {}, el("strong", {}, resource.name), `: ${resource.contact}`))),
    el("p", {}, el("a", { href: "/app/safety-plan", "data-safety-plan-text": planText?.trim() || undefined }, msg("js.crisis.plan"))),
  );
}

/** The text fields of a request body, as one source text for a safety plan. @param {unknown} body */
const requestText = (body) =>
  Object.values(body && typeof body === "object" ? body : {})
    .filter((value) => typeof value === "string")
    .join("\n");

/** @param {ReadableStream<Uint8Array>} body @returns {AsyncGenerator<{event: string, data: any}>} */
async function* serverSentEvents(body) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replaceAll("\r\n", "\n");
    for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = "message";
      const data = [];
      for (const line of block.split("\n")) {
        if (line.startsWith("event:")) event = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
      }
      if (data.length) yield { event, data: JSON.parse(data.join("\n")) };
    }
  }
}

const ESCAPES = /** @type {Record<string, string>} */ ({ n: "\n", t: "\t", r: "", b: "", f: "" });

/**
 * The model writes a JSON object; a person should see only its `response` text as it grows. Reads
 * that string field out of the JSON written so far (complete or not). Offline answers are plain text.
 * @param {string} raw
 */
function responseSoFar(raw) {
  if (!raw.trimStart().startsWith("{")) return raw;
  const start = /"response"\s*:\s*"/.exec(raw);
  if (!start) return "";
  let text = "";
  for (let i = start.index + start[0].length; i < raw.length; i++) {
    const char = raw[i];
    if (char === '"') break;
    if (char !== "\\") {
      text += char;
      continue;
    }
    const escaped = raw[i + 1];
    if (escaped === undefined) break;
    if (escaped === "u") {
      const hex = raw.slice(i + 2, i + 6);
      if (hex.length < 4) break;
      text += String.fromCharCode(Number.parseInt(hex, 16));
      i += 5;
    } else {
      text += ESCAPES[escaped] ?? escaped;
      i += 1;
    }
  }
  return text;
}

class AnswerFailure extends Error {
  /** @param {string} message @param {number} [status] */
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

/** @param {unknown} error */
function failureMessage(error) {
  if (error instanceof AnswerFailure) return error.message;
  return msg("js.answer.connectionLost");
}

function panel() {
  const find = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
  return {
    alerts: find("answer-alerts"),
    status: find("answer-status"),
    sources: find("answer-sources"),
    text: find("answer-text"),
    result: find("answer-result"),
  };
}

/**
 * @typedef {{ai_response: {response: string, mode: "llm" | "offline"}, retrieved_sources: Array<{id: string, title: string, dsm5_code: string | null, icd11_code: string | null}>, safety: any}} Answer
 * @typedef {{kind: "diagnose" | "treatment", render: (answer: Answer) => Node, busy: HTMLButtonElement}} AnswerView
 */

/**
 * POSTs `body` (clinical text stays out of the URL) to a console stream endpoint and shows the answer as it arrives.
 * @param {string} url @param {unknown} body @param {AnswerView} view
 */
export async function streamAnswer(url, body, view) {
  const ui = panel();
  for (const part of [ui.alerts, ui.sources, ui.text, ui.result]) part.replaceChildren();
  ui.status.textContent = msg("js.answer.working");
  ui.text.setAttribute("aria-busy", "true");
  view.busy.disabled = true;
  let raw = "";
  let complete = false;
  /** @param {any} safety */
  const showSafety = (safety) => {
    const banner = crisisBanner(safety, requestText(body));
    ui.alerts.querySelector("[data-crisis]")?.remove();
    if (banner) ui.alerts.prepend(banner);
  };
  try {
    const res = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "text/event-stream", "X-CSRF-Token": csrfToken() },
      body: JSON.stringify(body),
    });
    if (!res.ok || !res.body) {
      const problem = await res.json().catch(() => null);
      throw new AnswerFailure(problem?.detail ?? `The request failed (${res.status}).`, res.status);
    }
    for await (const { event, data } of serverSentEvents(res.body)) {
      if (event === "safety") showSafety(data);
      else if (event === "sources") showSources(ui.sources, data.sources, data.coverage);
      else if (event === "delta") {
        raw += data.text;
        // The whole text so far, read again: a heading or list is whole only once its line is.
        ui.text.replaceChildren(renderMarkdown(responseSoFar(raw)));
      } else if (event === "error") throw new AnswerFailure(data.detail ?? msg("js.answer.failed"), data.status);
      else if (event === "done") {
        complete = true;
        showSafety(data.safety);
        ui.text.replaceChildren(renderMarkdown(data.ai_response.response));
        if (data.ai_response.mode === "offline") {
          ui.result.append(el("p", { class: "notice offline" }, msg("js.answer.offline")));
        }
        ui.result.append(view.render(data));
        ui.status.textContent = msg(data.ai_response.mode === "offline" ? "js.answer.completeOffline" : "js.answer.complete");
        ui.result.append(exportPdf(view.kind, data), downloadFhir(view.kind, data));
        const save = saveToClient(view.kind, data);
        if (save) ui.result.append(save);
      }
    }
    if (!complete) throw new AnswerFailure(msg("js.answer.interrupted"));
  } catch (error) {
    ui.status.textContent = "";
    const retry = el("button", { type: "button" }, msg("js.answer.retry"));
    retry.addEventListener("click", () => streamAnswer(url, body, view));
    const signIn =
      error instanceof AnswerFailure && error.status === 401 ? el("a", { href: "/app/login" }, msg("js.answer.signInAgain")) : null;
    ui.alerts.append(el("div", { class: "error" }, el("p", {}, failureMessage(error)), signIn, retry));
  } finally {
    ui.text.setAttribute("aria-busy", "false");
    view.busy.disabled = false;
  }
}

/** What the console says when the knowledge base does not cover a question well (docs/api.md §3, coverage). */
/** @type {Record<string, string>} */
const COVERAGE_NOTICES = { low: "js.answer.coverageLow", partial: "js.answer.coveragePartial" };

/**
 * The sources, led by the coverage notice when they do not fit (the stream's first event carries
 * the coverage, so the notice comes before any of the answer's text).
 * @param {HTMLElement} container @param {Answer["retrieved_sources"]} sources @param {string} coverage
 */
function showSources(container, sources, coverage) {
  const notice = COVERAGE_NOTICES[coverage];
  container.replaceChildren(
    ...(notice ? [el("p", { class: `notice coverage-${coverage}`, role: "note" }, msg(notice))] : []),
    el("h3", {}, msg(coverage === "low" ? "js.answer.nearest" : "js.answer.sources")),
    sources.length
      ? el(
          "ol",
          { class: "sources" },
          ...sources.map((source) => {
            const codes = [source.dsm5_code, source.icd11_code].filter(Boolean).join(" · ");
            return el("li", {}, sourceLink(source), codes && el("span", { class: "muted" }, ` (${codes})`));
          }),
        )
      : el("p", {}, msg("js.answer.noSource")),
  );
}

/**
 * Links to the cited sources, by the titles the answer lists them under.
 * @param {string[]} ids @param {Answer["retrieved_sources"]} sources
 */
export function citations(ids, sources) {
  const cited = ids.map((id) => sources.find((source) => source.id === id)).filter((source) => source !== undefined);
  if (!cited.length) return "—";
  const list = el("ul", { class: "citations" });
  for (const source of cited) list.append(el("li", {}, sourceLink(source)));
  return list;
}

/** Reads a required field; an empty one is marked invalid and described. @param {HTMLTextAreaElement} field @param {string} message */
export function requireText(field, message) {
  const errorId = `${field.id}-error`;
  document.getElementById(errorId)?.remove();
  if (field.value.trim()) {
    field.removeAttribute("aria-invalid");
    field.removeAttribute("aria-errormessage");
    return true;
  }
  field.setAttribute("aria-invalid", "true");
  field.setAttribute("aria-errormessage", errorId);
  field.after(el("p", { id: errorId, class: "error", role: "alert" }, message));
  field.focus();
  return false;
}

/**
 * "Export PDF": posts the answer as shown to the console's report endpoint (the API's renderer)
 * and downloads the PDF it returns.
 * @param {"diagnose" | "treatment" | "note" | "safety_plan"} kind @param {unknown} content @param {Record<string, unknown>} [extra] more fields of the report request (a safety plan's `language`)
 */
export function exportPdf(kind, content, extra = {}) {
  const button = el("button", { type: "button" }, msg("js.export.button"));
  const message = el("p", { role: "status", class: "muted" });
  button.addEventListener("click", async () => {
    button.disabled = true;
    message.textContent = msg("js.export.preparing");
    try {
      const res = await fetch("/app/reports", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", Accept: "application/pdf", "X-CSRF-Token": csrfToken() },
        body: JSON.stringify({ kind, content, ...extra }),
      });
      if (!res.ok) {
        const problem = await res.json().catch(() => null);
        message.textContent = problem?.detail ?? msg("js.export.failed", { status: res.status });
        return;
      }
      const name = await saveDownload(res, `${kind}-report.pdf`);
      message.textContent = msg("js.export.downloaded", { name });
    } catch {
      message.textContent = msg("js.export.connectionLost");
    } finally {
      button.disabled = false;
    }
  });
  return el("div", { class: "export" }, button, message);
}

/**
 * Saves a download answer as a file, under the name its Content-Disposition gives (else `fallback`).
 * @param {Response} res @param {string} fallback @returns {Promise<string>} the file's name
 */
async function saveDownload(res, fallback) {
  const name = /filename="([^"]+)"/.exec(res.headers.get("Content-Disposition") ?? "")?.[1] ?? fallback;
  const url = URL.createObjectURL(await res.blob());
  const link = el("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}

/**
 * "Download FHIR", beside "Export PDF": posts the answer as shown to the console's FHIR converter
 * (the API's, docs/api.md §13) and downloads the FHIR R4 Bundle it returns as `<kind>.fhir.json`.
 * @param {"assessment" | "diagnose" | "treatment" | "note"} kind @param {unknown} content
 */
export function downloadFhir(kind, content) {
  const button = el("button", { type: "button" }, msg("js.fhir.button"));
  const message = el("p", { role: "status", class: "muted" });
  button.addEventListener("click", async () => {
    button.disabled = true;
    message.textContent = msg("js.fhir.preparing");
    try {
      const res = await fetch("/app/fhir/convert", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", Accept: "application/fhir+json", "X-CSRF-Token": csrfToken() },
        body: JSON.stringify({ kind, content }),
      });
      if (!res.ok) {
        const problem = await res.json().catch(() => null);
        message.textContent = problem?.detail ?? msg("js.fhir.failed", { status: res.status });
        return;
      }
      message.textContent = msg("js.fhir.downloaded", { name: await saveDownload(res, `${kind}.fhir.json`) });
    } catch {
      message.textContent = msg("js.fhir.connectionLost");
    } finally {
      button.disabled = false;
    }
  });
  return el("div", { class: "export" }, button, message);
}
