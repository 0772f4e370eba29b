/**
 * Conformance of the local Neon with Neon's SQL-over-HTTP protocol, as the real driver
 * (`@neondatabase/serverless`) sees it: values come back with the right JS types, fields carry
 * real type OIDs, batches are transactions shaped by their options, Postgres errors arrive as
 * `NeonDbError` with their fields, and the stats and fault-injection endpoints behave.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { NeonDbError, neon, neonConfig } from "@neondatabase/serverless";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestWithHost } from "../support/request-with-host.ts";
import { createBackend } from "./backend.ts";
import { applyMigrations } from "./migrations.ts";
import { type LocalNeon, startLocalNeon } from "./server.ts";

let server: LocalNeon;

beforeAll(async () => {
  server = await startLocalNeon({
    backend: createBackend({
      onCreate: (pool) => applyMigrations(pool, path.resolve(import.meta.dirname, "../../migrations")),
    }),
  });
  // The driver's configuration is module-global.
  neonConfig.fetchEndpoint = `${server.url}/sql`;
});

afterAll(async () => {
  await server?.close();
});

// --- helpers ---------------------------------------------------------------------------------

const connectionString = (database: string) => `postgres://neon:neon@localhost/${database}`;

/** The driver's tagged-template function for one database of the local Neon. */
const db = (database: string) => neon(connectionString(database));

/** Runs `work` and returns the `NeonDbError` it rejects with (fails the test if it does not). */
async function dbError(work: () => Promise<unknown>): Promise<NeonDbError> {
  const error = await work().then(
    () => {
      throw new Error("expected the query to fail");
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(NeonDbError);
  return error as NeonDbError;
}

async function setFault(database: string, mode: "none" | "down" | "hang" | "delay", delayMs?: number) {
  const response = await fetch(`${server.url}/_control/fault`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ database, mode, delay_ms: delayMs }),
  });
  expect(response.status).toBe(200);
}

type Counter = { requests: number; statements: number };

async function statsOf(database: string): Promise<Counter> {
  const response = await fetch(`${server.url}/_stats`);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { total: Counter; databases: Record<string, Counter> };
  return body.databases[database] ?? { requests: 0, statements: 0 };
}

/** Sends `count` copies of a statement at the same time from a child process; resolves with their statuses. */
async function sendAtOnce(url: string, connection: string, query: string, count: number): Promise<number[]> {
  const script = `const [url, connection, query, count] = process.argv.slice(1);
const send = () => fetch(url + "/sql", { method: "POST", headers: { "Neon-Connection-String": connection }, body: JSON.stringify({ query, params: [] }) });
const answers = await Promise.all(Array.from({ length: Number(count) }, send));
console.log(JSON.stringify(answers.map((answer) => answer.status)));`;
  const { stdout } = await promisify(execFile)(process.execPath, [
    "--input-type=module",
    "-e",
    script,
    url,
    connection,
    query,
    String(count),
  ]);
  return JSON.parse(stdout) as number[];
}

// --- tests -----------------------------------------------------------------------------------

describe("value round trips through the driver", () => {
  const sql = db("conf_types");

  it("returns int4 as a number", async () => {
    const [row] = await sql`select 42::int4 as n, ${7}::int4 as p`;
    expect(row).toEqual({ n: 42, p: 7 });
  });

  it("returns int8 as a string, exactly, beyond Number's safe range", async () => {
    const [row] = await sql.query("select $1::int8 as big, 5::bigint as small", ["9223372036854775807"]);
    expect(row.big).toBe("9223372036854775807");
    expect(row.small).toBe("5");
  });

  it("returns numeric as an exact string", async () => {
    const [row] = await sql.query("select $1::numeric as n, 0.1::numeric + 0.2::numeric as sum", ["12345678901234567890.123456789"]);
    expect(row.n).toBe("12345678901234567890.123456789");
    expect(row.sum).toBe("0.3");
  });

  it("returns booleans", async () => {
    const [row] = await sql.query("select true as t, $1::boolean as f", [false]);
    expect(row).toEqual({ t: true, f: false });
  });

  it("passes unicode and SQL metacharacters through parameters untouched", async () => {
    const tricky = ["héllo wörld — 日本語 🎉", 'O\'Reilly said "hi"', "'; drop table users; --", "back\\slash $1 %s \\x00ff", ""];
    for (const value of tricky) {
      const [row] = await sql.query("select $1::text as v, length($1::text) as len", [value]);
      expect(row.v).toBe(value);
      expect(row.len).toBe([...value].length);
    }
  });

  it("returns jsonb as an object and accepts an object parameter", async () => {
    const document = { name: "Zoë", tags: ["a", "b"], nested: { n: 1.5, ok: true, none: null } };
    const [row] = await sql.query("select $1::jsonb as doc, ($1::jsonb)->'nested'->>'n' as n", [document]);
    expect(row.doc).toEqual(document);
    expect(row.n).toBe("1.5");
  });

  it("returns timestamptz as a Date at the same instant", async () => {
    const instant = new Date("2024-02-29T13:45:56.789Z");
    const [row] = await sql.query("select $1::timestamptz as at, '2020-01-01T00:00:00Z'::timestamptz as fixed", [instant]);
    expect(row.at).toBeInstanceOf(Date);
    expect((row.at as Date).toISOString()).toBe(instant.toISOString());
    expect((row.fixed as Date).toISOString()).toBe("2020-01-01T00:00:00.000Z");
  });

  it("returns date as a Date on that calendar day", async () => {
    const [row] = await sql`select '2024-03-15'::date as d, to_char('2024-03-15'::date, 'YYYY-MM-DD') as text`;
    expect(row.d).toBeInstanceOf(Date);
    const d = row.d as Date;
    expect([d.getFullYear(), d.getMonth() + 1, d.getDate()]).toEqual([2024, 3, 15]);
    expect(row.text).toBe("2024-03-15");
  });

  it("returns uuid as a string", async () => {
    const id = "0b6f3d4e-9f0a-4c1e-8d2b-3a4c5d6e7f80";
    const [row] = await sql.query("select $1::uuid as id, gen_random_uuid() as fresh", [id]);
    expect(row.id).toBe(id);
    expect(row.fresh).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("returns int[] and text[] as arrays and accepts array parameters", async () => {
    const [row] = await sql.query("select $1::int[] as ints, $2::text[] as texts, array[]::int[] as empty", [
      [1, 2, 3],
      ["a", "b c", 'quote"d', "comma,here", null],
    ]);
    expect(row.ints).toEqual([1, 2, 3]);
    expect(row.texts).toEqual(["a", "b c", 'quote"d', "comma,here", null]);
    expect(row.empty).toEqual([]);
  });

  it("round-trips bytea from a Buffer parameter", async () => {
    const bytes = Buffer.from([0, 1, 2, 127, 128, 254, 255]);
    const [row] = await sql.query("select $1::bytea as b, octet_length($1::bytea) as len", [bytes]);
    expect(row.len).toBe(bytes.length);
    expect(row.b).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(row.b as Uint8Array).equals(bytes)).toBe(true);
  });

  it("stores pgvector values, returns them as text, and orders by cosine distance", async () => {
    await sql`create table if not exists vectors (id int primary key, embedding vector(3) not null)`;
    await sql`delete from vectors`;
    await sql.query("insert into vectors (id, embedding) values (1, $1), (2, $2), (3, $3)", ["[1,2,3]", "[-1,-2,-3]", "[1,2,2.5]"]);

    const [stored] = await sql`select embedding from vectors where id = 1`;
    expect(stored.embedding).toBe("[1,2,3]");

    const nearest = await sql.query("select id, (embedding <=> $1::vector) as distance from vectors order by embedding <=> $1::vector", [
      "[1,2,3]",
    ]);
    expect(nearest.map((row) => row.id)).toEqual([1, 3, 2]);
    expect(nearest[0].distance).toBeCloseTo(0, 6);
    expect(nearest[2].distance).toBeCloseTo(2, 6);
  });

  it("sends NULL parameters and returns NULL results as null", async () => {
    const [row] = await sql.query(
      "select $1::text as t, $2::int as i, $3::jsonb as j, null::timestamptz as ts, $1::text is null as was_null",
      [null, null, null],
    );
    expect(row).toEqual({ t: null, i: null, j: null, ts: null, was_null: true });
  });
});

describe("result metadata", () => {
  const sql = db("conf_meta");

  it("carries the real type OID of every field", async () => {
    const result = await sql.query(
      `select 1::int4 as a, 1::int8 as b, 1.5::numeric as c, true as d, 'x'::text as e, '{}'::jsonb as f,
              now() as g, current_date as h, gen_random_uuid() as i, '\\x01'::bytea as j`,
      [],
      { fullResults: true },
    );
    const types = Object.fromEntries(result.fields.map((field) => [field.name, field.dataTypeID]));
    expect(types).toEqual({ a: 23, b: 20, c: 1700, d: 16, e: 25, f: 3802, g: 1184, h: 1082, i: 2950, j: 17 });
  });

  it("reports command and rowCount for reads and writes", async () => {
    await sql`create table if not exists counted (id int primary key)`;
    await sql`delete from counted`;

    const insert = await sql.query("insert into counted (id) values (1), (2), (3)", [], { fullResults: true });
    expect(insert.command).toBe("INSERT");
    expect(insert.rowCount).toBe(3);

    const update = await sql.query("update counted set id = id + 10 where id > 1", [], { fullResults: true });
    expect(update.command).toBe("UPDATE");
    expect(update.rowCount).toBe(2);

    const select = await sql.query("select id from counted order by id", [], { fullResults: true });
    expect(select.command).toBe("SELECT");
    expect(select.rowCount).toBe(3);
    expect(select.rows).toEqual([{ id: 1 }, { id: 12 }, { id: 13 }]);

    const remove = await sql.query("delete from counted where id = 999", [], { fullResults: true });
    expect(remove.command).toBe("DELETE");
    expect(remove.rowCount).toBe(0);
  });

  it("returns rows as arrays in arrayMode", async () => {
    const rows = await sql.query("select 1 as a, 'two' as b", [], { arrayMode: true });
    expect(rows).toEqual([[1, "two"]]);
  });
});

describe("batches (sql.transaction)", () => {
  const sql = db("conf_batch");

  beforeAll(async () => {
    await sql`create table items (id int primary key, name text not null)`;
  });

  it("commits every statement of a batch and returns each result", async () => {
    const [first, second, count] = await sql.transaction([
      sql`insert into items (id, name) values (1, 'one') returning id`,
      sql`insert into items (id, name) values (2, 'two') returning id`,
      sql`select count(*)::int as n from items where id in (1, 2)`,
    ]);
    expect(first).toEqual([{ id: 1 }]);
    expect(second).toEqual([{ id: 2 }]);
    expect(count).toEqual([{ n: 2 }]);

    const after = await sql`select id, name from items where id in (1, 2) order by id`;
    expect(after).toEqual([
      { id: 1, name: "one" },
      { id: 2, name: "two" },
    ]);
  });

  it("rolls back the whole batch when one statement fails", async () => {
    const error = await dbError(() =>
      sql.transaction([
        sql`insert into items (id, name) values (10, 'ten')`,
        sql`insert into items (id, name) values (11, 'eleven')`,
        sql`insert into items (id, name) values (10, 'duplicate')`,
      ]),
    );
    expect(error.code).toBe("23505");

    const left = await sql`select id from items where id in (10, 11)`;
    expect(left).toEqual([]);
  });

  it("leaves the connection usable after a failed batch", async () => {
    await dbError(() => sql.transaction([sql`select 1`, sql`select * from no_such_table`]));
    const [row] = await sql`select 1 as ok`;
    expect(row).toEqual({ ok: 1 });
  });

  it("refuses writes in a readOnly batch with SQLSTATE 25006", async () => {
    const error = await dbError(() => sql.transaction([sql`insert into items (id, name) values (20, 'twenty')`], { readOnly: true }));
    expect(error.code).toBe("25006");
    expect(await sql`select id from items where id = 20`).toEqual([]);
  });

  it("allows reads in a readOnly batch", async () => {
    const [[row]] = await sql.transaction([sql`show transaction_read_only`], { readOnly: true });
    expect(row).toEqual({ transaction_read_only: "on" });
  });

  it("runs a batch at the requested isolation level", async () => {
    const [[serializable]] = await sql.transaction([sql`show transaction_isolation`], { isolationLevel: "Serializable" });
    expect(serializable).toEqual({ transaction_isolation: "serializable" });

    const [[repeatable]] = await sql.transaction([sql`show transaction_isolation`], { isolationLevel: "RepeatableRead" });
    expect(repeatable).toEqual({ transaction_isolation: "repeatable read" });
  });
});

describe("Postgres errors", () => {
  const sql = db("conf_errors");

  beforeAll(async () => {
    await sql`create table accounts (id int primary key, email text not null constraint accounts_email_key unique)`;
    await sql`insert into accounts (id, email) values (1, 'a@example.com')`;
  });

  it("surfaces a unique violation as NeonDbError with code, constraint, table and detail", async () => {
    const error = await dbError(() => sql`insert into accounts (id, email) values (2, ${"a@example.com"})`);
    expect(error.code).toBe("23505");
    expect(error.constraint).toBe("accounts_email_key");
    expect(error.table).toBe("accounts");
    expect(error.detail).toContain("a@example.com");
    expect(error.severity).toBe("ERROR");
    expect(error.message).toMatch(/duplicate key value violates unique constraint/);
  });

  it("surfaces a syntax error with code 42601 and a position", async () => {
    const error = await dbError(() => sql.query("select * fromm accounts"));
    expect(error.code).toBe("42601");
    expect(Number(error.position)).toBeGreaterThan(0);
  });

  it("rejects a query string holding several statements, as Neon's extended protocol does", async () => {
    const error = await dbError(() => sql.query("select 1; select 2"));
    expect(error.code).toBe("42601");
    expect(error.message).toMatch(/multiple commands/);
  });
});

describe("databases", () => {
  it("keeps two databases named in the connection string isolated", async () => {
    const left = db("conf_iso_left");
    const right = db("conf_iso_right");
    await left`create table notes (body text)`;
    await left`insert into notes (body) values ('only on the left')`;
    await right`create table notes (body text)`;

    expect(await left`select body from notes`).toEqual([{ body: "only on the left" }]);
    expect(await right`select body from notes`).toEqual([]);

    const missing = await dbError(() => db("conf_iso_third")`select body from notes`);
    expect(missing.code).toBe("42P01");
  });

  it("applies the migrations to every new database", async () => {
    const rows = await db("conf_migrated")`select extname from pg_extension where extname in ('vector', 'pg_trgm') order by extname`;
    expect(rows).toEqual([{ extname: "pg_trgm" }, { extname: "vector" }]);
  });
});

describe("/_stats", () => {
  it("counts one request per round trip and every statement per database", async () => {
    const database = "conf_stats";
    const sql = db(database);
    await sql`select 1`; // creates the database
    const before = await statsOf(database);

    await sql`select 1`;
    await sql.transaction([sql`select 1`, sql`select 2`, sql`select 3`]);

    const after = await statsOf(database);
    expect(after.requests - before.requests).toBe(2);
    expect(after.statements - before.statements).toBe(4);
  });

  it("counts a batch of three as one request and three statements", async () => {
    const database = "conf_stats_batch";
    const sql = db(database);
    await sql.transaction([sql`select 1`, sql`select 2`, sql`select 3`]);
    expect(await statsOf(database)).toMatchObject({ requests: 1, statements: 3 });
    expect(server.stats().databases[database]).toMatchObject({ requests: 1, statements: 3 });
  });

  it("reports the queue's depth, the backend's busy time, and the answers later than the driver's timeout", async () => {
    // Its own instance (no migrations needed), with a driver timeout short enough to pass on purpose.
    const neon = await startLocalNeon({ backend: createBackend({}), slowAfterMs: 40 });
    const sqlRequest = (query: string, signal?: AbortSignal) =>
      fetch(`${neon.url}/sql`, {
        method: "POST",
        headers: { "Neon-Connection-String": connectionString("conf_queue") },
        body: JSON.stringify({ query, params: [] }),
        signal,
      });
    type Queue = LocalNeon extends { stats(): { queue: infer Q } } ? Q : never;
    const queueStats = async () => ((await (await fetch(`${neon.url}/_stats`)).json()) as { queue: Queue }).queue;
    try {
      await sqlRequest("select 1"); // creates the database
      expect((await fetch(`${neon.url}/_control/reset-queue-max`, { method: "POST" })).status).toBe(200);
      const before = await queueStats();
      // The database's creation took longer than 40 ms: counted as slow, but the reset starts a new shallowest queue.
      expect(before).toMatchObject({ current: 0, max: 0, abandoned: 0, slow: { afterMs: 40, shallowestQueue: null } });

      // Five statements of 30 ms sent at once, from another process (PGlite blocks this one's event
      // loop, so a client here would send them one by one): one runs at a time, so the later ones
      // wait past 40 ms.
      const statuses = await sendAtOnce(neon.url, connectionString("conf_queue"), "select pg_sleep(0.03)", 5);
      expect(statuses).toEqual([200, 200, 200, 200, 200]);
      const after = await queueStats();
      expect(after.current).toBe(0);
      expect(after.max).toBeGreaterThanOrEqual(2);
      expect(after.busyMs - before.busyMs).toBeGreaterThanOrEqual(5 * 30 - 5);
      expect(after.slow.count - before.slow.count).toBeGreaterThanOrEqual(1);
      expect(after.slow.shallowestQueue).toBeLessThanOrEqual(4);
      expect(after.slow.shallowestQueue).not.toBeNull();

      // A client that gives up (as the driver does at its timeout) is counted: here while the answer is delayed.
      await fetch(`${neon.url}/_control/fault`, {
        method: "POST",
        body: JSON.stringify({ database: "conf_queue", mode: "delay", delay_ms: 100 }),
      });
      await sqlRequest("select 1", AbortSignal.timeout(20)).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect((await queueStats()).abandoned).toBe(1);
      expect(neon.stats().queue.current).toBe(0);
    } finally {
      await neon.close();
    }
  });
});

describe("/_control/fault", () => {
  it("makes the driver fail to connect while the database is down, and recovers on none", async () => {
    const database = "conf_fault_down";
    const sql = db(database);
    await sql`select 1`;

    await setFault(database, "down");
    try {
      const error = await dbError(() => sql`select 1`);
      expect(error.code).toBeUndefined();
      expect(error.message).toMatch(/Error connecting to database/);
      // Other databases are unaffected.
      expect(await db("conf_fault_other")`select 1 as ok`).toEqual([{ ok: 1 }]);
    } finally {
      await setFault(database, "none");
    }

    expect(await sql`select 1 as ok`).toEqual([{ ok: 1 }]);
  });

  it("delays answers by at least the delay in delay mode", async () => {
    const database = "conf_fault_delay";
    const sql = db(database);
    await sql`select 1`;

    await setFault(database, "delay", 300);
    try {
      const started = performance.now();
      expect(await sql`select 1 as ok`).toEqual([{ ok: 1 }]);
      expect(performance.now() - started).toBeGreaterThanOrEqual(300);
    } finally {
      await setFault(database, "none");
    }

    const started = performance.now();
    await sql`select 1`;
    expect(performance.now() - started).toBeLessThan(300);
  });

  it("never answers in hang mode until the fault is cleared", async () => {
    const database = "conf_fault_hang";
    const sql = db(database);
    await sql`select 1`;

    await setFault(database, "hang");
    try {
      const started = performance.now();
      const error = await dbError(() => sql.query("select 1", [], { fetchOptions: { signal: AbortSignal.timeout(300) } }));
      expect(error.code).toBeUndefined();
      expect(performance.now() - started).toBeGreaterThanOrEqual(250);
    } finally {
      await setFault(database, "none");
    }

    expect(await sql`select 1 as ok`).toEqual([{ ok: 1 }]);
  });

  it("rejects an unknown fault mode with HTTP 400", async () => {
    const response = await fetch(`${server.url}/_control/fault`, {
      method: "POST",
      body: JSON.stringify({ database: "conf_fault_down", mode: "explode" }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toHaveProperty("message");
  });
});

describe("protocol input validation", () => {
  const post = (headers: Record<string, string>, body: string) =>
    fetch(`${server.url}/sql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

  it("answers 400 with a JSON message when the Neon-Connection-String header is missing", async () => {
    const response = await post({}, JSON.stringify({ query: "select 1", params: [] }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { message?: unknown };
    expect(body.message).toMatch(/Neon-Connection-String/);
  });

  it("answers 400 with a JSON message for a connection string without a valid database", async () => {
    const response = await post({ "Neon-Connection-String": "not a url" }, JSON.stringify({ query: "select 1" }));
    expect(response.status).toBe(400);
    expect(typeof ((await response.json()) as { message?: unknown }).message).toBe("string");
  });

  it("answers 400 with a JSON message for an invalid JSON body", async () => {
    const response = await post({ "Neon-Connection-String": connectionString("conf_protocol") }, "{not json");
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    expect(typeof ((await response.json()) as { message?: unknown }).message).toBe("string");
  });

  it("answers 400 with a JSON message when query is not a string", async () => {
    const response = await post({ "Neon-Connection-String": connectionString("conf_protocol") }, JSON.stringify({ query: 42 }));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message?: unknown }).message).toMatch(/query must be a string/);
  });

  it("answers 400 for an unknown batch isolation level", async () => {
    const response = await post(
      { "Neon-Connection-String": connectionString("conf_protocol"), "Neon-Batch-Isolation-Level": "Chaos" },
      JSON.stringify({ queries: [{ query: "select 1", params: [] }] }),
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message?: unknown }).message).toMatch(/isolation level/);
  });
});

describe("the Host header (DNS rebinding)", () => {
  it.each(["attacker.example", "attacker.example:5433", "127.0.0.1.nip.io", "localhost.attacker.example", "10.0.0.1"])(
    "refuses Host %s with 403 and runs nothing",
    async (host) => {
      const before = await statsOf("conf_rebinding");
      const sql = await requestWithHost(`${server.url}/sql`, host, {
        method: "POST",
        headers: { "content-type": "application/json", "Neon-Connection-String": connectionString("conf_rebinding") },
        body: JSON.stringify({ query: "select 1", params: [] }),
      });
      expect(sql.status).toBe(403);
      expect(JSON.parse(sql.body).message).toMatch(/Host header must name this machine/);
      expect((await requestWithHost(`${server.url}/_stats`, host)).status).toBe(403);
      expect(await statsOf("conf_rebinding")).toEqual(before);
    },
  );

  it.each(["localhost", "127.0.0.1", "[::1]"])("answers Host %s (with its port)", async (name) => {
    const { port } = new URL(server.url);
    const response = await requestWithHost(`${server.url}/health`, `${name}:${port}`);
    expect(response.status).toBe(200);
  });
});
