/**
 * Puts what a handler needs on `c.var`: settings (parsed once per isolate), the database and AI
 * clients (built once per isolate) and storage. Handlers use these rather than the bindings;
 * only the rate limits (src/lib/rate-limits.ts) and the scheduled handler read bindings directly.
 */
import { createMiddleware } from "hono/factory";
import { setMetric } from "hono/timing";
import type OpenAI from "openai";
import { createAiClient } from "../ai/client";
import type { AppEnv } from "../env";
import { createDatabase, type Database } from "./db";
import { log } from "./log";
import { newRequestScope, runInRequestScope } from "./request-scope";
import { readSettings, type Settings } from "./settings";

/**
 * Both clients are stateless (each query or call is its own fetch), so one per isolate and
 * settings object serves every request; settings change only with a new isolate.
 */
const clients = new WeakMap<Settings, { db: Database; ai: OpenAI | null }>();

function clientsFor(settings: Settings) {
  let entry = clients.get(settings);
  if (!entry) {
    entry = { db: createDatabase(settings.database), ai: createAiClient(settings.ai) };
    clients.set(settings, entry);
  }
  return entry;
}

export const requestContext = createMiddleware<AppEnv>(async (c, next) => {
  const settings = readSettings(c.env);
  const scope = newRequestScope(settings.database.timeoutMs);
  const { db, ai } = clientsFor(settings);
  c.set("settings", settings);
  c.set("scope", scope);
  c.set("db", db);
  c.set("ai", ai);
  c.set("storage", c.env.STORAGE);
  const started = performance.now();
  await runInRequestScope(scope, next);
  if (scope.dbCalls) setMetric(c, "db", scope.dbMs, `${scope.dbCalls} queries`);
  if (scope.aiCalls) setMetric(c, "ai", scope.aiMs, `${scope.aiCalls} calls`);
  if (settings.logLevel !== "debug" && settings.logLevel !== "info") return;
  // The path only: query strings can carry clinical text (GET /rag/diagnose?symptoms=...).
  log("info", "request", {
    request_id: c.get("requestId"),
    method: c.req.method,
    path: c.req.path,
    status: c.res.status,
    ms: Math.round(performance.now() - started),
    db_ms: Math.round(scope.dbMs),
    db_calls: scope.dbCalls,
    ai_ms: Math.round(scope.aiMs),
    ai_calls: scope.aiCalls,
  });
});
