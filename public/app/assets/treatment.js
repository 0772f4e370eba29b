// @ts-check
/** /app/treatment: sends a diagnosis, streams the plan; medication considerations appear only when the server includes them. */
import { citations, el, requireText, streamAnswer } from "./answer.js";
import { renderMarkdown } from "./markdown.js";
import { msg } from "./messages.js";

const form = /** @type {HTMLFormElement} */ (document.getElementById("treatment-form"));
const diagnosis = /** @type {HTMLTextAreaElement} */ (document.getElementById("diagnosis"));
const context = /** @type {HTMLTextAreaElement} */ (document.getElementById("patient-context"));
const submit = /** @type {HTMLButtonElement} */ (form.querySelector("button[type=submit]"));

/** @param {string} title @param {Array<Node | string>} items */
const listSection = (title, items) => (items.length ? [el("h3", {}, title), el("ul", {}, ...items.map((item) => el("li", {}, item)))] : []);

/** @param {any} answer */
function treatmentPlan(answer) {
  const plan = answer.treatment_plan;
  const sources = answer.retrieved_sources;
  const section = el("div", { class: "plan" });
  section.append(
    ...listSection(
      msg("js.treatment.modalities"),
      plan.modalities.map((/** @type {any} */ m) =>
        el(
          "div",
          {},
          el("strong", {}, m.name),
          m.evidence_level ? ` (${msg("js.treatment.evidence")}: ${m.evidence_level})` : "",
          el("p", {}, m.rationale),
          citations(m.supporting_sources, sources),
        ),
      ),
    ),
    ...listSection(msg("js.treatment.goals"), plan.goals),
    ...listSection(
      msg("js.treatment.interventions"),
      (plan.interventions ?? []).map(
        (/** @type {any} */ i) =>
          `${i.name}: ${i.frequency}${i.evidence_level ? ` (${msg("js.treatment.evidence")}: ${i.evidence_level})` : ""}`,
      ),
    ),
    ...listSection(
      msg("js.treatment.measures"),
      (plan.measures ?? []).map((/** @type {any} */ m) => `${m.instrument}, ${m.frequency}: ${m.target}`),
    ),
  );
  if (plan.timeline) section.append(el("h3", {}, msg("js.treatment.timeline")), el("p", {}, plan.timeline));
  if (plan.review_date) section.append(el("p", {}, msg("js.treatment.reviewBy", { date: plan.review_date })));
  if (plan.medication_considerations) {
    // Offline, a guideline's medication section quoted whole, with its lists.
    section.append(el("h3", {}, msg("js.treatment.medication")), el("div", {}, renderMarkdown(plan.medication_considerations, 4)));
  }
  return section;
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  if (!requireText(diagnosis, msg("js.treatment.required"))) return;
  const body = { diagnosis: diagnosis.value, ...(context.value.trim() ? { patient_context: context.value } : {}) };
  streamAnswer("/app/treatment/stream", body, { kind: "treatment", render: treatmentPlan, busy: submit });
});
