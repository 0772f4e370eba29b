/**
 * The retention of discharged clients' records (docs/api.md §12): each clinician chooses how many
 * years a discharged client's record is kept (`users.client_retention_years`, default 7); the daily
 * Cron Trigger deletes the records past it. Deleting a client takes its notes, addenda, measures,
 * plan, goals and their history with it (the foreign keys cascade). Re-admitting a client clears
 * `discharged_at`, which stops the clock.
 */
import { and, eq, sql } from "drizzle-orm";
import { users } from "../../auth/auth.table";
import type { Database } from "../../lib/db";
import { clients } from "../workspace.table";

/** Deletes every discharged client whose discharge is older than its owner's retention at `now`; how many. */
export async function purgeExpiredClients(db: Database, now: Date): Promise<number> {
  const retention = sql`make_interval(years => (select ${users.clientRetentionYears} from ${users} where ${users.id} = ${clients.ownerId}))`;
  const result = await db
    .delete(clients)
    .where(and(eq(clients.status, "discharged"), sql`${clients.dischargedAt} < ${now.toISOString()}::timestamptz - ${retention}`));
  return result.rowCount ?? 0;
}
