/**
 * The demo accounts have a published password: the embedded database gets them, a Postgres
 * server given by URL only when asked. Driven through the app's own database code against the
 * local Neon (PGlite), as the seed step runs it.
 */
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "../../src/lib/db.ts";
import { readSettings } from "../../src/lib/settings.ts";
import { createBackend } from "../local-neon/backend.ts";
import { applyMigrations } from "../local-neon/migrations.ts";
import { type LocalNeon, startLocalNeon } from "../local-neon/server.ts";
import { seedDemoAccounts } from "./demo-users.ts";

let server: LocalNeon;

const DATABASES = ["demo_url_unasked", "demo_url_asked", "demo_embedded"];

beforeAll(async () => {
  server = await startLocalNeon({
    backend: createBackend({ onCreate: (pool) => applyMigrations(pool, path.resolve(import.meta.dirname, "../../migrations")) }),
  });
  // Creating and migrating a database is the slow part; done here, outside the tests' timeouts.
  for (const name of DATABASES) await database(name).execute(sql`select 1`);
}, 180_000);

afterAll(async () => {
  await server?.close();
});

function database(name: string) {
  return createDatabase(
    readSettings({
      DATABASE_URL: `postgres://neon:neon@localhost/${name}`,
      NEON_FETCH_ENDPOINT: `${server.url}/sql`,
      DB_TIMEOUT_MS: "60000",
    }).database,
  );
}

async function demoEmails(name: string): Promise<string[]> {
  const result = await database(name).execute(sql`select email from users where email like '%@demo.local' order by email`);
  return (result.rows as Array<{ email: string }>).map((row) => row.email).sort();
}

const DEMO_EMAILS = [
  "admin@demo.local",
  "psychiatrist@demo.local",
  "psychologist-au@demo.local",
  "student@demo.local",
  "therapist-gb@demo.local",
  "therapist@demo.local",
].sort();
const SERVER_URL = "postgres://app:secret@db.example.com:5432/therapy";

describe("seeding the demo accounts", () => {
  it("seeds nothing into a database given by URL without the explicit request", async () => {
    const result = await seedDemoAccounts(database("demo_url_unasked"), "Demo-Password-2026!", {
      databaseUrl: SERVER_URL,
      requested: false,
    });
    expect(result).toEqual({ seeded: false, users: [] });
    expect(await demoEmails("demo_url_unasked")).toEqual([]);
  });

  it("seeds a database given by URL when asked with the flag", async () => {
    const result = await seedDemoAccounts(database("demo_url_asked"), "Demo-Password-2026!", { databaseUrl: SERVER_URL, requested: true });
    expect(result.seeded).toBe(true);
    expect(await demoEmails("demo_url_asked")).toEqual(DEMO_EMAILS);
  });

  it("always seeds the embedded database", async () => {
    const result = await seedDemoAccounts(database("demo_embedded"), "Demo-Password-2026!", { requested: false });
    expect(result.users.map((user) => user.email).sort()).toEqual(DEMO_EMAILS);
    expect(await demoEmails("demo_embedded")).toEqual(DEMO_EMAILS);
  });
});
