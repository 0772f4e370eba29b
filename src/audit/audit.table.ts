/** The audit trail: who did what to what, with what outcome, and for AI actions what it cost. */
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const auditEvents = pgTable(
  "audit_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** No foreign key: the trail outlives accounts, and failed logins name no user. */
    userId: uuid("user_id"),
    action: text().notNull(),
    target: text(),
    outcome: text({ enum: ["success", "failure", "denied"] }).notNull(),
    requestId: text("request_id"),
    latencyMs: integer("latency_ms"),
    model: text(),
    promptTokens: integer("prompt_tokens"),
    completionTokens: integer("completion_tokens"),
    /** Small non-clinical facts from an allow-list (audit-detail.ts): codes, counts, sizes, ids. */
    detail: jsonb(),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_events_created_idx").on(t.createdAt.desc(), t.id.desc()),
    index("audit_events_user_idx").on(t.userId, t.createdAt.desc()),
    index("audit_events_action_idx").on(t.action, t.createdAt.desc()),
    // Events about an account by someone else (`user:<id>`): found for its export and pseudonymised on its erasure.
    index("audit_events_target_idx").on(t.target),
  ],
);

export type AuditEventRow = typeof auditEvents.$inferSelect;
