/** Applies the project's drizzle-kit migrations to a database the local Neon serves. */
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type pg from "pg";

export async function applyMigrations(target: pg.Pool | PGlite, migrationsFolder: string): Promise<void> {
  if (target instanceof PGlite) await migratePglite(drizzlePglite(target), { migrationsFolder });
  else await migrate(drizzle(target), { migrationsFolder });
}
