import { sql } from "drizzle-orm";
import type { AppRouteHandler } from "../lib/openapi";
import type { health, index } from "./system.routes";

export const serviceIndex: AppRouteHandler<typeof index> = (c) =>
  c.json({ name: "Therapy Assistant API", version: c.var.settings.version, docs: "/docs", openapi: "/openapi.json" }, 200);

/** Rejects when `work` takes longer than `ms`, so a hung dependency cannot hang /health. */
function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), ms))]);
}

/**
 * Object storage: a success is reused for 10 s per isolate and bucket. Each check is a billed R2
 * operation and a subrequest, and a monitor may poll many times a second; a failure is never
 * reused, so an outage shows at most 10 s late and a recovery at once. The database is checked by
 * every poll (one `select 1`): its outages are the ones that matter first. (Sharing one check in
 * flight between concurrent polls is not possible: workerd cancels a request that waits on
 * another request's I/O.)
 */
const STORAGE_SUCCESS_REUSE_MS = 10_000;
const storageOkUntil = new WeakMap<R2Bucket, number>();

async function storageReachable(storage: R2Bucket, timeoutMs: number): Promise<boolean> {
  if ((storageOkUntil.get(storage) ?? 0) > Date.now()) return true;
  const ok = await withTimeout(storage.head("health/probe"), timeoutMs).then(
    () => true,
    () => false,
  );
  if (ok) storageOkUntil.set(storage, Date.now() + STORAGE_SUCCESS_REUSE_MS);
  else storageOkUntil.delete(storage);
  return ok;
}

export const healthCheck: AppRouteHandler<typeof health> = async (c) => {
  const { settings, db, storage } = c.var;
  const timeoutMs = settings.database.timeoutMs;
  const [database, objectStorage] = await Promise.all([
    settings.database.url
      ? withTimeout(db.execute(sql`select 1`), timeoutMs).then(
          () => "connected" as const,
          () => "unavailable" as const,
        )
      : ("not_configured" as const),
    storageReachable(storage, timeoutMs).then((ok) => (ok ? ("connected" as const) : ("unavailable" as const))),
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
