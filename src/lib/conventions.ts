/**
 * The rules every response follows, applied by one middleware: a request id, `Server-Timing`
 * (total, db, ai), secure headers, CORS for the configured origins, the JSON charset, the
 * request's context (src/lib/request-context.ts) and the per-request log line.
 *
 * One middleware rather than Hono's requestId, timing, secureHeaders and cors in a row because of
 * what they cost per request: each layer is an async frame, and Hono's `c.header()` after the
 * handler (cors's `Vary`, a charset fix) copies the whole Response each time, as does a header set
 * on `c.res` before the handler (the copy is made when the handler's answer replaces it). Here
 * nothing touches the response before the handler and the headers are added to the one Response
 * it produced, as Hono's own timing and secureHeaders middleware already did.
 */
import { cors } from "hono/cors";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { log } from "./log";
import { enterRequestContext } from "./request-context";
import { runInRequestScope } from "./request-scope";
import { readSettings } from "./settings";

const REQUEST_ID_HEADER = "X-Request-Id";
const MAX_REQUEST_ID_LENGTH = 128;
const SANE_REQUEST_ID = /^[\w\-=]+$/;
const BARE_JSON = /^application\/json\s*$/i;

/** Hono's secureHeaders defaults, fixed strings: the same for every response. */
const SECURE_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ["Cross-Origin-Resource-Policy", "same-origin"],
  ["Cross-Origin-Opener-Policy", "same-origin"],
  ["Origin-Agent-Cluster", "?1"],
  ["Referrer-Policy", "no-referrer"],
  ["Strict-Transport-Security", "max-age=15552000; includeSubDomains"],
  ["X-Content-Type-Options", "nosniff"],
  ["X-DNS-Prefetch-Control", "off"],
  ["X-Download-Options", "noopen"],
  ["X-Frame-Options", "SAMEORIGIN"],
  ["X-Permitted-Cross-Domain-Policies", "none"],
  ["X-XSS-Protection", "0"],
];

/**
 * Only requests that carry an `Origin` (cross-origin ones, and preflights) go through Hono's cors;
 * every other response just says that it varies by origin, so a cache never hands an answer
 * without `Access-Control-Allow-Origin` to an allowed origin.
 */
const crossOrigin = cors({
  origin: (origin, c) => (c.get("settings").corsOrigins.includes(origin) ? origin : null),
  allowHeaders: ["Authorization", "Content-Type", REQUEST_ID_HEADER],
  exposeHeaders: [REQUEST_ID_HEADER, "Server-Timing", "Retry-After"],
  maxAge: 600,
});

function requestIdFrom(sent: string | null): string {
  return sent && sent.length <= MAX_REQUEST_ID_LENGTH && SANE_REQUEST_ID.test(sent) ? sent : crypto.randomUUID();
}

export const conventions = createMiddleware<AppEnv>(async (c, next) => {
  const started = performance.now();
  const settings = readSettings(c.env);
  const requestHeaders = c.req.raw.headers;
  const requestId = requestIdFrom(requestHeaders.get(REQUEST_ID_HEADER));
  c.set("requestId", requestId);
  const scope = enterRequestContext(c, settings);
  const preflight = await runInRequestScope(scope, () => (requestHeaders.has("Origin") ? crossOrigin(c, next) : next()));
  // Hono's cors answers a preflight itself, without running the route.
  if (preflight instanceof Response) c.res = preflight;

  const headers = c.res.headers;
  headers.set(REQUEST_ID_HEADER, requestId);
  for (const [name, value] of SECURE_HEADERS) headers.set(name, value);
  headers.delete("X-Powered-By");
  if (!requestHeaders.has("Origin")) headers.append("Vary", "Origin");
  // Hono's `c.json` says `application/json`; clients are promised the charset as well.
  if (BARE_JSON.test(headers.get("Content-Type") ?? "")) headers.set("Content-Type", "application/json; charset=utf-8");
  const totalMs = performance.now() - started;
  const timing = [
    scope.dbCalls ? `db;dur=${scope.dbMs.toFixed(1)};desc="${scope.dbCalls} queries"` : "",
    scope.aiCalls ? `ai;dur=${scope.aiMs.toFixed(1)};desc="${scope.aiCalls} calls"` : "",
    `total;dur=${totalMs.toFixed(1)};desc="Total Response Time"`,
  ];
  headers.append("Server-Timing", timing.filter(Boolean).join(","));

  if (settings.logLevel !== "debug" && settings.logLevel !== "info") return;
  // The path only: query strings can carry clinical text (GET /rag/diagnose?symptoms=...).
  log("info", "request", {
    request_id: requestId,
    method: c.req.method,
    path: c.req.path,
    status: c.res.status,
    ms: Math.round(totalMs),
    db_ms: Math.round(scope.dbMs),
    db_calls: scope.dbCalls,
    ai_ms: Math.round(scope.aiMs),
    ai_calls: scope.aiCalls,
  });
});
