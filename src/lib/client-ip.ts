import type { Context } from "hono";

/** The caller's IP as Cloudflare's edge reports it; `unknown` where there is no edge (tests, scripts). */
export function clientIp(c: Context): string {
  return c.req.header("CF-Connecting-IP") ?? "unknown";
}
