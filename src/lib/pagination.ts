/**
 * Pagination for every list: `limit` 1–100 (default 20) and an opaque `cursor` naming the last
 * item of the previous page. Database lists page by keyset on (created_at desc, id desc);
 * in-memory lists (cases, read from one R2 object) page by a string key in ascending order.
 */
import { z } from "@hono/zod-openapi";
import { and, eq, lt, or, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { ProblemError } from "./problem";

export const paginationQuery = {
  limit: z.coerce.number().int().min(1).max(100).default(20).openapi({ description: "Page size, 1–100" }),
  cursor: z.string().max(200).optional().openapi({ description: "next_cursor of the previous page" }),
};

interface CursorKey {
  createdAt: Date;
  id: string;
}

/** A cursor this API did not issue (edited, forged, from another list): the same 400 on every list. */
const invalidCursor = () =>
  new ProblemError(400, {
    code: "invalid_cursor",
    detail: "The cursor is not valid for this list; use next_cursor from a previous page of it.",
    errors: [{ path: "query.cursor", message: "invalid cursor" }],
  });

/**
 * Every list's cursor is base64 of a JSON array that starts with the list's name, so a cursor
 * from one list is refused by another, and the rest must match the list's own key shape.
 */
function encodeCursor(list: string, key: readonly string[]): string {
  return btoa(JSON.stringify([list, ...key])).replaceAll("=", "");
}

/** The key a cursor names, checked against `key` (a zod tuple); anything else is {@link invalidCursor}. */
function decodeCursor<T extends readonly string[]>(list: string, cursor: string, key: z.ZodType<T>): T {
  let parts: unknown;
  try {
    parts = JSON.parse(atob(cursor));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(parts) || parts[0] !== list) throw invalidCursor();
  const parsed = key.safeParse(parts.slice(1));
  if (!parsed.success) throw invalidCursor();
  return parsed.data;
}

// created_at columns have millisecond precision, so a cursor (a JS Date) names a row exactly.
const KeysetKey = z.tuple([z.iso.datetime(), z.uuid()]);

/** The row a keyset cursor of `list` names. */
export function decodeKeysetCursor(list: string, cursor: string): CursorKey {
  const [createdAt, id] = decodeCursor(list, cursor, KeysetKey);
  return { createdAt: new Date(createdAt), id };
}

export function afterCursor(key: CursorKey, createdAt: PgColumn, id: PgColumn): SQL {
  return or(lt(createdAt, key.createdAt), and(eq(createdAt, key.createdAt), lt(id, key.id)))!;
}

/** Trims the one extra row fetched to learn whether another page exists. */
export function page<T extends CursorKey>(list: string, rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit ? encodeCursor(list, [last.createdAt.toISOString(), last.id]) : null };
}

const StringKey = z.tuple([z.string().min(1).max(200)]);

/** A page of an in-memory list sorted by `keyOf` ascending (code-point order), after the item the cursor names. */
export function pageByKey<T>(
  list: string,
  items: T[],
  keyOf: (item: T) => string,
  limit: number,
  cursor: string | undefined,
  key: z.ZodType<readonly [string]> = StringKey,
): { items: T[]; nextCursor: string | null } {
  const after = cursor ? decodeCursor(list, cursor, key)[0] : null;
  const remaining = after === null ? items : items.filter((item) => keyOf(item) > after);
  const pageItems = remaining.slice(0, limit);
  const last = pageItems[pageItems.length - 1];
  return { items: pageItems, nextCursor: remaining.length > limit ? encodeCursor(list, [keyOf(last)]) : null };
}
