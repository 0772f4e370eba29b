/**
 * Neon's SQL-over-HTTP protocol, as `@neondatabase/serverless` speaks it; statements run with `pg`
 * on a Postgres server (here) or on PGlite directly (./pglite-runner.ts).
 *
 * Request: `POST /sql`, `Neon-Connection-String` names the database, body `{query, params}` or
 * `{queries: [{query, params}, ...]}`. A batch is one transaction, shaped by the
 * `Neon-Batch-Isolation-Level`, `Neon-Batch-Read-Only` and `Neon-Batch-Deferrable` headers.
 * Values travel as Postgres text with the real type OIDs; errors are HTTP 400 carrying
 * Postgres's error fields.
 */
import type pg from "pg";

export interface SqlQuery {
  query: string;
  params?: unknown[];
}

export interface BatchOptions {
  isolationLevel?: string;
  readOnly?: boolean;
  deferrable?: boolean;
}

export interface QueryResultBody {
  /** Null when the statement completed without a command tag (an empty query). */
  command: string | null;
  rowCount: number | null;
  rows: unknown[];
  fields: Array<Pick<pg.FieldDef, "name" | "tableID" | "columnID" | "dataTypeID" | "dataTypeSize" | "dataTypeModifier" | "format">>;
  rowAsArray: boolean;
}

/** Runs the statements of one request on one database. */
export interface SqlRunner {
  single(query: SqlQuery, arrayMode: boolean): Promise<QueryResultBody>;
  /** One transaction shaped by `options`, rolled back when a statement fails. */
  batch(queries: SqlQuery[], options: BatchOptions, arrayMode: boolean): Promise<{ results: QueryResultBody[] }>;
}

/** Postgres error fields the driver copies onto `NeonDbError`. */
const ERROR_FIELDS = [
  "severity",
  "code",
  "detail",
  "hint",
  "position",
  "internalPosition",
  "internalQuery",
  "where",
  "schema",
  "table",
  "column",
  "dataType",
  "constraint",
  "file",
  "line",
  "routine",
] as const;

const ISOLATION_LEVELS: Record<string, string> = {
  ReadUncommitted: "READ UNCOMMITTED",
  ReadCommitted: "READ COMMITTED",
  RepeatableRead: "REPEATABLE READ",
  Serializable: "SERIALIZABLE",
};

/** A request the protocol rejects before any SQL runs (answered as HTTP 400). */
export class ProtocolError extends Error {}

export function parseSqlBody(body: unknown): SqlQuery | SqlQuery[] {
  if (body && typeof body === "object" && "queries" in body) {
    const { queries } = body as { queries: unknown };
    if (!Array.isArray(queries)) throw new ProtocolError("queries must be an array");
    return queries.map(parseOne);
  }
  return parseOne(body);
}

function parseOne(body: unknown): SqlQuery {
  if (!body || typeof body !== "object") throw new ProtocolError("body must be a JSON object");
  const { query, params } = body as Record<string, unknown>;
  if (typeof query !== "string") throw new ProtocolError("query must be a string");
  if (params !== undefined && !Array.isArray(params)) throw new ProtocolError("params must be an array");
  return { query, params: params ?? [] };
}

export function batchOptionsFrom(headers: Record<string, string | string[] | undefined>): BatchOptions {
  const header = (name: string) => {
    const value = headers[name.toLowerCase()];
    return Array.isArray(value) ? value[0] : value;
  };
  const isolation = header("Neon-Batch-Isolation-Level");
  if (isolation !== undefined && !(isolation in ISOLATION_LEVELS)) {
    throw new ProtocolError(`unknown isolation level: ${isolation}`);
  }
  const flag = (name: string) => {
    const value = header(name);
    return value === undefined ? undefined : value === "true";
  };
  return { isolationLevel: isolation, readOnly: flag("Neon-Batch-Read-Only"), deferrable: flag("Neon-Batch-Deferrable") };
}

export function beginStatement({ isolationLevel, readOnly, deferrable }: BatchOptions): string {
  const modes: string[] = [];
  if (isolationLevel) modes.push(`ISOLATION LEVEL ${ISOLATION_LEVELS[isolationLevel]}`);
  if (readOnly !== undefined) modes.push(readOnly ? "READ ONLY" : "READ WRITE");
  if (deferrable !== undefined) modes.push(deferrable ? "DEFERRABLE" : "NOT DEFERRABLE");
  return ["BEGIN", modes.join(", ")].filter(Boolean).join(" ");
}

type Queryable = Pick<pg.PoolClient, "query">;

export const pgRunner = (pool: pg.Pool): SqlRunner => ({
  single: (query, arrayMode) => runSingle(pool, query, arrayMode),
  batch: (queries, options, arrayMode) => runBatch(pool, queries, options, arrayMode),
});

/**
 * One statement on a checked-out connection. `pool.query` would discard the connection after any
 * error, so a failed statement (a unique violation, say) would cost a reconnection; only a broken
 * connection is discarded here.
 */
async function runSingle(pool: pg.Pool, query: SqlQuery, arrayMode: boolean): Promise<QueryResultBody> {
  const client = await pool.connect();
  let broken = false;
  try {
    return await runQuery(client, query, arrayMode);
  } catch (error) {
    broken = !isPostgresError(error);
    throw error;
  } finally {
    client.release(broken);
  }
}

async function runQuery(client: Queryable, { query, params }: SqlQuery, arrayMode: boolean): Promise<QueryResultBody> {
  // Extended protocol always, as Neon uses: several statements in one query are an error there too.
  const result = await client.query({
    text: query,
    values: params ?? [],
    rowMode: arrayMode ? "array" : undefined,
    queryMode: "extended",
  } as pg.QueryConfig);
  return {
    command: result.command,
    rowCount: result.rowCount,
    rows: result.rows,
    fields: result.fields.map(({ name, tableID, columnID, dataTypeID, dataTypeSize, dataTypeModifier, format }) => ({
      name,
      tableID,
      columnID,
      dataTypeID,
      dataTypeSize,
      dataTypeModifier,
      format,
    })),
    rowAsArray: arrayMode,
  };
}

async function runBatch(pool: pg.Pool, queries: SqlQuery[], options: BatchOptions, arrayMode: boolean) {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query(beginStatement(options));
    try {
      const results: QueryResultBody[] = [];
      for (const query of queries) results.push(await runQuery(client, query, arrayMode));
      await client.query("COMMIT");
      return { results };
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {
        broken = true;
      });
      if (!isPostgresError(error)) broken = true;
      throw error;
    }
  } finally {
    client.release(broken);
  }
}

/** The HTTP 400 body Neon sends for a Postgres error. */
export function errorBody(error: unknown): Record<string, unknown> {
  const source = (error ?? {}) as Record<string, unknown>;
  const body: Record<string, unknown> = { message: error instanceof Error ? error.message : String(error) };
  for (const field of ERROR_FIELDS) if (source[field] !== undefined) body[field] = source[field];
  return body;
}

/** Postgres errors carry a SQLSTATE; anything else (a dropped connection) is the server's fault. */
export function isPostgresError(error: unknown): boolean {
  return typeof (error as { code?: unknown })?.code === "string" && /^[0-9A-Z]{5}$/.test((error as { code: string }).code);
}
