/**
 * Session hygiene for a shared clinic computer: the page script's activity ping (sign-out after
 * inactivity, ../idle-session.ts and /app/assets/idle.js), "Sign out everywhere" from the
 * settings page, and the sign-in page's notice about either.
 */
import type { Context } from "hono";
import { Hono } from "hono";
import { signOutEverywhere } from "../../auth/sign-out-everywhere";
import type { AppEnv } from "../../env";
import { handleError } from "../../lib/error-handler";
import { consoleLocale, t } from "../i18n/i18n";
import { clearSessionCookies, consoleSession } from "../session";

/** A script's endpoint: its errors are problem+json, not the console's error page. */
const activityPing = new Hono<AppEnv>();
activityPing.onError(handleError);

/**
 * idle.js calls this, at most once a minute, while the person types, clicks or scrolls without
 * sending anything: the guard records the activity (or, past the limit, ends the session: 401).
 */
activityPing.post("/activity", consoleSession, (c) => c.body(null, 204));

export const sessionRoutes = new Hono<AppEnv>();
sessionRoutes.route("/session", activityPing);

sessionRoutes.post("/settings/sign-out-everywhere", consoleSession, async (c) => {
  await signOutEverywhere(c, c.var.token);
  clearSessionCookies(c);
  return c.redirect("/app/login?signed_out=everywhere", 303);
});

/** What the sign-in page says about how the last session ended (`?idle=1`, `?signed_out=everywhere`). */
export function sessionEndedNotice(c: Context<AppEnv>): string | undefined {
  const locale = consoleLocale(undefined, c.req.header("accept-language"));
  if (c.req.query("idle") === "1") {
    const minutes = c.var.settings.consoleIdleMinutes;
    return minutes === 1 ? t(locale, "session.idleSignedOutOne") : t(locale, "session.idleSignedOut", { minutes });
  }
  if (c.req.query("signed_out") === "everywhere") return t(locale, "session.signedOutEverywhere");
  return undefined;
}
