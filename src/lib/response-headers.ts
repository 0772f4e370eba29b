/** Response headers set once for every route they concern, not per handler. */
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";

/**
 * Answers (and their errors) carrying clinical content must not be kept by browsers or proxies.
 * Set on the Response itself: Hono's `c.header()` after the handler would copy the whole Response.
 */
export const noStore = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  c.res.headers.set("Cache-Control", "no-store");
});
