/**
 * The console's language: one message catalogue per locale (adding a language is data: a new
 * catalogue and an entry in LOCALES), chosen once per request and read by any component through
 * a JSX context, so pages need no locale prop.
 */
import { createContext, useContext } from "hono/jsx";
import { LOCALES, type Locale, type UserRow } from "../../auth/auth.table";
import { en, type MessageId } from "./en";
import { es } from "./es";

export type { MessageId } from "./en";

const CATALOGUES: Record<Locale, Record<MessageId, string>> = { en, es };

/** The message in the locale, its `{name}` placeholders filled from params. */
export function t(locale: Locale, id: MessageId, params: Record<string, string | number> = {}): string {
  return CATALOGUES[locale][id].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

const isLocale = (tag: string): tag is Locale => (LOCALES as readonly string[]).includes(tag);

/**
 * The clinician's setting, else the Accept-Language entry with the highest q-value whose primary
 * language we have (es-MX → es), else English.
 */
export function consoleLocale(account: Pick<UserRow, "locale"> | undefined, acceptLanguage: string | undefined): Locale {
  if (account?.locale) return account.locale;
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((entry, order) => {
      const [tag = "", ...params] = entry.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { language: tag.trim().toLowerCase().split("-")[0] ?? "", q: q ? Number(q.slice(2)) : 1, order };
    })
    .filter((entry) => entry.q > 0 && isLocale(entry.language))
    .sort((a, b) => b.q - a.q || a.order - b.order);
  const best = ranked[0]?.language;
  return best && isLocale(best) ? best : "en";
}

export const LocaleContext = createContext<Locale>("en");

/** The request's locale and a translator bound to it, inside a component. */
export function useMessages() {
  const locale = useContext(LocaleContext);
  return { locale, t: (id: MessageId, params?: Record<string, string | number>) => t(locale, id, params) };
}

/** A date and time in the locale's format, in UTC (the console states the zone). */
export function formatDateTime(locale: Locale, date: Date): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(date);
}

/** A calendar date (`YYYY-MM-DD`, or the date part of a timestamp) in the locale's format. */
export function formatDate(locale: Locale, isoDate: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/** The messages the browser scripts show (ids starting `js.`), as JSON for the layout's `console-messages` meta. */
export function scriptMessagesJson(locale: Locale): string {
  return JSON.stringify(Object.fromEntries(Object.entries(CATALOGUES[locale]).filter(([id]) => id.startsWith("js."))));
}
