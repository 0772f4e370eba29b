/** The console's interaction check: a form posted (medicines are clinical information) and checked by the API's own check and schema. */
import { Hono } from "hono";
import type { AppEnv } from "../../env";
import { checkMedications } from "../../interactions/interaction-check.flow";
import { CheckRequestSchema, MAX_MEDICATIONS } from "../../interactions/interactions.schemas";
import { useCaseDeps } from "../../use-case/deps";
import { type InteractionsFormError, InteractionsPage, type InteractionsView } from "../pages/interactions";
import { renderPage } from "../render";
import { consoleSession } from "../session";

export const interactionPages = new Hono<AppEnv>();

interactionPages.get("/", consoleSession, (c) =>
  renderPage(c, <InteractionsPage account={c.var.account} csrfToken={c.var.csrfToken} view={{}} />),
);

/**
 * One name per line, comma or semicolon; a comma before a digit stays ("1,000 mg"), and empty
 * pieces (a trailing comma, a blank line) are not names.
 */
const namesIn = (text: string) =>
  text
    .split(/\r?\n|;|,(?!\d)/)
    .map((name) => name.trim())
    .filter(Boolean);

/**
 * Which limit the list broke, for the page to say in its language: too few or too many names, or a
 * name too long (empty names never reach the schema).
 */
function formError(issue: { code: string; path: PropertyKey[]; maximum?: unknown }): InteractionsFormError {
  if (issue.path.length > 1) return { id: "interactions.nameTooLong", max: Number(issue.maximum) };
  return { id: issue.code === "too_small" ? "interactions.tooFew" : "interactions.tooMany", max: MAX_MEDICATIONS };
}

interactionPages.post("/", consoleSession, async (c) => {
  const form = await c.req.parseBody();
  const text = typeof form.medications === "string" ? form.medications : "";
  const page = (view: InteractionsView, status: 200 | 400 = 200) =>
    renderPage(c, <InteractionsPage account={c.var.account} csrfToken={c.var.csrfToken} view={view} />, status);
  const input = CheckRequestSchema.safeParse({ medications: namesIn(text) });
  if (!input.success) return page({ text, error: formError(input.error.issues[0]) }, 400);
  return page({ text, result: await checkMedications(useCaseDeps(c), input.data.medications, { action: "interactions.check" }) });
});
