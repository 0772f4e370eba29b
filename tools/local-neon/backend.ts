/**
 * Where the local Neon endpoint sends SQL: embedded PGlite (default) or any Postgres server.
 *
 * PGlite runs each statement in this process through its own wire protocol (./pglite-runner.ts);
 * a Postgres server is reached with `pg`. Either way the values, type OIDs and error fields are
 * what a real Postgres server produces.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { vector } from "@electric-sql/pglite-pgvector";
import pg from "pg";
import { type BusyMeter, metered, pgliteRunner } from "./pglite-runner.ts";
import { pgRunner, type SqlRunner } from "./protocol.ts";

/** Values stay exactly as Postgres sent them (text), as Neon's `Neon-Raw-Text-Output` asks. */
const rawText = { getTypeParser: () => (value: string) => value };

export interface Backend {
  /** Runs SQL on the named database, created (and migrated, through `onCreate`) on first use. */
  database(name: string): Promise<SqlRunner>;
  /**
   * Lets a database go when nothing will use it again: an in-memory PGlite copy is closed and
   * forgotten (its memory freed; a later use starts a fresh copy), a data folder or a server
   * database keeps its data and only closes its connections.
   */
  release(name: string): Promise<void>;
  /**
   * Milliseconds spent executing statements since start, over every database: PGlite's time
   * holding its one session (planning and execution, in this process), a server's time per
   * statement on its connection (summed over connections, so it may exceed the wall clock).
   */
  busyMs(): number;
  close(): Promise<void>;
}

export interface BackendOptions {
  /** Folder for PGlite data (one sub-folder per database); absent: in memory. */
  dataDir?: string;
  /** A Postgres server URL; when set, PGlite is not used. */
  databaseUrl?: string;
  /** Runs once per database, when it is first used, e.g. to apply pending migrations. */
  onCreate?: (target: pg.Pool | PGlite, database: string) => Promise<void>;
  /**
   * Connections per database to a Postgres server (default: LOCAL_NEON_POOL_MAX, else 10). PGlite
   * is single-session and always gets one.
   */
  poolMax?: number;
}

const DEFAULT_POOL_MAX = 10;

/** The server pool size from a flag or LOCAL_NEON_POOL_MAX; a bad value stops the start-up with a clear message. */
export function poolMaxSetting(value: number | string | undefined): number {
  if (value === undefined || value === "") return DEFAULT_POOL_MAX;
  const max = Number(value);
  if (!Number.isInteger(max) || max < 1) throw new Error(`the local Neon's pool size must be a positive integer, not ${value}`);
  return max;
}

/** A plain Postgres identifier: database names are never quoted from user input beyond this. */
export const isDatabaseName = (name: string) => /^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name);

function assertDatabaseName(name: string): string {
  if (!isDatabaseName(name)) throw new Error(`invalid database name: ${name}`);
  return name;
}

export function createBackend(options: BackendOptions): Backend {
  return options.databaseUrl
    ? serverBackend(options.databaseUrl, options.onCreate, poolMaxSetting(options.poolMax ?? process.env.LOCAL_NEON_POOL_MAX))
    : pgliteBackend(options.dataDir, options.onCreate);
}

/** Memoises one async creation per key, so concurrent first requests share it. */
function perDatabase<T>(create: (name: string) => Promise<T>) {
  const made = new Map<string, Promise<T>>();
  return {
    get(name: string): Promise<T> {
      let entry = made.get(name);
      if (!entry) {
        entry = create(assertDatabaseName(name));
        entry.catch(() => made.delete(name));
        made.set(name, entry);
      }
      return entry;
    },
    values: () => [...made.values()],
    /** Forgets the entry, handing it back (if it was made) for the caller to close. */
    take(name: string): Promise<T> | undefined {
      const entry = made.get(name);
      made.delete(name);
      return entry;
    },
  };
}

function pgliteBackend(dataDir: string | undefined, onCreate: BackendOptions["onCreate"]): Backend {
  const newPglite = (dir?: string) => PGlite.create(dir, { extensions: { vector, pg_trgm } });
  // In memory, every database is a clone of one migrated template: ~0.5 s instead of ~2.5 s.
  let template: Promise<PGlite> | undefined;
  const migratedTemplate = () =>
    (template ??= (async () => {
      const db = await newPglite();
      await onCreate?.(db, "template");
      return db;
    })());

  const open = async (name: string) => {
    if (!dataDir) return (await (await migratedTemplate()).clone()) as PGlite;
    const dir = path.join(dataDir, name);
    await mkdir(dir, { recursive: true });
    const db = await newPglite(dir);
    await onCreate?.(db, name);
    return db;
  };
  const busy: BusyMeter = { ms: 0 };
  const instances = perDatabase(async (name) => {
    const db = await open(name);
    return { db, runner: await pgliteRunner(db, busy) };
  });
  return {
    database: async (name) => (await instances.get(name)).runner,
    busyMs: () => busy.ms,
    async release(name) {
      await (await instances.take(name)?.catch(() => undefined))?.db.close().catch(() => {});
    },
    async close() {
      for (const entry of instances.values()) await (await entry.catch(() => undefined))?.db.close().catch(() => {});
      await (await template?.catch(() => undefined))?.close().catch(() => {});
    },
  };
}

function serverBackend(databaseUrl: string, onCreate: BackendOptions["onCreate"], poolMax: number): Backend {
  const base = new URL(databaseUrl);
  const defaultName = base.pathname.slice(1) || "postgres";
  const pools = perDatabase(async (name) => {
    const url = new URL(base);
    url.pathname = `/${name}`;
    const pool = new pg.Pool({ connectionString: url.toString(), max: poolMax, types: rawText });
    pool.on("error", () => {});
    if (name !== defaultName) await createDatabaseIfMissing(base, name);
    // Also for a database that already existed: migrations applied since then are still pending.
    await onCreate?.(pool, name);
    return pool;
  });
  const busy: BusyMeter = { ms: 0 };
  return {
    database: async (name) => meteredRunner(pgRunner(await pools.get(name)), busy),
    busyMs: () => busy.ms,
    async release(name) {
      await (await pools.take(name)?.catch(() => undefined))?.end().catch(() => {});
    },
    async close() {
      for (const entry of pools.values()) await (await entry.catch(() => undefined))?.end().catch(() => {});
    },
  };
}

/** A server's statement time as the local Neon sees it (a pool wait included, when every connection is busy). */
function meteredRunner(runner: SqlRunner, busy: BusyMeter): SqlRunner {
  return {
    single: (query, arrayMode) => metered(busy, () => runner.single(query, arrayMode)),
    batch: (queries, options, arrayMode) => metered(busy, () => runner.batch(queries, options, arrayMode)),
  };
}

async function createDatabaseIfMissing(server: URL, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  try {
    const found = await admin.query("select 1 from pg_database where datname = $1", [name]);
    // A database name cannot be a bind parameter; assertDatabaseName restricts it to an identifier.
    if (!found.rowCount) await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
}
