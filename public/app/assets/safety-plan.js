// @ts-check
/**
 * /app/safety-plan: drafts a safety plan from the source text (carried over from a crisis banner,
 * then drafted at once, or typed), shows each step with what the source said or what is left to
 * complete with the client, the crisis lines, and Export PDF in the client's language.
 */
import { el, exportPdf, requireText } from "./answer.js";
import { postJson, SAFETY_PLAN_PREFILL_KEY } from "./console.js";
import { msg } from "./messages.js";

const find = (/** @type {string} */ id) => /** @type {any} */ (document.getElementById(id));
const form = /** @type {HTMLFormElement} */ (find("plan-form"));
const text = /** @type {HTMLTextAreaElement} */ (find("plan-text"));
const language = /** @type {HTMLSelectElement} */ (find("plan-language"));
const submit = /** @type {HTMLButtonElement} */ (form.querySelector("button[type=submit]"));
const alerts = /** @type {HTMLElement} */ (find("plan-alerts"));
const status = /** @type {HTMLElement} */ (find("plan-status"));
const result = /** @type {HTMLElement} */ (find("plan-result"));

/** @param {any} plan */
function show(plan) {
  if (plan.mode === "offline") {
    result.append(el("p", { class: "notice offline" }, msg("js.safetyPlan.offline")));
  }
  for (const [name, step] of Object.entries(plan.sections)) {
    const filled = step.items.length > 0;
    result.append(
      el("h3", {}, step.title),
      filled
        ? el("ul", {}, ...step.items.map((/** @type {string} */ item) => el("li", {}, item)))
        : el("p", { class: "muted" }, step.placeholder),
    );
    if (name === "professionals_and_agencies" && plan.crisis_resources.length) {
      result.append(
        el("h4", {}, msg("js.safetyPlan.crisisLines")),
        el(
          "ul",
          {},
          ...plan.crisis_resources.map((/** @type {any} */ line) => el("li", {}, el("strong", {}, line.name), `: ${line.contact}`)),
        ),
      );
    }
  }
  result.append(exportPdf("safety_plan", plan, { language: plan.language }));
}

async function draft() {
  if (!requireText(text, msg("js.safetyPlan.required"))) return;
  alerts.replaceChildren();
  result.replaceChildren();
  status.textContent = msg("js.safetyPlan.drafting");
  submit.disabled = true;
  try {
    show(await postJson("/app/safety-plan/draft", { text: text.value, language: language.value }));
    status.textContent = msg("js.safetyPlan.ready");
  } catch (error) {
    status.textContent = "";
    const message = error instanceof Error && !(error instanceof TypeError) ? error.message : msg("js.safetyPlan.connectionLost");
    alerts.append(el("div", { class: "error" }, el("p", {}, message)));
  } finally {
    submit.disabled = false;
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  draft();
});

// Arrived from "Draft a safety plan" on a crisis banner: the clinician asked for the draft, so it is made now.
const carried = sessionStorage.getItem(SAFETY_PLAN_PREFILL_KEY);
if (carried) {
  text.value = carried;
  sessionStorage.removeItem(SAFETY_PLAN_PREFILL_KEY);
  draft();
}
