// @ts-check
/** /app/diagnose: sends symptoms and context, streams the answer, shows the differential table. */
import { citations, DIAGNOSE_PREFILL_KEY, el, requireText, streamAnswer } from "./answer.js";
import { msg } from "./messages.js";

const form = /** @type {HTMLFormElement} */ (document.getElementById("diagnose-form"));
const symptoms = /** @type {HTMLTextAreaElement} */ (document.getElementById("symptoms"));
const context = /** @type {HTMLTextAreaElement} */ (document.getElementById("patient-context"));
const analyze = /** @type {HTMLButtonElement} */ (form.querySelector("button[type=submit]"));

const carried = sessionStorage.getItem(DIAGNOSE_PREFILL_KEY);
if (carried) {
  symptoms.value = carried;
  sessionStorage.removeItem(DIAGNOSE_PREFILL_KEY);
}

/** @param {any} answer */
function differentialTable(answer) {
  if (!answer.differential.length) return el("p", {}, msg("js.diagnose.none"));
  const head = el(
    "tr",
    {},
    ...[
      msg("js.diagnose.condition"),
      "DSM-5-TR",
      "ICD-11",
      msg("js.diagnose.confidence"),
      msg("js.diagnose.rationale"),
      msg("js.diagnose.citations"),
    ].map((name) => el("th", { scope: "col" }, name)),
  );
  const rows = answer.differential.map((/** @type {any} */ item) =>
    el(
      "tr",
      {},
      el("th", { scope: "row" }, item.condition),
      el("td", {}, item.dsm5_code ?? "—"),
      el("td", {}, item.icd11_code ?? "—"),
      el("td", {}, new Intl.NumberFormat(document.documentElement.lang || "en", { style: "percent" }).format(item.confidence)),
      el("td", {}, item.rationale),
      el("td", {}, citations(item.supporting_sources, answer.retrieved_sources)),
    ),
  );
  return el(
    "section",
    { class: "table-wrap", "aria-label": msg("js.diagnose.differential"), tabindex: "0" },
    el("table", {}, el("caption", {}, msg("js.diagnose.differential")), el("thead", {}, head), el("tbody", {}, ...rows)),
  );
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  if (!requireText(symptoms, msg("js.diagnose.required"))) return;
  const body = { symptoms: symptoms.value, ...(context.value.trim() ? { patient_context: context.value } : {}) };
  streamAnswer("/app/diagnose/stream", body, { kind: "diagnose", render: differentialTable, busy: analyze });
});
