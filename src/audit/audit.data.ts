/** Reading the audit trail (admin). */
import { and, desc, eq, gte, type SQL } from "drizzle-orm";
import type { Database } from "../lib/db";
import { afterCursor, decodeCursor } from "../lib/pagination";
import { type AuditEventRow, auditEvents } from "./audit.schema";

export interface AuditFilters {
  userId?: string;
  action?: string;
  since?: Date;
  cursor?: string;
  limit: number;
}

export async function listAuditEvents(db: Database, filters: AuditFilters): Promise<AuditEventRow[]> {
  const conditions: SQL[] = [];
  if (filters.userId) conditions.push(eq(auditEvents.userId, filters.userId));
  if (filters.action) conditions.push(eq(auditEvents.action, filters.action));
  if (filters.since) conditions.push(gte(auditEvents.createdAt, filters.since));
  if (filters.cursor) conditions.push(afterCursor(decodeCursor(filters.cursor), auditEvents.createdAt, auditEvents.id));
  return db.select().from(auditEvents).where(and(...conditions)).orderBy(desc(auditEvents.createdAt), desc(auditEvents.id)).limit(filters.limit + 1);
}
