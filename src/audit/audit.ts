/**
 * The audit service features call. Writes are deferred with `waitUntil` so they add no latency
 * to the response, and a write that fails is logged (identifiers only), never dropped silently.
 */
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { log } from "../lib/log";
import { auditEvents } from "./audit.table";
import { type AuditDetail, storableDetail } from "./audit-detail";

/** An event as callers give it; `detail` only takes the allow-listed, non-clinical facts. */
export type AuditEvent = Omit<typeof auditEvents.$inferInsert, "id" | "createdAt" | "requestId" | "detail"> & { detail?: AuditDetail };

/** The insert for an event, for callers that batch it with their own deferred writes. */
export function auditInsert<E extends AppEnv>(c: Context<E>, event: AuditEvent) {
  const { detail, refused } = storableDetail(event.detail);
  // A caller broke the allow-list: the event is still recorded, without its detail.
  if (refused) log("error", "audit detail refused", { request_id: c.get("requestId"), action: event.action, keys: refused });
  return c.var.db.insert(auditEvents).values({ ...event, detail, requestId: c.get("requestId") });
}

/** Runs deferred database work after the response; failures are logged with what was lost. */
export function defer<E extends AppEnv>(c: Context<E>, what: string, work: () => Promise<unknown>) {
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

export function audit<E extends AppEnv>(c: Context<E>, event: AuditEvent) {
  defer(c, `audit:${event.action}`, () => auditInsert(c, event));
}
