/**
 * Neon's SQL-over-HTTP statements executed on PGlite directly.
 *
 * Each statement goes in as the extended-protocol messages `pg` used to send over a socket (Parse,
 * Bind with text parameters, Describe, Execute, Sync), serialized by PGlite's own protocol module
 * and handed to `execProtocol`; the answer is built from the RowDescription, DataRow,
 * CommandComplete and ErrorResponse messages that come back, so the Worker sees the same bytes as
 * before. Why not `pg` through `@electric-sql/pglite-socket`: that path encoded and decoded every
 * statement twice and crossed TCP loopback, ~1–2 ms of the local Neon's CPU per account check
 * and ~0.5–1 ms per `select 1`, in the process that also runs PGlite and competes with the Worker
 * for the machine's cores.
 */
import { messages, type PGlite, protocol } from "@electric-sql/pglite";
import { type BatchOptions, beginStatement, type QueryResultBody, type SqlQuery, type SqlRunner } from "./protocol.ts";
import { StatementCache } from "./statement-cache.ts";

const { serialize } = protocol;

/** `CommandComplete` tags as `pg` read them: the first word is the command, the last number the row count. */
const COMMAND_TAG = /^([A-Za-z]+)(?: (\d+))?(?: (\d+))?/;

/** Plans made per execution from the parameters' values, as for an unnamed statement (see ./statement-cache.ts). */
const CUSTOM_PLANS = "set plan_cache_mode = force_custom_plan";

interface Session {
  db: PGlite;
  statements: StatementCache;
}

/** Milliseconds the backend spent executing statements, added to by every runner that shares it. */
export interface BusyMeter {
  ms: number;
}

/** Runs `work`, adding its wall time to `busy`. */
export async function metered<T>(busy: BusyMeter, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    busy.ms += performance.now() - started;
  }
}

/**
 * One per PGlite instance: it holds the statements parsed in that instance. `busy` gets the time
 * each request holds PGlite's lock (planning and execution of its statements; in-process WASM, so
 * this wall time is the process's CPU), not the time it waited for the lock behind others.
 */
export async function pgliteRunner(db: PGlite, busy: BusyMeter = { ms: 0 }): Promise<SqlRunner> {
  const session: Session = { db, statements: new StatementCache() };
  // PGlite is one session and `execProtocol` takes none of its locks: holding its query lock keeps
  // a batch's BEGIN..COMMIT from interleaving with other requests' statements.
  await db.runExclusive(() => exchange(db, serialize.query(CUSTOM_PLANS)));
  return {
    single: (query, arrayMode) => db.runExclusive(() => metered(busy, () => execute(session, query, arrayMode))),
    batch: (queries, options, arrayMode) => db.runExclusive(() => metered(busy, () => executeBatch(session, queries, options, arrayMode))),
  };
}

async function executeBatch(session: Session, queries: SqlQuery[], options: BatchOptions, arrayMode: boolean) {
  const { db } = session;
  await exchange(db, serialize.query(beginStatement(options)));
  try {
    const results: QueryResultBody[] = [];
    for (const query of queries) results.push(await execute(session, query, arrayMode));
    await exchange(db, serialize.query("COMMIT"));
    return { results };
  } catch (error) {
    await exchange(db, serialize.query("ROLLBACK")).catch(() => {});
    throw error;
  }
}

/** One statement through the extended protocol, as Neon runs it: several commands in one query are an error. */
async function execute({ db, statements }: Session, { query, params = [] }: SqlQuery, arrayMode: boolean): Promise<QueryResultBody> {
  const use = statements.use(query, params.length);
  const request = Buffer.concat([
    ...(use.parse ? [serialize.parse({ name: use.name, text: query })] : []),
    serialize.bind({ statement: use.name, values: params.map(textParameter) }),
    serialize.describe({ type: "P" }),
    serialize.execute(),
    serialize.sync(),
  ]);
  const { answer, failure } = await send(db, request);
  statements.settle(query, params.length, use, { parsed: answer.some(({ name }) => name === "parseComplete"), ran: !failure });
  if (failure) throw failure;
  const body = resultBody(answer, arrayMode);
  const stale = statements.invalidatedBy(body.command);
  if (stale) {
    // Closes the forgotten names and restores custom plans, which RESET or DISCARD may have undone.
    const closes = stale.map((name) => serialize.close({ type: "S", name }));
    await exchange(db, Buffer.concat([...closes, serialize.sync(), serialize.query(CUSTOM_PLANS)]));
  }
  return body;
}

async function send(db: PGlite, request: Uint8Array) {
  const { messages: answer } = await db.execProtocol(request, { throwOnError: false });
  const failure = answer.find((message) => message instanceof messages.DatabaseError);
  return { answer, failure };
}

/** The backend's answer; an ErrorResponse is thrown as the Postgres error it is (HTTP 400 with its fields). */
async function exchange(db: PGlite, request: Uint8Array) {
  const { answer, failure } = await send(db, request);
  if (failure) throw failure;
  return answer;
}

function resultBody(answer: Awaited<ReturnType<typeof exchange>>, arrayMode: boolean): QueryResultBody {
  const body: QueryResultBody = { command: null, rowCount: null, rows: [], fields: [], rowAsArray: arrayMode };
  for (const message of answer) {
    if (message instanceof messages.RowDescriptionMessage) {
      body.fields = message.fields.map(({ name, tableID, columnID, dataTypeID, dataTypeSize, dataTypeModifier }) => ({
        name,
        tableID,
        columnID,
        dataTypeID,
        dataTypeSize,
        dataTypeModifier,
        // Bind asks for no binary result columns, so every value is text.
        format: "text",
      }));
    } else if (message instanceof messages.DataRowMessage) {
      body.rows.push(arrayMode ? message.fields : rowObject(body.fields, message.fields));
    } else if (message instanceof messages.CommandCompleteMessage) {
      const [, command, first, second] = COMMAND_TAG.exec(message.text) ?? [];
      body.command = command ?? null;
      const count = second ?? first;
      body.rowCount = count === undefined ? null : Number(count);
    }
  }
  return body;
}

/** Columns by name; with a repeated name the last column wins, as with `pg`. */
function rowObject(fields: QueryResultBody["fields"], values: (string | null)[]): Record<string, string | null> {
  const row: Record<string, string | null> = {};
  fields.forEach((field, index) => {
    row[field.name] = values[index];
  });
  return row;
}

/**
 * A JSON parameter as Postgres text, as `pg` prepared it before (and Neon's proxy does): strings
 * unchanged, numbers and booleans as written, arrays as array literals, objects as JSON.
 */
function textParameter(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return arrayLiteral(value);
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function arrayLiteral(items: unknown[]): string {
  const elements = items.map((item) => {
    if (item === null || item === undefined) return "NULL";
    if (Array.isArray(item)) return arrayLiteral(item);
    return `"${(textParameter(item) as string).replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  });
  return `{${elements.join(",")}}`;
}
