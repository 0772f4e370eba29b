/**
 * Key rotation: re-seals, in batches, every workspace row still under an older key, so the old
 * key can be removed from `DATA_ENCRYPTION_PREVIOUS_KEYS` (docs/encryption.md). Each row is
 * opened with the keyring and sealed under the current key; the update only lands while the row
 * still names the key it was read under, so a clinician's write in between is never overwritten
 * by the older text.
 */
import { and, count, eq, getTableColumns, ne } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Database } from "../../lib/db";
import { type Keyring, open, seal, sealContext } from "./field-cipher";
import { SEALED_COLUMNS, type SealedColumn } from "./sealed-columns";

interface ResealProgress {
  resealed: number;
  /** Rows still under another key after this batch. */
  remaining: number;
}

/** The table property a column is set through (drizzle's `set` takes property names, not column names). */
function propertyOf(entry: SealedColumn, column: AnyPgColumn): string {
  const found = Object.entries(getTableColumns(entry.table)).find(([, candidate]) => candidate === column);
  if (!found) throw new Error(`column ${column.name} is not in ${entry.tableName}`);
  return found[0];
}

/** Re-seals one table's rows (at most `limit`); how many were re-sealed. */
async function resealTable(db: Database, keyring: Keyring, entry: SealedColumn, limit: number): Promise<number> {
  const currentId = keyring.current.id;
  const selection: Record<string, AnyPgColumn> = { id: entry.id, keyId: entry.keyId };
  entry.columns.forEach((column, index) => {
    selection[`sealed${index}`] = column.sealed;
  });
  const rows = (await db.select(selection).from(entry.table).where(ne(entry.keyId, currentId)).orderBy(entry.id).limit(limit)) as Record<
    string,
    string | null
  >[];
  if (!rows.length) return 0;
  const resealed = await Promise.all(
    rows.map(async (row) => {
      const id = row.id as string;
      const changes: Record<string, string | null> = { [propertyOf(entry, entry.keyId)]: currentId };
      for (const [index, column] of entry.columns.entries()) {
        const envelope = row[`sealed${index}`];
        if (envelope == null) continue;
        const context = sealContext(entry.tableName, id, column.field);
        changes[propertyOf(entry, column.sealed)] = await seal(keyring, await open(keyring, envelope, context), context);
      }
      return { id, oldKeyId: row.keyId as string, changes };
    }),
  );
  // Built outside the async callbacks: a query builder is thenable, and returning it from one would run it.
  const updates = resealed.map(({ id, oldKeyId, changes }) =>
    db
      .update(entry.table)
      .set(changes)
      .where(and(eq(entry.id, id), eq(entry.keyId, oldKeyId)))
      .returning({ id: entry.id }),
  );
  // One round trip (and one transaction) for the batch's updates.
  const results = (await db.batch(updates as unknown as [BatchItem<"pg">, ...BatchItem<"pg">[]])) as readonly unknown[][];
  return results.filter((updated) => updated.length > 0).length;
}

/** How many rows, in every sealed table, are not yet under the current key. */
async function rowsUnderOldKeys(db: Database, keyring: Keyring): Promise<number> {
  const counts = await Promise.all(
    SEALED_COLUMNS.map(async (entry) => {
      const [row] = await db.select({ rows: count() }).from(entry.table).where(ne(entry.keyId, keyring.current.id));
      return row?.rows ?? 0;
    }),
  );
  return counts.reduce((sum, rows) => sum + rows, 0);
}

/** Re-seals up to `batchSize` rows under the current key, table by table. */
export async function resealBatch(db: Database, keyring: Keyring, batchSize: number): Promise<ResealProgress> {
  let resealed = 0;
  for (const entry of SEALED_COLUMNS) {
    if (resealed >= batchSize) break;
    resealed += await resealTable(db, keyring, entry, batchSize - resealed);
  }
  return { resealed, remaining: await rowsUnderOldKeys(db, keyring) };
}
