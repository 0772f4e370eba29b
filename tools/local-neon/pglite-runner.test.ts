/**
 * The local Neon's answers at the HTTP level when PGlite runs statements in-process: the exact
 * bodies the Worker's driver parses (Postgres text values, field metadata, command tags, error
 * fields), JSON parameters bound as text, a batch's transaction isolated from concurrent
 * requests, and no socket between the HTTP server and PGlite. The expected texts are what the
 * previous path (`pg` over TCP to PGlite) answered for the same requests.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBackend } from "./backend.ts";
import { applyMigrations } from "./migrations.ts";
import { type LocalNeon, startLocalNeon } from "./server.ts";

/** One database for every test (each new one is a clone of the migrated template, seconds on a busy machine). */
const DB = "runner";
let server: LocalNeon;
let listenersBefore: number;

/** Listening TCP servers in this process (the HTTP server, and formerly a socket per PGlite database). */
const tcpListeners = () => process.getActiveResourcesInfo().filter((resource) => resource === "TCPServerWrap").length;

beforeAll(async () => {
  listenersBefore = tcpListeners();
  server = await startLocalNeon({
    backend: createBackend({ onCreate: (target) => applyMigrations(target, path.resolve(import.meta.dirname, "../../migrations")) }),
  });
});

afterAll(async () => {
  await server?.close();
});

interface Field {
  name: string;
  tableID: number;
  columnID: number;
  dataTypeID: number;
  dataTypeSize: number;
  dataTypeModifier: number;
  format: string;
}
interface Result {
  command: string | null;
  rowCount: number | null;
  rows: unknown[];
  fields: Field[];
  rowAsArray: boolean;
}

/** One SQL-over-HTTP request as the driver sends it; `query` alone or a batch of `[query, params]`. */
async function post(database: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/sql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "Neon-Connection-String": `postgres://neon:neon@localhost/${database}`,
      "Neon-Raw-Text-Output": "true",
      ...headers,
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function query(database: string, sql: string, params: unknown[] = [], headers: Record<string, string> = {}): Promise<Result> {
  const { status, body } = await post(database, { query: sql, params }, headers);
  expect(status, JSON.stringify(body)).toBe(200);
  return body as unknown as Result;
}

const batchBody = (statements: Array<[string, unknown[]?]>) => ({
  queries: statements.map(([sql, params]) => ({ query: sql, params: params ?? [] })),
});

/** A computed column's metadata: no table, text format. */
const computed = (name: string, dataTypeID: number, dataTypeSize: number, dataTypeModifier = -1): Field => ({
  name,
  tableID: 0,
  columnID: 0,
  dataTypeID,
  dataTypeSize,
  dataTypeModifier,
  format: "text",
});

describe("values as Postgres text", () => {
  it("returns bytea, arrays, vector, timestamptz, boolean, numeric, jsonb, interval and null as the same text as before", async () => {
    const result = await query(
      DB,
      `select '\\x0001027f80feff'::bytea as b, array[1,2,null]::int[] as ia, array['a','b c','quo"te','com,ma',null,'NULL','']::text[] as ta,
              '[1,2.5,-3]'::vector as vec, '2024-02-29T13:45:56.789123Z'::timestamptz as tz, true as t, false as f,
              12345678901234567890.123456789::numeric as n, 'NaN'::float8 as nan, '{"a": [1, 2.50, null], "b": "Zoë"}'::jsonb as jb,
              '1 year 2 mons 3 days 04:05:06.7'::interval as iv, 'c'::char(3) as ch, null::int as nothing`,
    );
    expect(result).toEqual({
      command: "SELECT",
      rowCount: 1,
      rows: [
        {
          b: "\\x0001027f80feff",
          ia: "{1,2,NULL}",
          ta: '{a,"b c","quo\\"te","com,ma",NULL,"NULL",""}',
          vec: "[1,2.5,-3]",
          tz: "2024-02-29 13:45:56.789123+00",
          t: "t",
          f: "f",
          n: "12345678901234567890.123456789",
          nan: "NaN",
          jb: '{"a": [1, 2.50, null], "b": "Zoë"}',
          iv: "1 year 2 mons 3 days 04:05:06.7",
          ch: "c  ",
          nothing: null,
        },
      ],
      fields: [
        computed("b", 17, -1),
        computed("ia", 1007, -1),
        computed("ta", 1009, -1),
        expect.objectContaining({ name: "vec", tableID: 0, dataTypeSize: -1, format: "text" }),
        computed("tz", 1184, 8),
        computed("t", 16, 1),
        computed("f", 16, 1),
        computed("n", 1700, -1),
        computed("nan", 701, 8),
        computed("jb", 3802, -1),
        computed("iv", 1186, 16),
        computed("ch", 1042, -1, 7),
        computed("nothing", 23, 4),
      ],
      rowAsArray: false,
    });
  });

  it("gives rows as arrays in array mode, and a repeated column name its last value otherwise", async () => {
    const arrays = await query(DB, "select 1 as a, 'two' as b, null as c", [], { "Neon-Array-Mode": "true" });
    expect(arrays.rows).toEqual([["1", "two", null]]);
    expect(arrays.rowAsArray).toBe(true);

    const repeated = await query(DB, "select 1 as a, 2 as a, 'x' as b");
    expect(repeated.rows).toEqual([{ a: "2", b: "x" }]);
    expect(repeated.fields.map((field) => field.name)).toEqual(["a", "a", "b"]);
  });

  it("describes a table's columns with their table and column ids and type modifier", async () => {
    await query(DB, "create table scores (id int primary key, score numeric(5,2))");
    const inserted = await query(DB, "insert into scores values (1, 1.5), (2, 2) returning *");
    const [{ oid }] = (await query(DB, "select 'scores'::regclass::oid as oid")).rows as Array<{ oid: string }>;
    expect(inserted).toMatchObject({
      command: "INSERT",
      rowCount: 2,
      rows: [
        { id: "1", score: "1.50" },
        { id: "2", score: "2.00" },
      ],
    });
    expect(inserted.fields).toEqual([
      { name: "id", tableID: Number(oid), columnID: 1, dataTypeID: 23, dataTypeSize: 4, dataTypeModifier: -1, format: "text" },
      // numeric(5,2): (5 << 16 | 2) + 4
      { name: "score", tableID: Number(oid), columnID: 2, dataTypeID: 1700, dataTypeSize: -1, dataTypeModifier: 327686, format: "text" },
    ]);
  });

  it("reports the command tag and row count as before: none for DDL, null for an empty query", async () => {
    expect(await query(DB, "create table tagged (id int)")).toEqual({
      command: "CREATE",
      rowCount: null,
      rows: [],
      fields: [],
      rowAsArray: false,
    });
    expect(await query(DB, "insert into tagged values (1), (2), (3)")).toMatchObject({
      command: "INSERT",
      rowCount: 3,
      fields: [],
    });
    expect(await query(DB, "update tagged set id = id + 1 where id > 1")).toMatchObject({ command: "UPDATE", rowCount: 2 });
    expect(await query(DB, "show transaction_isolation")).toMatchObject({ command: "SHOW", rowCount: null });
    expect(await query(DB, "")).toEqual({ command: null, rowCount: null, rows: [], fields: [], rowAsArray: false });
  });
});

describe("parameters", () => {
  it("binds JSON numbers, booleans, arrays (nested, with quotes and nulls) and objects as text, as pg did", async () => {
    const result = await query(
      DB,
      "select $1::text as s, $2::int as n, $3::boolean as b, $4::int[] as a, $5::jsonb as o, $6::text as nul, $7::text[] as nested, $8::numeric as f, $9::text[] as mixed",
      [
        "x",
        5,
        true,
        [1, 2, 3],
        { k: [1, "two"], z: null },
        null,
        [
          ["a", null],
          ["b\\c", 'd"e'],
        ],
        1.25,
        [{ a: 1 }, "s", 3, false],
      ],
    );
    expect(result.rows).toEqual([
      {
        s: "x",
        n: "5",
        b: "t",
        a: "{1,2,3}",
        o: '{"k": [1, "two"], "z": null}',
        nul: null,
        nested: '{{a,NULL},{"b\\\\c","d\\"e"}}',
        f: "1.25",
        mixed: '{"{\\"a\\":1}",s,3,false}',
      },
    ]);
  });

  it("answers a missing parameter with the Postgres protocol error", async () => {
    const { status, body } = await post(DB, { query: "select $1::int", params: [] });
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: "08P01", message: 'bind message supplies 0 parameters, but prepared statement "" requires 1' });
  });
});

describe("errors", () => {
  it("carries every error field Postgres sends", async () => {
    const { status, body } = await post(DB, {
      query: `do $$ begin raise exception using message = 'custom', detail = 'the detail', hint = 'the hint', errcode = 'P0001',
               column = 'c', constraint = 'k', table = 't', schema = 's', datatype = 'd'; end $$`,
      params: [],
    });
    expect(status).toBe(400);
    expect(body).toMatchObject({
      message: "custom",
      severity: "ERROR",
      code: "P0001",
      detail: "the detail",
      hint: "the hint",
      where: "PL/pgSQL function inline_code_block line 1 at RAISE",
      schema: "s",
      table: "t",
      column: "c",
      dataType: "d",
      constraint: "k",
      routine: "exec_stmt_raise",
    });
  });

  it("refuses two commands in one query, in a single request and inside a batch (which is rolled back)", async () => {
    await query(DB, "create table if not exists kept (id int)");
    const single = await post(DB, { query: "insert into kept values (1); select 2", params: [] });
    expect(single.status).toBe(400);
    expect(single.body).toMatchObject({ code: "42601", message: "cannot insert multiple commands into a prepared statement" });

    const batch = await post(DB, batchBody([["insert into kept values (2)"], ["select 1; select 2"]]));
    expect(batch.status).toBe(400);
    expect(batch.body).toMatchObject({ code: "42601" });
    expect((await query(DB, "select count(*) as n from kept")).rows).toEqual([{ n: "0" }]);
  });

  it("serves the next request normally after a failed statement and after a failed read-only batch", async () => {
    await query(DB, "create table entries (id int primary key)");
    expect((await post(DB, { query: "select 1/0", params: [] })).body).toMatchObject({ code: "22012" });

    const failed = await post(DB, batchBody([["select 1"], ["insert into entries values (1)"]]), {
      "Neon-Batch-Read-Only": "true",
      "Neon-Batch-Isolation-Level": "Serializable",
    });
    expect(failed.body).toMatchObject({ code: "25006" });

    // Outside any transaction again: a write commits and the session has the default isolation.
    expect(await query(DB, "insert into entries values (2)")).toMatchObject({ command: "INSERT", rowCount: 1 });
    expect((await query(DB, "show transaction_isolation")).rows).toEqual([{ transaction_isolation: "read committed" }]);
    expect((await query(DB, "select id from entries")).rows).toEqual([{ id: "2" }]);
  });
});

describe("batches and concurrent requests", () => {
  it("never lets another request's statement run inside a batch's transaction, even while the database is being created", async () => {
    // The first requests to a database all wait for its creation and resume together: the moment
    // statements of different requests could interleave on PGlite's one session.
    const database = "runner_concurrency";
    const xact = "select txid_current()::text as xact";
    const batches = Array.from({ length: 8 }, () => post(database, batchBody([[xact], [xact], [xact]])));
    const singles = Array.from({ length: 8 }, () => post(database, { query: xact, params: [] }));
    const answers = await Promise.all([...batches, ...singles]);
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));

    const transactionsOf = answers.map(({ body }) => {
      const results = (body.results as Result[] | undefined) ?? [body as unknown as Result];
      return new Set(results.map((result) => (result.rows[0] as { xact?: string } | undefined)?.xact));
    });
    // Each request ran in exactly one transaction, and no two requests shared one.
    expect(transactionsOf.map((ids) => ids.size)).toEqual(answers.map(() => 1));
    expect(new Set(transactionsOf.flatMap((ids) => [...ids])).size).toBe(answers.length);
  });
});

describe("statements parsed once and reused", () => {
  it("keeps a repeated statement parsed under a name instead of parsing it per request", async () => {
    const text = "select $1::int + 1 as next";
    for (const n of [1, 2, 3]) expect((await query(DB, text, [n])).rows).toEqual([{ next: String(n + 1) }]);
    const held = await query(DB, "select count(*) as n from pg_prepared_statements where statement = $1", [text]);
    expect(held.rows).toEqual([{ n: "1" }]);
  });

  it("answers a repeated statement with a new column after the table changed, and an error after it was dropped", async () => {
    await query(DB, "create table evolving (id int)");
    await query(DB, "insert into evolving values (1)");
    for (let i = 0; i < 3; i++) expect((await query(DB, "select * from evolving")).rows).toEqual([{ id: "1" }]);

    await query(DB, "alter table evolving add column label text default 'x'");
    expect((await query(DB, "select * from evolving")).rows).toEqual([{ id: "1", label: "x" }]);

    await query(DB, "drop table evolving");
    const dropped = await post(DB, { query: "select * from evolving", params: [] });
    expect(dropped.status).toBe(400);
    expect(dropped.body).toMatchObject({ code: "42P01", message: 'relation "evolving" does not exist' });
  });

  it("answers a repeated statement given the wrong number of parameters as the unnamed statement", async () => {
    const text = "select $1::text as echoed";
    for (let i = 0; i < 3; i++) await query(DB, text, ["a"]);
    const { status, body } = await post(DB, { query: text, params: [] });
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: "08P01", message: 'bind message supplies 0 parameters, but prepared statement "" requires 1' });
  });

  it("keeps answering repeated statements after the session is discarded or reset, with plans still made per execution", async () => {
    const text = "select $1::int * 2 as doubled";
    for (let i = 0; i < 3; i++) await query(DB, text, [i]);
    await query(DB, "discard all");
    expect((await query(DB, text, [21])).rows).toEqual([{ doubled: "42" }]);
    await query(DB, "reset all");
    expect((await query(DB, "show plan_cache_mode")).rows).toEqual([{ plan_cache_mode: "force_custom_plan" }]);
    expect((await query(DB, text, [5])).rows).toEqual([{ doubled: "10" }]);
  });
});

describe("the path to PGlite", () => {
  it("opens no socket beside the HTTP server, however many databases it serves", async () => {
    await query(DB, "select 1");
    await query("runner_second", "select 1");
    expect(tcpListeners() - listenersBefore).toBe(1);
  });
});
