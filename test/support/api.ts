/**
 * Drives the Worker the way a client would: a real Request through the exported fetch handler,
 * with the bindings from vitest.config.ts, through the typed client of ./client.ts or, for input
 * the routes' types cannot express, raw `fetch`. Each test file gets its own database on the local
 * Neon (created and migrated on first use) and its own OpenAI stub key, so files never see each
 * other's data or scripted AI replies.
 */
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { inject } from "vitest";
import worker from "../../src/index";
import { uniqueSuffix } from "./accounts";
import { type ApiClient, createClient } from "./client";

export interface TestApi {
  /** The database name on the local Neon (for its /_stats and fault controls). */
  database: string;
  /** The API key the Worker sends to the OpenAI stub (for its script and stats controls). */
  openaiKey: string;
  env: CloudflareBindings;
  /** The routes, typed from the app: `api.client.api.auth.me.$get({}, { headers })`. */
  client: ApiClient;
  /** A raw request: malformed bodies, odd headers, files, event streams. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** POSTs `body` as JSON (any value, valid or not); the answer unread. */
  post(path: string, body: unknown, init?: RequestInit): Promise<Response>;
  /** POSTs `body` as JSON (any value, valid or not); the answer's body parsed (or its text), to be narrowed by the test. */
  json(path: string, body: unknown, init?: RequestInit): Promise<{ res: Response; body: unknown }>;
  /** The answer's body parsed as JSON (or its text), to be narrowed by the test. */
  get(path: string, init?: RequestInit): Promise<{ res: Response; body: unknown }>;
}

export interface TestApiOptions {
  /** Share another client's database (e.g. the same data with different settings). */
  database?: string;
}

/**
 * A client with a fresh database (or `options.database`), already created and migrated on the
 * local Neon so that no request pays for that under the app's database timeout.
 */
export async function createTestApi(
  overrides: Partial<Record<keyof CloudflareBindings, string>> = {},
  options: TestApiOptions = {},
): Promise<TestApi> {
  const suffix = uniqueSuffix();
  const database = options.database ?? `t_${suffix}`;
  createdDatabases.add(database);
  await warmDatabase(database);
  const openaiKey = `sk-test-${suffix}`;
  const testEnv = { ...env, DATABASE_URL: connectionString(database), OPENAI_API_KEY: openaiKey, ...overrides } as CloudflareBindings;

  async function fetchWorker(path: string, init?: RequestInit) {
    const ctx = createExecutionContext();
    const res = await worker.fetch(
      new Request(new URL(path, "http://api.test"), init) as Request<unknown, IncomingRequestCfProperties>,
      testEnv,
      ctx,
    );
    // Deferred work (audit writes) finishes before the test looks at the database.
    await waitOnExecutionContext(ctx);
    return res;
  }

  function postJson(path: string, body: unknown, init?: RequestInit) {
    return fetchWorker(path, {
      method: "POST",
      ...init,
      headers: { "Content-Type": "application/json", ...init?.headers },
      body: JSON.stringify(body),
    });
  }

  async function withBody(res: Response): Promise<{ res: Response; body: unknown }> {
    const text = await res.text();
    try {
      return { res, body: JSON.parse(text) };
    } catch {
      return { res, body: text };
    }
  }

  return {
    database,
    openaiKey,
    env: testEnv,
    client: createClient(fetchWorker),
    fetch: fetchWorker,
    post: postJson,
    json: async (path, body, init) => withBody(await postJson(path, body, init)),
    get: async (path, init) => withBody(await fetchWorker(path, init)),
  };
}

/** This test file's databases, released when it ends (test/support/release-databases.ts). */
const createdDatabases = new Set<string>();

/** Tells the local Neon that this file's databases will not be used again, so their memory is freed. */
export async function releaseTestDatabases(): Promise<void> {
  for (const database of createdDatabases) {
    await fetch(`${inject("localNeonUrl")}/_control/release`, { method: "POST", body: JSON.stringify({ database }) });
  }
  createdDatabases.clear();
}

/** The connection string naming one test database on the local Neon. */
const connectionString = (database: string) => `postgres://neon:neon@localhost/${database}`;

/** Runs SQL on a test database through the local Neon's HTTP endpoint (array mode). */
export async function sqlOn(database: string, query: string, params: unknown[] = []): Promise<unknown[][]> {
  const res = await fetch(`${inject("localNeonUrl")}/sql`, {
    method: "POST",
    headers: { "Neon-Connection-String": connectionString(database), "Neon-Array-Mode": "true" },
    body: JSON.stringify({ query, params }),
  });
  if (!res.ok) throw new Error(`SQL on ${database} failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { rows: unknown[][] }).rows;
}

/** The local Neon creates (and migrates) a database on its first query. */
async function warmDatabase(database: string) {
  await sqlOn(database, "select 1");
}

/** Makes the local Neon misbehave for one database: `down`, `hang`, `delay`, or back to `none`. */
export async function setDatabaseFault(database: string, mode: "none" | "down" | "hang" | "delay", delayMs?: number) {
  const res = await fetch(`${inject("localNeonUrl")}/_control/fault`, {
    method: "POST",
    body: JSON.stringify({ database, mode, delay_ms: delayMs }),
  });
  if (!res.ok) throw new Error(`fault control failed: ${res.status}`);
}

/** Round trips (SQL requests) the local Neon has served for one database so far. */
export async function databaseRequests(database: string): Promise<number> {
  const stats = (await (await fetch(`${inject("localNeonUrl")}/_stats`)).json()) as { databases: Record<string, { requests: number }> };
  return stats.databases[database]?.requests ?? 0;
}
