/**
 * One measured load run against one Worker runtime: throughput and latency from the load
 * process, CPU per request for every process involved (from /proc), and database round trips,
 * busy time and queue depth counted at the local Neon. Also the bench's failure log: every load
 * and burst process appends its failures to one file, whoever started it.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { LocalNeon } from "../local-neon/server.ts";
import { runChild } from "./child.ts";
import { type CpuGroup, inTree, measureCpu } from "./cpu.ts";
import type { LoadResult, Sample } from "./report.ts";

/** A Worker runtime under test and the processes that make it up. */
export interface Target {
  key: "production" | "development";
  label: string;
  url: string;
  /** Its own processes (workerd, and the Node process that started it). */
  cpuGroups: CpuGroup[];
}

export const PRODUCTION_LABEL = "production runtime (workerd via Miniflare, deployed bundle)";
export const DEVELOPMENT_LABEL = "development server (wrangler dev)";

/** workerd and the Node side that drives it (Miniflare or wrangler, with esbuild), apart. */
export function runtimeGroups(rootPid: number, nodeSide: string): CpuGroup[] {
  return [
    { name: "workerd", select: inTree(rootPid, (proc) => proc.name === "workerd") },
    { name: nodeSide, select: inTree(rootPid, (proc) => proc.name !== "workerd") },
  ];
}

export interface LoadScenario {
  connections: number;
  duration?: number;
  amount?: number;
  requests: Array<{ method: "GET" | "POST"; path: string; headers?: Record<string, string>; body?: string }>;
  uniqueBodies?: boolean;
}

export interface MeasuredSample extends Sample {
  /** CPU ms per request served, per process group, the load generator included. */
  cpuPerRequest: Record<string, number>;
  database?: DatabaseFigures;
}

/** The local Neon as the bench reads it (in process). */
export type DatabaseMeter = Pick<LocalNeon, "stats" | "resetQueueMax">;

/** What the local Neon saw during one run (its `/_stats` queue, tools/local-neon/server.ts). */
export interface DatabaseFigures {
  /** Round trips. */
  requests: number;
  /** Milliseconds the backend spent executing statements (PGlite: planning and execution). */
  busyMs: number;
  /** The most statements waiting for or running in the backend at once. */
  queueMax: number;
  /** Answers later than the Neon driver's timeout (the Worker had given up: a 503), and the shallowest queue one met on arrival. */
  slow: number;
  slowFromQueue: number | null;
  /** Requests whose client (the Worker) hung up before the answer. */
  abandoned: number;
}

/** Runs `work` and returns what the local Neon saw meanwhile. */
export async function databaseDuring<T>(
  neon: DatabaseMeter | undefined,
  work: () => Promise<T>,
): Promise<{ result: T; database?: DatabaseFigures }> {
  if (!neon) return { result: await work() };
  neon.resetQueueMax();
  const before = neon.stats();
  const result = await work();
  const after = neon.stats();
  return {
    result,
    database: {
      requests: after.total.requests - before.total.requests,
      busyMs: after.queue.busyMs - before.queue.busyMs,
      queueMax: after.queue.max,
      slow: after.queue.slow.count - before.queue.slow.count,
      slowFromQueue: after.queue.slow.shallowestQueue,
      abandoned: after.queue.abandoned - before.queue.abandoned,
    },
  };
}

/** One failed load or burst run, as load.ts and burst.ts append it to BENCH_FAILURES_FILE. */
export interface FailureEntry {
  /** `bench`: something the bench itself noticed (the sources changed under it). */
  source: "load" | "burst" | "bench";
  what: string;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
}

/** Starts the failure log for this bench run: child processes inherit the variable. */
export function startFailureLog(file: string): void {
  writeFileSync(file, "");
  process.env.BENCH_FAILURES_FILE = file;
}

export function readFailureLog(file = process.env.BENCH_FAILURES_FILE): FailureEntry[] {
  if (!file || !existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as FailureEntry);
}

/**
 * @param sharedGroups processes every runtime uses (the local Neon with PGlite, the OpenAI stub,
 *   a Postgres server's backends).
 * @param neon the local Neon: round trips, busy time and queue depth during the run.
 */
export async function measuredLoad(
  target: Target,
  scenario: LoadScenario,
  sharedGroups: CpuGroup[],
  neon?: DatabaseMeter,
): Promise<MeasuredSample> {
  const {
    result: { result: load, cpuMs },
    database,
  } = await databaseDuring(neon, () =>
    measureCpu([...target.cpuGroups, ...sharedGroups], () => runChild<LoadResult>("load.ts", { url: target.url, ...scenario })),
  );
  const served = Math.max(1, load.requests);
  const cpuPerRequest = Object.fromEntries(
    Object.entries({ ...cpuMs, "load generator": load.cpuMs }).map(([name, ms]) => [name, round(ms / served)]),
  );
  return { ...load, queriesPerRequest: database && load.requests ? database.requests / load.requests : 0, cpuPerRequest, database };
}

const round = (value: number) => Math.round(value * 1000) / 1000;
