/**
 * The database client: drizzle over Neon's SQL-over-HTTP driver, one `fetch` per query.
 *
 * `NEON_FETCH_ENDPOINT` points the driver at the embedded local Neon (tools/local-neon) in
 * development and tests; unset, the driver talks to real Neon at the connection string's host.
 */
import { neon, neonConfig } from "@neondatabase/serverless";
import { drizzle } from "drizzle-orm/neon-http";
import { causeChain } from "./cause-chain";
import { ProblemError } from "./problem";
import { currentRequestScope, timed } from "./request-scope";
import type { Settings } from "./settings";

export type Database = ReturnType<typeof connect>;

const neonDefaultEndpoint = neonConfig.fetchEndpoint;
/** For queries outside a request (scripts, the seed step): the last configured database timeout. */
let timeoutOutsideRequests = 5_000;

/**
 * The driver reads its endpoint and fetch function from module-wide config. Bindings are the same
 * for every request of an isolate, so setting them from the request's settings is deterministic.
 */
function configureDriver({ fetchEndpoint, timeoutMs }: Settings["database"]) {
  neonConfig.fetchEndpoint = fetchEndpoint ?? neonDefaultEndpoint;
  timeoutOutsideRequests = timeoutMs;
  neonConfig.fetchFunction = databaseFetch;
}

/** Every query gets the request's timeout, and its time is counted for `Server-Timing: db`. */
function databaseFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const timeoutMs = currentRequestScope()?.dbTimeoutMs ?? timeoutOutsideRequests;
  const signal = init?.signal ? AbortSignal.any([init.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs);
  return timed("db", () => fetch(input, { ...init, signal }));
}

// No `schema`: the app uses the SQL-like query builder only, and building drizzle's relational
// metadata for every client would cost each request for nothing.
function connect(url: string) {
  return drizzle({ client: neon(url) });
}

/**
 * Builds the request's database handle. Without `DATABASE_URL` every use answers 503
 * `server_misconfigured` instead of crashing the Worker.
 */
export function createDatabase(settings: Settings["database"]): Database {
  if (!settings.url) return unconfigured();
  configureDriver(settings);
  return connect(settings.url);
}

function unconfigured(): Database {
  return new Proxy({} as Database, {
    get() {
      throw new ProblemError(503, { code: "server_misconfigured", detail: "The database is not configured (DATABASE_URL is missing)." });
    },
  });
}

/**
 * True for failures to reach the database (refused, reset, timed out, a 5xx from the endpoint),
 * as opposed to an error Postgres reported for a statement. The driver wraps a failed or timed-out
 * fetch in a NeonDbError with `sourceError`, so a timeout elsewhere (another upstream) is not
 * mistaken for the database's.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const current of causeChain(error)) {
    if (current.name === "NeonDbError") {
      return (
        typeof current.code !== "string" || current.sourceError !== undefined || /^Server error \(HTTP status 5/.test(current.message ?? "")
      );
    }
  }
  return false;
}

/** The Postgres error (SQLSTATE `code`, `constraint`) anywhere in the cause chain, if any. */
export function postgresError(error: unknown): { code: string; constraint?: string } | undefined {
  for (const current of causeChain(error)) {
    if (current.name === "NeonDbError" && typeof current.code === "string") return { code: current.code, constraint: current.constraint };
  }
  return undefined;
}

/** The constraint a unique violation (23505) hit, or undefined for any other error. */
export function uniqueViolation(error: unknown): string | undefined {
  const pgError = postgresError(error);
  return pgError?.code === "23505" ? (pgError.constraint ?? "unique") : undefined;
}
