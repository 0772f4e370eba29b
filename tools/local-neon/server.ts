/**
 * The embedded local Neon: an HTTP server speaking Neon's SQL-over-HTTP protocol in front of a
 * {@link Backend}, so the Worker's `neon()` driver code runs unchanged on a laptop or in tests.
 *
 * It answers only requests whose `Host` names this machine (see ../loopback-host.ts).
 *
 * Besides `POST /sql` it serves:
 * - `GET /health`: readiness.
 * - `GET /_stats`: requests (round trips) and statements served, in total and per database, for
 *   benchmarks and round-trip budget tests; and the queue ({@link QueueStats}): statements waiting
 *   for or running in the backend now and at most (since start or `POST /_control/reset-queue-max`),
 *   the backend's busy milliseconds, and the requests that waited longer than the driver's timeout.
 * - `POST /_control/fault` `{database, mode: "none" | "down" | "hang" | "delay", delay_ms?}`:
 *   fault injection for one database, so a test can watch the app survive its database dying
 *   (`down` resets connections, `hang` never answers, `delay` answers late).
 * - `POST /_control/release` `{database}`: the database will not be used again (a test file has
 *   finished), so the backend may free it ({@link Backend.release}); hundreds of test files would
 *   otherwise keep hundreds of in-memory databases alive.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { NOT_LOOPBACK_MESSAGE, namesLoopback } from "../loopback-host.ts";
import { type Backend, isDatabaseName } from "./backend.ts";
import { batchOptionsFrom, errorBody, isPostgresError, ProtocolError, parseSqlBody } from "./protocol.ts";

const MAX_BODY_BYTES = 64 * 1024 * 1024;

export type Fault = { mode: "none" } | { mode: "down" } | { mode: "hang" } | { mode: "delay"; delayMs: number };

interface Counter {
  requests: number;
  statements: number;
}

/**
 * How deep the queue for the backend gets, and what that costs. PGlite runs one request at a time,
 * so a statement waits for every one ahead of it; past the Neon driver's timeout the Worker gives up
 * (the app answers 503 "database unavailable") while the statement still runs here.
 */
export interface QueueStats {
  /** Statements received (after any injected delay) and not yet answered: waiting or running. */
  current: number;
  /** The most at once since start or the last reset. */
  max: number;
  /** Milliseconds the backend spent executing statements since start ({@link Backend.busyMs}). */
  busyMs: number;
  /** Requests whose client hung up before the answer (a driver timeout, a cancelled Worker request). */
  abandoned: number;
  /** Requests answered after more than `slowAfterMs` in the queue and backend: the driver had given up. */
  slow: { afterMs: number; count: number; shallowestQueue: number | null };
}

export interface LocalNeon {
  /** Base URL, e.g. `http://127.0.0.1:5433`; the driver's endpoint is `${url}/sql`. */
  url: string;
  port: number;
  stats(): { total: Counter; databases: Record<string, Counter>; queue: QueueStats };
  /** Starts a new `queue.max` (and `slow.shallowestQueue`) from the current depth, e.g. per benchmark scenario. */
  resetQueueMax(): void;
  close(): Promise<void>;
}

export interface LocalNeonOptions {
  backend: Backend;
  port?: number;
  host?: string;
  /** Called after every SQL request with its database, duration and outcome (never the SQL). */
  onRequest?: (entry: { database: string; statements: number; ms: number; status: number }) => void;
  /** The Neon driver's timeout as the app sets it (DB_TIMEOUT_MS, 5 s by default): slower answers count as `queue.slow`. */
  slowAfterMs?: number;
}

export async function startLocalNeon({
  backend,
  port = 0,
  host = "127.0.0.1",
  onRequest,
  slowAfterMs = 5_000,
}: LocalNeonOptions): Promise<LocalNeon> {
  const total: Counter = { requests: 0, statements: 0 };
  const queue = { current: 0, max: 0, abandoned: 0, slow: 0, shallowestSlow: null as number | null };
  const perDatabase = new Map<string, Counter>();
  const faults = new Map<string, Fault>();
  const hanging = new Set<ServerResponse>();

  const countFor = (database: string) => {
    let counter = perDatabase.get(database);
    if (!counter) {
      counter = { requests: 0, statements: 0 };
      perDatabase.set(database, counter);
    }
    return counter;
  };

  async function handleSql(req: IncomingMessage, res: ServerResponse) {
    const started = performance.now();
    const connection = header(req, "neon-connection-string");
    const database = connection ? databaseFromConnectionString(connection) : undefined;
    if (!database) return sendJson(res, 400, { message: "missing or invalid Neon-Connection-String header" });

    res.once("close", () => {
      if (!res.writableFinished) queue.abandoned++;
    });
    const fault = faults.get(database) ?? { mode: "none" };
    if (fault.mode === "down") return void req.socket.destroy();
    if (fault.mode === "hang") {
      hanging.add(res);
      res.on("close", () => hanging.delete(res));
      return;
    }
    if (fault.mode === "delay") await new Promise((resolve) => setTimeout(resolve, fault.delayMs));

    let status = 200;
    let statements = 0;
    let queuedAtArrival: number | undefined;
    try {
      const parsed = parseSqlBody(JSON.parse(await readBody(req)));
      const arrayMode = header(req, "neon-array-mode") === "true";
      statements = Array.isArray(parsed) ? parsed.length : 1;
      queuedAtArrival = queue.current;
      queue.current += statements;
      queue.max = Math.max(queue.max, queue.current);
      // PGlite runs statements on this thread without yielding: without this turn of the event
      // loop, requests that arrived meanwhile would wait unread in their sockets, one taken per
      // statement, so the queue would be invisible here (its depth always 1) and unordered.
      await new Promise((resolve) => setImmediate(resolve));
      const runner = await backend.database(database);
      const counter = countFor(database);
      total.requests++;
      counter.requests++;
      total.statements += statements;
      counter.statements += statements;
      const body = Array.isArray(parsed)
        ? await runner.batch(parsed, batchOptionsFrom(req.headers), arrayMode)
        : await runner.single(parsed, arrayMode);
      sendJson(res, 200, body);
    } catch (error) {
      if (error instanceof SyntaxError || error instanceof ProtocolError) {
        status = 400;
        sendJson(res, status, { message: error.message });
      } else if (isPostgresError(error)) {
        status = 400;
        sendJson(res, status, errorBody(error));
      } else {
        status = 500;
        sendJson(res, status, { message: "local neon backend error" });
      }
    } finally {
      if (queuedAtArrival !== undefined) {
        queue.current -= statements;
        // From the request's start, as the driver's timeout counts it (an injected delay included).
        if (performance.now() - started > slowAfterMs) {
          queue.slow++;
          queue.shallowestSlow = Math.min(queue.shallowestSlow ?? queuedAtArrival, queuedAtArrival);
        }
      }
      onRequest?.({ database, statements, ms: Math.round(performance.now() - started), status });
    }
  }

  async function handleFault(req: IncomingMessage, res: ServerResponse) {
    const body = JSON.parse(await readBody(req)) as { database?: string; mode?: string; delay_ms?: number };
    if (!body.database || !["none", "down", "hang", "delay"].includes(body.mode ?? "")) {
      return sendJson(res, 400, { message: "need {database, mode: none|down|hang|delay, delay_ms?}" });
    }
    const fault: Fault = body.mode === "delay" ? { mode: "delay", delayMs: Number(body.delay_ms ?? 1000) } : ({ mode: body.mode } as Fault);
    if (fault.mode === "none") {
      faults.delete(body.database);
      for (const res of hanging) res.socket?.destroy();
    } else {
      faults.set(body.database, fault);
    }
    sendJson(res, 200, { database: body.database, ...fault });
  }

  async function handleRelease(req: IncomingMessage, res: ServerResponse) {
    const body = JSON.parse(await readBody(req)) as { database?: string };
    if (!body.database || !isDatabaseName(body.database)) return sendJson(res, 400, { message: "need {database}" });
    faults.delete(body.database);
    await backend.release(body.database);
    sendJson(res, 200, { released: body.database });
  }

  const stats = () => ({
    total: { ...total },
    databases: Object.fromEntries([...perDatabase].map(([k, v]) => [k, { ...v }])),
    queue: {
      current: queue.current,
      max: queue.max,
      busyMs: Math.round(backend.busyMs() * 1000) / 1000,
      abandoned: queue.abandoned,
      slow: { afterMs: slowAfterMs, count: queue.slow, shallowestQueue: queue.shallowestSlow },
    } satisfies QueueStats,
  });
  const resetQueueMax = () => {
    queue.max = queue.current;
    queue.shallowestSlow = null;
  };

  const server = createServer((req, res) => {
    if (!namesLoopback(req)) return sendJson(res, 403, { message: NOT_LOOPBACK_MESSAGE });
    const route = `${req.method} ${req.url?.split("?")[0]}`;
    const handle = () => {
      switch (route) {
        case "POST /sql":
          return handleSql(req, res);
        case "GET /health":
          return sendJson(res, 200, { status: "ok" });
        case "GET /_stats":
          return sendJson(res, 200, stats());
        case "POST /_control/fault":
          return handleFault(req, res);
        case "POST /_control/release":
          return handleRelease(req, res);
        case "POST /_control/reset-queue-max":
          resetQueueMax();
          return sendJson(res, 200, stats().queue);
        default:
          return sendJson(res, 404, { message: `no route ${route}` });
      }
    };
    Promise.resolve(handle()).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { message: "local neon error" });
    });
  });
  server.keepAliveTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;

  return {
    url: `http://${host}:${actualPort}`,
    port: actualPort,
    stats,
    resetQueueMax,
    async close() {
      for (const res of hanging) res.socket?.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await backend.close();
    },
  };
}

function databaseFromConnectionString(connection: string): string | undefined {
  try {
    const name = decodeURIComponent(new URL(connection).pathname.slice(1));
    return isDatabaseName(name) ? name : undefined;
  } catch {
    return undefined;
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new ProtocolError("request body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}
