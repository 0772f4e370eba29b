/**
 * The audit service features call. Writes are deferred with `waitUntil` so they add no latency
 * to the response, and a write that fails is logged (identifiers only), never dropped silently.
 */
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { log } from "../lib/log";
import { auditEvents } from "./audit.schema";

export type AuditEvent = Omit<typeof auditEvents.$inferInsert, "id" | "createdAt" | "requestId">;

/** A UTF-16 surrogate without its pair: valid in a JS string, refused by Postgres in jsonb. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * jsonb cannot hold U+0000 or a lone surrogate, and either would make Postgres refuse the whole
 * event. A request that carried one is still recorded: NUL removed, a lone surrogate as U+FFFD.
 */
function storable(value: unknown): unknown {
  if (typeof value === "string") return value.replaceAll("\0", "").replace(LONE_SURROGATE, "\uFFFD");
  if (Array.isArray(value)) return value.map(storable);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [storable(key) as string, storable(item)]));
  return value;
}

/** The insert for an event, for callers that batch it with their own deferred writes. */
export function auditInsert(c: Context<AppEnv>, event: AuditEvent) {
  return c.var.db.insert(auditEvents).values({ ...event, detail: storable(event.detail), requestId: c.get("requestId") });
}

/** Runs deferred database work after the response; failures are logged with what was lost. */
export function defer(c: Context<AppEnv>, what: string, work: () => Promise<unknown>) {
  const requestId = c.get("requestId");
  const task = work().catch((error: unknown) => {
    log("error", "deferred write failed", { request_id: requestId, what, error: (error as Error)?.name ?? "Error" });
  });
  try {
    c.executionCtx.waitUntil(task);
  } catch {
    // No execution context (a direct app.request in a script): the task still runs to completion.
  }
}

export function audit(c: Context<AppEnv>, event: AuditEvent) {
  defer(c, `audit:${event.action}`, () => auditInsert(c, event));
}
