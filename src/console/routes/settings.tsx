/**
 * The console's settings: profile (country and language included) and password, through the same functions and schemas as
 * PATCH /api/auth/me and POST /api/auth/change-password. A password change ends every login,
 * this one included, so the person signs in again with the new password. Personal access tokens
 * through the same functions as /api/auth/tokens (creating one asks for the password again); a
 * new token's secret is shown only on the page that answers the creating POST, never in a URL.
 */
import { Hono } from "hono";
import { changePassword, updateProfile } from "../../auth/account-changes";
import { ChangePasswordBody, UpdateMeBody } from "../../auth/auth.schemas";
import { listPasskeys } from "../../auth/passkeys/passkeys.data";
import { createPersonalToken, revokeOwnPersonalToken } from "../../auth/personal-token-changes";
import { listLivePersonalTokens } from "../../auth/personal-tokens.data";
import { revokeToken } from "../../auth/personal-tokens.routes";
import { CreatePersonalTokenBody } from "../../auth/personal-tokens.schemas";
import type { AppEnv } from "../../env";
import { ProblemError } from "../../lib/problem";
import { consoleLocale, type MessageId, t } from "../i18n/i18n";
import type { TokensView } from "../pages/personal-tokens";
import { SettingsPage, type SettingsView } from "../pages/settings";
import { parsed } from "../parsed";
import { renderPage } from "../render";
import { type ConsoleContext, clearSessionCookies, consoleSession } from "../session";

export const settingsPages = new Hono<AppEnv>();

type PageView = Omit<SettingsView, "tokens" | "passkeys"> & { tokens?: Omit<TokensView, "tokens"> };

async function page(c: ConsoleContext, view: PageView, status: FormErrorStatus | 200 = 200) {
  const [live, passkeys] = await Promise.all([
    listLivePersonalTokens(c.var.db, c.var.account.id),
    listPasskeys(c.var.db, c.var.account.id),
  ]);
  const tokens = { ...view.tokens, tokens: live };
  return renderPage(c, <SettingsPage account={c.var.account} csrfToken={c.var.csrfToken} view={{ ...view, tokens, passkeys }} />, status);
}

/** The request's language, as renderPage chooses it, for the notices these routes word. */
const localeOf = (c: ConsoleContext) => consoleLocale(c.var.account, c.req.header("accept-language"));

const settingsNotice = (c: ConsoleContext, id: MessageId) => t(localeOf(c), id);

/** What the page confirms after a save (`?done=`). */
const NOTICES: Record<string, (c: ConsoleContext) => string> = {
  profile: (c) => settingsNotice(c, "settingsNotices.profileSaved"),
  token_revoked: (c) => t(localeOf(c), "tokens.revoked"),
  passkey_added: (c) => t(localeOf(c), "passkeys.added"),
  passkey_removed: (c) => t(localeOf(c), "passkeys.removed"),
};

settingsPages.get("/", consoleSession, (c) => {
  const done = c.req.query("done") ?? "";
  return page(c, { notice: Object.hasOwn(NOTICES, done) ? NOTICES[done](c) : undefined });
});

type FormErrorStatus = 400 | 403 | 409 | 429;

/** A 400, 409 or 429 problem's message for the form, and a wrong password's 403; anything else is the error page's. */
function formError(error: unknown): { message: string; status: FormErrorStatus } {
  if (
    error instanceof ProblemError &&
    (error.status === 400 ||
      error.status === 409 ||
      error.status === 429 ||
      (error.status === 403 && error.problem.code === "invalid_password"))
  )
    return { message: error.problem.detail, status: error.status };
  throw error;
}

const text = (value: unknown) => (typeof value === "string" ? value : undefined);
/** An emptied optional field clears it. */
const optional = (value: unknown) => (typeof value === "string" ? value.trim() || null : undefined);
/** A number field: absent (a form without it, e.g. a student's) leaves the setting; anything typed must be the number it says. */
const wholeNumber = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? Number(value) : undefined);

settingsPages.post("/profile", consoleSession, async (c) => {
  const form = await c.req.parseBody();
  const body = UpdateMeBody.safeParse({
    first_name: text(form.first_name),
    last_name: text(form.last_name),
    organization: optional(form.organization),
    license_type: optional(form.license_type),
    license_number: optional(form.license_number),
    license_state: optional(form.license_state),
    country: optional(form.country),
    locale: optional(form.locale),
    client_retention_years: wholeNumber(form.client_retention_years),
  });
  if (!body.success) return page(c, { profileError: body.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") }, 400);
  await updateProfile(c, c.var.account, body.data);
  return c.redirect("/app/settings?done=profile", 303);
});

settingsPages.post("/password", consoleSession, async (c) => {
  const form = await c.req.parseBody();
  if (text(form.new_password) !== text(form.confirm_password))
    return page(c, { passwordError: settingsNotice(c, "settingsNotices.passwordsDiffer") }, 400);
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

/** Checkboxes: none sends nothing, one a string, several an array. */
const list = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
/** An empty days field takes the API's default; anything else must be the number it says. */
const days = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? Number(value) : undefined);

settingsPages.post("/tokens", consoleSession, async (c) => {
  const form = await c.req.parseBody({ all: true });
  const body = CreatePersonalTokenBody.safeParse({
    name: text(form.name),
    scopes: list(form.scopes),
    expires_in_days: days(form.expires_in_days),
    password: text(form.password),
  });
  if (!body.success) {
    const error = body.error.issues.map((issue) => `${issue.path.join(".") || "form"}: ${issue.message}`).join("; ");
    return page(c, { tokens: { error } }, 400);
  }
  try {
    const { row, token } = await createPersonalToken(c, c.var.account, body.data);
    return await page(c, { tokens: { created: { name: row.name, token } } });
  } catch (error) {
    const { message, status } = formError(error);
    return page(c, { tokens: { error: message } }, status);
  }
});

settingsPages.post("/tokens/:id/revoke", consoleSession, async (c) => {
  const { id } = parsed(revokeToken.request.params.safeParse(c.req.param()), "path");
  await revokeOwnPersonalToken(c, c.var.account, id);
  return c.redirect("/app/settings?done=token_revoked#tokens", 303);
});
