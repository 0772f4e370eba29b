/**
 * Keyset pagination on (created_at desc, id desc): `limit` 1–100 (default 20) and an opaque
 * `cursor` naming the last row of the previous page (shared/API.md §0).
 */
import { z } from "@hono/zod-openapi";
import { and, eq, lt, or, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { ProblemError } from "./problem";

// created_at columns have millisecond precision, so a cursor (a JS Date) names a row exactly.
export const paginationQuery = {
  limit: z.coerce.number().int().min(1).max(100).default(20).openapi({ description: "Page size, 1–100" }),
  cursor: z.string().max(200).optional().openapi({ description: "next_cursor of the previous page" }),
};

interface CursorKey {
  createdAt: Date;
  id: string;
}

/** A cursor this API did not issue: the same 400 on every paginated route. */
export const invalidCursor = () =>
  new ProblemError(400, { code: "validation_error", detail: "The cursor is not valid; use next_cursor from a previous page.", errors: [{ path: "query.cursor", message: "invalid cursor" }] });

function encodeCursor({ createdAt, id }: CursorKey): string {
  return btoa(JSON.stringify([createdAt.toISOString(), id])).replaceAll("=", "");
}

/** The row a cursor names; a cursor not made by encodeCursor is a 400 ({@link invalidCursor}). */
export function decodeCursor(cursor: string): CursorKey {
  let key: CursorKey | undefined;
  try {
    const [createdAt, id] = JSON.parse(atob(cursor)) as [string, string];
    const date = new Date(createdAt);
    if (!Number.isNaN(date.getTime()) && /^[0-9a-f-]{36}$/.test(id)) key = { createdAt: date, id };
  } catch {
    // Not base64 or not JSON: refused below.
  }
  if (!key) throw invalidCursor();
  return key;
}

export function afterCursor(key: CursorKey, createdAt: PgColumn, id: PgColumn): SQL {
  return or(lt(createdAt, key.createdAt), and(eq(createdAt, key.createdAt), lt(id, key.id)))!;
}

/** Trims the one extra row fetched to learn whether another page exists. */
export function page<T extends CursorKey>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]) : null };
}
