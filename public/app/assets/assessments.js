// @ts-check
/**
 * Live scoring of the PHQ-9 and GAD-7 forms as the clinician answers: the total, its band (from
 * the bands the server put in `data-bands`) and, for the PHQ-9, the item 9 alert. Submitting the
 * form still scores it on the server.
 */

/** @param {HTMLFormElement} form */
function scoreForm(form) {
  /** @type {Array<{max: number, severity: string}>} */
  const bands = JSON.parse(form.dataset.bands ?? "[]");
  const items = form.querySelectorAll("fieldset.item");
  let score = 0;
  let answered = 0;
  let item9 = 0;
  items.forEach((fieldset, index) => {
    const checked = /** @type {HTMLInputElement | null} */ (fieldset.querySelector("input:checked"));
    if (!checked) return;
    answered += 1;
    score += Number(checked.value);
    if (index === 8) item9 = Number(checked.value);
  });
  const band = bands.find((b) => score <= b.max);
  const text = /** @type {HTMLElement} */ (form.querySelector("[data-score-text]"));
  const max = items.length * 3;
  text.textContent =
    answered === 0
      ? ""
      : answered === items.length
        ? `Score ${score} of ${max}: ${band?.severity ?? ""}.`
        : `Score so far ${score} of ${max} (${answered} of ${items.length} items answered): ${band?.severity ?? ""}.`;
  const alert = /** @type {HTMLElement | null} */ (form.querySelector("[data-item9-alert]"));
  if (alert) alert.hidden = item9 === 0;
}

for (const form of document.querySelectorAll("form.questionnaire")) {
  const questionnaire = /** @type {HTMLFormElement} */ (form);
  questionnaire.addEventListener("change", () => scoreForm(questionnaire));
  scoreForm(questionnaire);
}
