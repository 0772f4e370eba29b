/** Response headers set once for every route they concern, not per handler. */
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";

/** Hono's `c.json` says `application/json`; clients are promised the charset as well. */
export const jsonCharset = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  if (/^application\/json\s*$/i.test(c.res.headers.get("Content-Type") ?? "")) c.header("Content-Type", "application/json; charset=utf-8");
});

/** Answers (and their errors) carrying clinical content must not be kept by browsers or proxies. */
export const noStore = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  c.header("Cache-Control", "no-store");
});
