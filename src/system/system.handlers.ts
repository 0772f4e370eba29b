import { sql } from "drizzle-orm";
import type { AppRouteHandler } from "../lib/openapi";
import type { health, index } from "./system.routes";

export const serviceIndex: AppRouteHandler<typeof index> = (c) =>
  c.json({ name: "Therapy Assistant API", version: c.var.settings.version, docs: "/docs", openapi: "/openapi.json" }, 200);

/** Rejects when `work` takes longer than `ms`, so a hung dependency cannot hang /health. */
function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), ms))]);
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
    withTimeout(storage.head("health/probe"), timeoutMs).then(
      () => "connected" as const,
      () => "unavailable" as const,
    ),
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
