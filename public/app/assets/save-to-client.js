// @ts-check
/**
 * "Save to client…" under an answer: the clinician picks one of their active clients (the page
 * lists them in #workspace-clients; absent for an account with no workspace) and the answer goes
 * into that client's record through a console action, which answers JSON with the record's URL.
 * Each kind of answer says what it saves and how (SAVERS).
 */
import { csrfToken } from "./console.js";
import { msg } from "./messages.js";

/** @returns {Array<{id: string, label: string}> | null} */
function workspaceClients() {
  const node = document.getElementById("workspace-clients");
  return node ? JSON.parse(node.getAttribute("data-clients") || "[]") : null;
}

/**
 * @param {string} tag @param {Record<string, string | undefined>} [attributes] @param {...(Node | string)} children
 */
function node(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

let instance = 0;

/**
 * What each kind of answer saves: `choices` (optional) lists what to pick from the answer (a
 * differential's conditions); `path` and `body` make the request.
 * @typedef {{ choices?: (answer: any) => Array<{label: string, value: any}>, choiceLabel?: string, path: (clientId: string) => string, body: (answer: any, choice: any) => unknown, notice?: string, saved: string }} Saver
 * @type {Record<string, Saver>}
 */
const SAVERS = {
  diagnose: {
    choices: (answer) =>
      answer.differential.map((/** @type {any} */ item) => ({
        label: [item.condition, item.dsm5_code, item.icd11_code].filter(Boolean).join(" · "),
        value: { condition: item.condition, dsm5_code: item.dsm5_code, icd11_code: item.icd11_code },
      })),
    choiceLabel: "js.save.diagnosis",
    path: (clientId) => `/app/clients/${encodeURIComponent(clientId)}/save/diagnosis`,
    body: (_answer, choice) => choice,
    saved: "js.save.savedDiagnosis",
  },
  treatment: {
    path: (clientId) => `/app/clients/${encodeURIComponent(clientId)}/save/plan`,
    body: (answer) => {
      const plan = answer.treatment_plan;
      return {
        problems: plan.problems,
        objectives: plan.objectives,
        interventions: plan.interventions.map((/** @type {any} */ item) => ({ ...item, frequency: item.frequency || null })),
        measures: plan.measures,
        review_date: plan.review_date,
        goals: plan.smart_goals.map((/** @type {any} */ goal) => ({ text: goal.goal })),
      };
    },
    notice: "js.save.replacesPlan",
    saved: "js.save.savedPlan",
  },
  note: {
    path: (clientId) => `/app/clients/${encodeURIComponent(clientId)}/save/note`,
    body: (answer) => ({
      session_date: localToday(),
      format: answer.format,
      sections: Object.fromEntries(Object.entries(answer.sections).filter(([, text]) => typeof text === "string")),
      ...(answer.statements ? { statements: answer.statements } : {}),
      ...(answer.unsupported ? { unsupported: answer.unsupported } : {}),
    }),
    notice: "js.save.noteDraft",
    saved: "js.save.savedNote",
  },
};

/** Today in the clinician's own time zone (YYYY-MM-DD): the session a note is saved from was today. */
function localToday() {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/**
 * The "Save to client…" controls for an answer of `kind`, or null when there is nothing to save
 * to (no workspace) or nothing to save.
 * @param {string} kind @param {any} answer
 */
export function saveToClient(kind, answer) {
  const clients = workspaceClients();
  const saver = SAVERS[kind];
  if (!clients || !saver) return null;
  const choices = saver.choices?.(answer) ?? [];
  if (saver.choices && !choices.length) return null;
  instance += 1;
  const ids = { heading: `save-heading-${instance}`, client: `save-client-${instance}`, choice: `save-choice-${instance}` };
  const section = node(
    "section",
    { class: "save-to-client card", "aria-labelledby": ids.heading },
    node("h3", { id: ids.heading }, msg("js.save.heading")),
  );
  if (!clients.length) {
    section.append(node("p", {}, msg("js.save.noClients"), " ", node("a", { href: "/app/clients/new" }, msg("js.save.addClient"))));
    return section;
  }
  const clientSelect = node("select", { id: ids.client }, ...clients.map((client) => node("option", { value: client.id }, client.label)));
  section.append(node("label", { for: ids.client }, msg("js.save.client")), clientSelect);
  /** @type {HTMLSelectElement | null} */
  let choiceSelect = null;
  if (saver.choices) {
    choiceSelect = /** @type {HTMLSelectElement} */ (
      node("select", { id: ids.choice }, ...choices.map((choice, index) => node("option", { value: String(index) }, choice.label)))
    );
    section.append(node("label", { for: ids.choice }, msg(saver.choiceLabel ?? "")), choiceSelect);
  }
  if (saver.notice) section.append(node("p", { class: "muted" }, msg(saver.notice)));
  const button = /** @type {HTMLButtonElement} */ (node("button", { type: "button" }, msg("js.save.button")));
  const status = node("p", { role: "status" });
  section.append(button, status);
  button.addEventListener("click", async () => {
    const client = clients.find((candidate) => candidate.id === /** @type {HTMLSelectElement} */ (clientSelect).value);
    if (!client) return;
    const choice = choiceSelect ? choices[Number(choiceSelect.value)]?.value : undefined;
    button.disabled = true;
    status.textContent = msg("js.save.saving");
    try {
      const res = await fetch(saver.path(client.id), {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRF-Token": csrfToken() },
        body: JSON.stringify(saver.body(answer, choice)),
      });
      const result = await res.json().catch(() => null);
      if (!res.ok) {
        status.textContent = result?.detail ?? msg("js.save.failed", { status: res.status });
        return;
      }
      status.replaceChildren(msg(saver.saved, { client: client.label }), " ", node("a", { href: result.record_url }, msg("js.save.open")));
    } catch {
      status.textContent = msg("js.save.connectionLost");
    } finally {
      button.disabled = false;
    }
  });
  return section;
}
