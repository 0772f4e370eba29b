/**
 * The embedded local Neon: an HTTP server speaking Neon's SQL-over-HTTP protocol in front of a
 * {@link Backend}, so the Worker's `neon()` driver code runs unchanged on a laptop or in tests.
 *
 * It answers only requests whose `Host` names this machine (see ../loopback-host.ts).
 *
 * Besides `POST /sql` it serves:
 * - `GET /health`: readiness.
 * - `GET /_stats`: requests (round trips) and statements served, in total and per database, for
 *   benchmarks and round-trip budget tests.
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

export interface LocalNeon {
  /** Base URL, e.g. `http://127.0.0.1:5433`; the driver's endpoint is `${url}/sql`. */
  url: string;
  port: number;
  stats(): { total: Counter; databases: Record<string, Counter> };
  close(): Promise<void>;
}

export interface LocalNeonOptions {
  backend: Backend;
  port?: number;
  host?: string;
  /** Called after every SQL request with its database, duration and outcome (never the SQL). */
  onRequest?: (entry: { database: string; statements: number; ms: number; status: number }) => void;
}

export async function startLocalNeon({ backend, port = 0, host = "127.0.0.1", onRequest }: LocalNeonOptions): Promise<LocalNeon> {
  const total: Counter = { requests: 0, statements: 0 };
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
    try {
      const parsed = parseSqlBody(JSON.parse(await readBody(req)));
      const arrayMode = header(req, "neon-array-mode") === "true";
      const runner = await backend.database(database);
      statements = Array.isArray(parsed) ? parsed.length : 1;
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

  const stats = () => ({ total: { ...total }, databases: Object.fromEntries([...perDatabase].map(([k, v]) => [k, { ...v }])) });

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
