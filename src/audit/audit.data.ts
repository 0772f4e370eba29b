/** Reading the audit trail (admin) and purging it past its retention (the daily Cron Trigger). */
import { and, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import type { Database } from "../lib/db";
import { afterCursor, decodeKeysetCursor } from "../lib/pagination";
import { type AuditEventRow, auditEvents } from "./audit.table";

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
