// @ts-check
/** /app/diagnose: sends symptoms and context, streams the answer, shows the differential table. */
import { citations, DIAGNOSE_PREFILL_KEY, el, requireText, streamAnswer } from "./answer.js";

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
  if (!answer.differential.length) return el("p", {}, "No differential: no condition in the knowledge base fits these symptoms well.");
  const head = el(
    "tr",
    {},
    ...["Condition", "DSM-5-TR", "ICD-11", "Confidence", "Rationale", "Citations"].map((name) => el("th", { scope: "col" }, name)),
  );
  const rows = answer.differential.map((/** @type {any} */ item) =>
    el(
      "tr",
      {},
      el("th", { scope: "row" }, item.condition),
      el("td", {}, item.dsm5_code ?? "—"),
      el("td", {}, item.icd11_code ?? "—"),
      el("td", {}, `${Math.round(item.confidence * 100)}%`),
      el("td", {}, item.rationale),
      el("td", {}, citations(item.supporting_sources, answer.retrieved_sources)),
    ),
  );
  return el(
    "section",
    { class: "table-wrap", "aria-label": "Differential diagnosis", tabindex: "0" },
    el("table", {}, el("caption", {}, "Differential diagnosis"), el("thead", {}, head), el("tbody", {}, ...rows)),
  );
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  if (!requireText(symptoms, "Enter the symptoms to analyse.")) return;
  const body = { symptoms: symptoms.value, ...(context.value.trim() ? { patient_context: context.value } : {}) };
  streamAnswer("/app/diagnose/stream", body, { kind: "diagnose", render: differentialTable, busy: analyze });
});
