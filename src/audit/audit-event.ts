/** An audit event as the API shows it (the admin's trail, a user's own export). */
import { z } from "@hono/zod-openapi";
import type { AuditEventRow } from "./audit.table";
import { readableDetail } from "./audit-detail";

export const AuditEventSchema = z
  .object({
    id: z.uuid(),
    user_id: z.uuid().nullable(),
    action: z.string(),
    target: z.string().nullable(),
    outcome: z.enum(["success", "failure", "denied"]),
    request_id: z.string().nullable(),
    latency_ms: z.number().int().nullable(),
    model: z.string().nullable(),
    prompt_tokens: z.number().int().nullable(),
    completion_tokens: z.number().int().nullable(),
    detail: z.unknown().nullable(),
    created_at: z.string(),
  })
  .openapi("AuditEvent");

export function toAuditEvent(row: AuditEventRow) {
  return {
    id: row.id,
    user_id: row.userId,
    action: row.action,
    target: row.target,
    outcome: row.outcome,
    request_id: row.requestId,
    latency_ms: row.latencyMs,
    model: row.model,
    prompt_tokens: row.promptTokens,
    completion_tokens: row.completionTokens,
    detail: readableDetail(row.detail),
    created_at: row.createdAt.toISOString(),
  };
}
