// @ts-check
/**
 * Loaded by every console page. Exports what page scripts share: sending JSON to the console's
 * own endpoints with the login's CSRF token (read from the page, never from a cookie).
 */

/** The CSRF token of the signed-in page, or "" on the sign-in page. */
export function csrfToken() {
  return document.querySelector('meta[name="csrf-token"]')?.getAttribute("content") ?? "";
}

/**
 * POSTs JSON to a console endpoint and returns the parsed answer. A problem answer (4xx/5xx)
 * rejects with an Error whose message is the problem's `detail`, ready to show in the page.
 * @param {string} url
 * @param {unknown} body
 * @returns {Promise<unknown>}
 */
export async function postJson(url, body) {
  const res = await fetch(url, {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRF-Token": csrfToken() },
    body: JSON.stringify(body),
  });
  const answer = await res.json().catch(() => null);
  if (!res.ok) throw new Error(answer?.detail ?? `The request failed (${res.status}).`);
  return answer;
}

/** Where "Draft a safety plan" leaves the source text for /app/safety-plan: this tab only, never a URL. */
export const SAFETY_PLAN_PREFILL_KEY = "ta-safety-plan-text";

// "Draft a safety plan" on any crisis banner (server-rendered or built by a page script) is a link to
// /app/safety-plan that carries the text the banner was raised on, if it knows it.
document.addEventListener("click", (event) => {
  const link = event.target instanceof Element ? event.target.closest("a[data-safety-plan-text]") : null;
  const text = link instanceof HTMLElement ? link.dataset.safetyPlanText : undefined;
  if (text) sessionStorage.setItem(SAFETY_PLAN_PREFILL_KEY, text);
});

// The installable app's service worker: it keeps the shell (styles, scripts, icons, an offline
// page) and never a page or an API answer (public/app/sw.js, docs/pwa.md). Its scope is all of
// /app, the start URL included, which public/_headers allows with Service-Worker-Allowed.
if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("/app/sw.js", { scope: "/app" }).catch(() => {
    // Without it the console works as a plain web page; nothing to tell the person.
  });
}
