/**
 * `npm run local-neon`: serve Neon's SQL-over-HTTP protocol on localhost.
 *
 *   --port N            (LOCAL_NEON_PORT, default 4444; 0 picks a free port)
 *   --data-dir DIR      PGlite data folder (default .local/neon), one sub-folder per database
 *   --memory            keep PGlite in memory (nothing persisted)
 *   --database-url URL  use this Postgres server instead of PGlite (LOCAL_NEON_DATABASE_URL)
 *   --pool-max N        connections per database to that server (LOCAL_NEON_POOL_MAX, default 10)
 *   --migrations DIR    migrations applied to each database on first use (default ./migrations)
 *   --verbose           one line per SQL request (database, statements, ms, status; never SQL)
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { createBackend } from "./backend.ts";
import { applyMigrations } from "./migrations.ts";
import { startLocalNeon } from "./server.ts";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.LOCAL_NEON_PORT ?? "4444" },
    "data-dir": { type: "string", default: ".local/neon" },
    memory: { type: "boolean", default: false },
    "database-url": { type: "string", default: process.env.LOCAL_NEON_DATABASE_URL },
    "pool-max": { type: "string", default: process.env.LOCAL_NEON_POOL_MAX },
    migrations: { type: "string", default: "migrations" },
    verbose: { type: "boolean", default: false },
  },
});

const migrationsFolder = path.resolve(values.migrations);
const neon = await startLocalNeon({
  port: Number(values.port),
  backend: createBackend({
    dataDir: values.memory ? undefined : path.resolve(values["data-dir"]),
    databaseUrl: values["database-url"],
    poolMax: values["pool-max"] === undefined ? undefined : Number(values["pool-max"]),
    onCreate: (pool) => applyMigrations(pool, migrationsFolder),
  }),
  onRequest: values.verbose ? (e) => console.log(JSON.stringify({ msg: "sql", ...e })) : undefined,
});
console.log(
  `local neon listening on ${neon.url} (driver endpoint ${neon.url}/sql; ${values["database-url"] ? "postgres server" : values.memory ? "PGlite in memory" : `PGlite in ${values["data-dir"]}`})`,
);

const stop = async () => {
  await neon.close();
  process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
