/** Housekeeping of the single-use sign-in challenges (second factor, passkeys): they live minutes, so nothing needs them a day later. */
import { lt, sql } from "drizzle-orm";
import type { Database } from "../lib/db";
import { authChallenges } from "./auth.table";

/** Deletes challenges that expired more than a day before `now`; the number removed. */
export async function purgeExpiredChallenges(db: Database, now: Date): Promise<number> {
  const removed = await db
    .delete(authChallenges)
    .where(lt(authChallenges.expiresAt, sql`${new Date(now.getTime() - 86_400_000).toISOString()}::timestamptz`))
    .returning({ id: authChallenges.id });
  return removed.length;
}
