/** Reading the audit trail (admin) and purging it past its retention (the daily Cron Trigger). */
import { and, desc, eq, gte, like, lt, ne, or, type SQL, sql } from "drizzle-orm";
import type { Database } from "../lib/db";
import { afterCursor, decodeKeysetCursor } from "../lib/pagination";
import { type AuditEventRow, auditEvents } from "./audit.table";
import { ERASURE_KEPT_DETAIL } from "./audit-detail";

export interface AuditFilters {
  userId?: string;
  action?: string;
  since?: Date;
  cursor?: string;
  limit: number;
}

/** The name in this list's cursors, so they are refused by other lists. */
export const AUDIT_LIST = "audit";

export async function listAuditEvents(db: Database, filters: AuditFilters): Promise<AuditEventRow[]> {
  const conditions: SQL[] = [];
  if (filters.userId) conditions.push(eq(auditEvents.userId, filters.userId));
  if (filters.action) conditions.push(eq(auditEvents.action, filters.action));
  if (filters.since) conditions.push(gte(auditEvents.createdAt, filters.since));
  if (filters.cursor) conditions.push(afterCursor(decodeKeysetCursor(AUDIT_LIST, filters.cursor), auditEvents.createdAt, auditEvents.id));
  return db
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(filters.limit + 1);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Deletes the events older than the retention period; returns how many were removed. */
export async function purgeAuditEvents(db: Database, now: Date, retentionDays: number): Promise<number> {
  const result = await db.delete(auditEvents).where(lt(auditEvents.createdAt, new Date(now.getTime() - retentionDays * DAY_MS)));
  return result.rowCount ?? 0;
}

/** Events an account made, and events others made about it (`user:<id>`, e.g. an admin's change). */
const aboutAccount = (userId: string) => or(eq(auditEvents.userId, userId), eq(auditEvents.target, `user:${userId}`))!;

/** The name in the account's own list's cursors (its export, its audit-event pages). */
export const ACCOUNT_AUDIT_LIST = "my-audit";

/** One page (newest first, one extra row to tell whether more follow) of the events about an account. */
export function accountAuditEventsStatement(db: Database, userId: string, limit: number, cursor?: string) {
  const after = cursor ? afterCursor(decodeKeysetCursor(ACCOUNT_AUDIT_LIST, cursor), auditEvents.createdAt, auditEvents.id) : undefined;
  return db
    .select()
    .from(auditEvents)
    .where(and(aboutAccount(userId), after))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(limit + 1);
}

/**
 * On an account's erasure: its events (and others' events about it) get the pseudonym in place of
 * its id, in `user_id` and in a `user:<id>` target. Their detail keeps only its impersonal part,
 * except on the account's own actions on another account (an admin verifying or deactivating
 * someone): that detail is about the other person, and the record of what was done to them is
 * kept whole, with the pseudonym as the one who did it (docs/privacy.md gives the reasons).
 */
export function pseudonymiseAuditEvents(db: Database, userId: string, pseudonym: string) {
  const kept = sql.join(
    ERASURE_KEPT_DETAIL.map((key) => sql`${key}`),
    sql`, `,
  );
  const onAnotherAccount = and(
    eq(auditEvents.userId, userId),
    like(auditEvents.target, "user:%"),
    ne(auditEvents.target, `user:${userId}`),
  );
  return db
    .update(auditEvents)
    .set({
      userId: sql`case when ${auditEvents.userId} = ${userId} then ${pseudonym}::uuid else ${auditEvents.userId} end`,
      target: sql`case when ${auditEvents.target} = ${`user:${userId}`} then ${`user:${pseudonym}`} else ${auditEvents.target} end`,
      detail: sql`case when ${onAnotherAccount} then ${auditEvents.detail}
        else (select jsonb_object_agg(key, value) from jsonb_each(${auditEvents.detail}) where key = any(array[${kept}]::text[])) end`,
    })
    .where(aboutAccount(userId));
}
