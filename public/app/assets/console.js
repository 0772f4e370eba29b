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
