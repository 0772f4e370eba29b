/** Applies the project's drizzle-kit migrations to a database the local Neon serves. */
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import type pg from "pg";

export async function applyMigrations(pool: pg.Pool, migrationsFolder: string): Promise<void> {
  await migrate(drizzle(pool), { migrationsFolder });
}
