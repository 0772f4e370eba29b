// @ts-check
/**
 * The console's strings for scripts, in the page's language: the layout renders the `js.*`
 * entries of the message catalogue (src/console/i18n) as JSON in <meta name="console-messages">.
 */

/** @type {Record<string, string>} */
const catalogue = JSON.parse(document.querySelector('meta[name="console-messages"]')?.getAttribute("content") || "{}");

/**
 * The message `id` with its `{name}` placeholders filled; the id itself if the page lacks it.
 * @param {string} id @param {Record<string, string | number>} [params]
 */
export function msg(id, params = {}) {
  return (catalogue[id] ?? id).replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}
