/** Sending a console page: a full HTML document from a JSX element, in the request's language. */
import type { Context } from "hono";
import type { JSX } from "hono/jsx/jsx-runtime";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { UserRow } from "../auth/auth.table";
import type { Settings } from "../lib/settings";
import { consoleLocale, LocaleContext } from "./i18n/i18n";
import { IdleMinutesContext } from "./idle-session";

export async function renderPage(c: Context, page: JSX.Element, status: ContentfulStatusCode = 200) {
  const account = c.get("account") as UserRow | undefined;
  const locale = consoleLocale(account, c.req.header("accept-language"));
  c.header("Content-Language", locale);
  c.header("Vary", "Accept-Language", { append: true });
  // The idle limit reaches the layout (and through its meta, idle.js) as the locale does: no prop on every page.
  const idleMinutes = (c.get("settings") as Settings | undefined)?.consoleIdleMinutes;
  const document = (
    <LocaleContext.Provider value={locale}>
      <IdleMinutesContext.Provider value={idleMinutes}>{page}</IdleMinutesContext.Provider>
    </LocaleContext.Provider>
  );
  return c.html(`<!DOCTYPE html>${await document}`, status);
}
