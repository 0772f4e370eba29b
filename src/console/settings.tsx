/**
 * The console's settings: profile and password, through the same functions and schemas as
 * PATCH /api/auth/me and POST /api/auth/change-password. A password change ends every login,
 * this one included, so the person signs in again with the new password.
 */
import { Hono } from "hono";
import { changePassword, updateProfile } from "../auth/account-changes";
import { ChangePasswordBody, UpdateMeBody } from "../auth/user.schemas";
import type { AppEnv } from "../env";
import { ProblemError } from "../lib/problem";
import { SettingsPage, type SettingsView } from "./pages/settings";
import { renderPage } from "./render";
import { type ConsoleContext, clearSessionCookies, consoleSession } from "./session";

export const settingsPages = new Hono<AppEnv>();

const page = (c: ConsoleContext, view: SettingsView, status: 200 | 400 | 429 = 200) =>
  renderPage(c, <SettingsPage account={c.var.account} csrfToken={c.var.csrfToken} view={view} />, status);

settingsPages.get("/", consoleSession, (c) => page(c, { notice: c.req.query("done") === "profile" ? "Profile saved." : undefined }));

/** A 400 or 429 problem's message for the form; anything else is the error page's. */
function formError(error: unknown): { message: string; status: 400 | 429 } {
  if (error instanceof ProblemError && (error.status === 400 || error.status === 429))
    return { message: error.problem.detail, status: error.status };
  throw error;
}

const text = (value: unknown) => (typeof value === "string" ? value : undefined);
/** An emptied optional field clears it. */
const optional = (value: unknown) => (typeof value === "string" ? value.trim() || null : undefined);

settingsPages.post("/profile", consoleSession, async (c) => {
  const form = await c.req.parseBody();
  const body = UpdateMeBody.safeParse({
    first_name: text(form.first_name),
    last_name: text(form.last_name),
    organization: optional(form.organization),
    license_type: optional(form.license_type),
    license_number: optional(form.license_number),
    license_state: optional(form.license_state),
  });
  if (!body.success) return page(c, { profileError: body.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") }, 400);
  await updateProfile(c, c.var.account, body.data);
  return c.redirect("/app/settings?done=profile", 303);
});

settingsPages.post("/password", consoleSession, async (c) => {
  const form = await c.req.parseBody();
  if (text(form.new_password) !== text(form.confirm_password))
    return page(c, { passwordError: "The two new passwords differ; type the same one twice." }, 400);
  const body = ChangePasswordBody.safeParse({ current_password: text(form.current_password), new_password: text(form.new_password) });
  if (!body.success) return page(c, { passwordError: body.error.issues.map((i) => i.message).join("; ") }, 400);
  try {
    await changePassword(c, c.var.account, body.data);
  } catch (error) {
    const { message, status } = formError(error);
    return page(c, { passwordError: message }, status);
  }
  clearSessionCookies(c);
  return c.redirect("/app/login?changed=password", 303);
});
