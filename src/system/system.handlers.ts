import { sql } from "drizzle-orm";
import type { Database } from "../lib/db";
import type { AppRouteHandler } from "../lib/openapi";
import { sharedCheck } from "../lib/shared-check";
import type { health, index } from "./system.routes";

export const serviceIndex: AppRouteHandler<typeof index> = (c) =>
  c.json({ name: "Therapy Assistant API", version: c.var.settings.version, docs: "/docs", openapi: "/openapi.json" }, 200);

/** Rejects when `work` takes longer than `ms`, so a hung dependency cannot hang /health. */
function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), ms))]);
}

/** The database is checked by every poll: concurrent polls share one `select 1`, and nothing is reused after it settles. */
const databaseCheck = sharedCheck<Database>(0);
/**
 * Object storage: a success is reused for 10 s. Each check is a billed R2 operation and a
 * subrequest, and R2's availability does not hinge on this Worker's traffic; a failure is never
 * reused, so an outage is reported at most 10 s late and a recovery at once.
 */
const STORAGE_SUCCESS_REUSE_MS = 10_000;
const storageCheck = sharedCheck<R2Bucket>(STORAGE_SUCCESS_REUSE_MS);

export const healthCheck: AppRouteHandler<typeof health> = async (c) => {
  const { settings, db, storage } = c.var;
  const timeoutMs = settings.database.timeoutMs;
  const connected = (ok: boolean) => (ok ? ("connected" as const) : ("unavailable" as const));
  const [database, objectStorage] = await Promise.all([
    settings.database.url
      ? databaseCheck(db, () => withTimeout(db.execute(sql`select 1`), timeoutMs).then(() => true)).then(connected)
      : ("not_configured" as const),
    storageCheck(storage, () => withTimeout(storage.head("health/probe"), timeoutMs).then(() => true)).then(connected),
  ]);
  const auth = settings.jwtSecret ? ("configured" as const) : ("misconfigured" as const);
  const ok = database === "connected" && objectStorage === "connected" && auth === "configured";
  const body = {
    status: ok ? ("ok" as const) : ("degraded" as const),
    database,
    storage: objectStorage,
    ai: settings.ai.apiKey ? ("configured" as const) : ("offline" as const),
    auth,
    version: settings.version,
  };
  if (ok) return c.json(body, 200);
  c.header("Retry-After", "5");
  return c.json(body, 503);
};
