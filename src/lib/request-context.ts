/**
 * Puts what a handler needs on `c.var`: settings (parsed once per isolate), the database and AI
 * clients (built once per isolate) and storage. Handlers use these rather than the bindings;
 * only the rate limits (src/lib/rate-limits.ts) and the scheduled handler read bindings directly.
 */
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type OpenAI from "openai";
import { createAiClient } from "../ai/client";
import type { AppEnv } from "../env";
import { createDatabase, type Database } from "./db";
import { newRequestScope, type RequestScope, runInRequestScope } from "./request-scope";
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

/** Sets the request's variables; the returned scope collects its database and AI timings (run the request inside it). */
export function enterRequestContext(c: Context<AppEnv>, settings: Settings): RequestScope {
  const scope = newRequestScope(settings.database.timeoutMs);
  const { db, ai } = clientsFor(settings);
  c.set("settings", settings);
  c.set("scope", scope);
  c.set("db", db);
  c.set("ai", ai);
  c.set("storage", c.env.STORAGE);
  return scope;
}

/** The context alone, as middleware, for an app that does not need the other conventions (tests compose such apps). */
export const requestContext = createMiddleware<AppEnv>(async (c, next) => {
  await runInRequestScope(enterRequestContext(c, readSettings(c.env)), next);
});
