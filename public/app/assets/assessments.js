// @ts-check
/**
 * As the clinician answers: live scoring of the forms whose answers are their scores (the total and
 * its band, from the bands the server put in `data-bands`), and on every form with a self-harm item
 * (PHQ-9 item 9, EPDS item 10, C-SSRS) its alert as soon as that item is answered positively (the
 * positive answers are in `data-safety-items`). Submitting the form still scores it on the server.
 * The band's name is the instrument's own (clinical content, in English); the sentence around it is
 * in the page's language. Under a scored result a licensed clinician gets "Download FHIR" (the
 * result, which the server put in `data-fhir-assessment`, as a FHIR R4 Bundle).
 */
import { downloadFhir } from "./answer.js";
import { msg } from "./messages.js";

/** @param {HTMLFormElement} form */
function scoreForm(form) {
  // Only forms whose answers are their scores add up live (the server marks them "questionnaire").
  if (!form.classList.contains("questionnaire")) return;
  /** @type {Array<{max: number, severity: string}>} */
  const bands = JSON.parse(form.dataset.bands ?? "[]");
  const items = form.querySelectorAll("fieldset.item");
  let score = 0;
  let answered = 0;
  items.forEach((fieldset) => {
    const checked = /** @type {HTMLInputElement | null} */ (fieldset.querySelector("input:checked"));
    if (!checked) return;
    answered += 1;
    score += Number(checked.value);
  });
  const band = bands.find((b) => score <= b.max);
  const text = /** @type {HTMLElement} */ (form.querySelector("[data-score-text]"));
  const max = items.length * 3;
  text.textContent =
    answered === 0
      ? ""
      : answered === items.length
        ? msg("js.assessments.score", { score, max, severity: band?.severity ?? "" })
        : msg("js.assessments.scoreSoFar", { score, max, answered, items: items.length, severity: band?.severity ?? "" });
}

/** @param {HTMLFormElement} form */
function showSafetyAlert(form) {
  const alert = /** @type {HTMLElement | null} */ (form.querySelector("[data-safety-alert]"));
  if (!alert) return;
  /** @type {Record<string, number[]>} */
  const positive = JSON.parse(alert.dataset.safetyItems ?? "{}");
  alert.hidden = !Object.entries(positive).some(([item, values]) => {
    const checked = /** @type {HTMLInputElement | null} */ (form.querySelector(`input[name="item${item}"]:checked`));
    return checked !== null && values.includes(Number(checked.value));
  });
}

for (const form of document.querySelectorAll("form.questionnaire, form.questionnaire-form")) {
  const questionnaire = /** @type {HTMLFormElement} */ (form);
  const update = () => {
    scoreForm(questionnaire);
    showSafetyAlert(questionnaire);
  };
  questionnaire.addEventListener("change", update);
  update();
}

for (const holder of document.querySelectorAll("[data-fhir-assessment]")) {
  holder.append(downloadFhir("assessment", JSON.parse(/** @type {HTMLElement} */ (holder).dataset.fhirAssessment ?? "null")));
}
