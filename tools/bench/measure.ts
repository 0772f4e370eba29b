/**
 * One measured load run against one Worker runtime: throughput and latency from the load
 * process, CPU per request for every process involved (from /proc), and database round trips
 * per request counted at the local Neon.
 */
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
}

/**
 * @param sharedGroups processes every runtime uses (the local Neon with PGlite, the OpenAI stub,
 *   a Postgres server's backends).
 * @param dbRequests the local Neon's round-trip counter.
 */
export async function measuredLoad(
  target: Target,
  scenario: LoadScenario,
  sharedGroups: CpuGroup[],
  dbRequests?: () => number,
): Promise<MeasuredSample> {
  const queriesBefore = dbRequests?.() ?? 0;
  const { result: load, cpuMs } = await measureCpu([...target.cpuGroups, ...sharedGroups], () =>
    runChild<LoadResult>("load.ts", { url: target.url, ...scenario }),
  );
  const queries = (dbRequests?.() ?? 0) - queriesBefore;
  const served = Math.max(1, load.requests);
  const cpuPerRequest = Object.fromEntries(
    Object.entries({ ...cpuMs, "load generator": load.cpuMs }).map(([name, ms]) => [name, round(ms / served)]),
  );
  return { ...load, queriesPerRequest: dbRequests && load.requests ? queries / load.requests : 0, cpuPerRequest };
}

const round = (value: number) => Math.round(value * 1000) / 1000;
