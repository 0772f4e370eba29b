/**
 * A CPU profile of the Worker while load runs: the V8 inspector that workerd exposes
 * (Miniflare's `inspectorPort`), driven over the Chrome DevTools protocol (Profiler.start/stop)
 * with Node's own WebSocket client. The profile is of the deployed (minified) bundle; its source
 * map turns positions back into source files and names so costs can be aggregated per package
 * and per function.
 */
import { readFile } from "node:fs/promises";
import { SourceMap } from "node:module";

export interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number; scriptId: string };
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** The inspector target of the user Worker (Miniflare names it `core:user:<name>`). */
async function workerTarget(inspectorPort: number, workerName: string): Promise<string> {
  const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json/list`)).json()) as Array<{
    id: string;
    webSocketDebuggerUrl: string;
  }>;
  const target = targets.find((t) => t.id === `core:user:${workerName}`);
  if (!target) throw new Error(`no inspector target for worker ${workerName}`);
  return target.webSocketDebuggerUrl.replace("localhost", "127.0.0.1");
}

/** Profiles the Worker's isolate while `work` runs. */
export async function profileWhile<T>(
  inspectorPort: number,
  workerName: string,
  work: () => Promise<T>,
  samplingIntervalUs = 250,
): Promise<{ result: T; profile: CpuProfile }> {
  const socket = new WebSocket(await workerTarget(inspectorPort, workerName));
  await new Promise((resolve, reject) => {
    socket.addEventListener("open", resolve, { once: true });
    socket.addEventListener("error", () => reject(new Error("could not connect to the Worker's inspector")), { once: true });
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  socket.addEventListener("message", (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown; error?: { message: string } };
    const waiter = message.id === undefined ? undefined : pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id!);
    if (message.error) waiter.reject(new Error(message.error.message));
    else waiter.resolve(message.result);
  });
  const send = <R>(method: string, params: object = {}) =>
    new Promise<R>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      socket.send(JSON.stringify({ id, method, params }));
    });
  try {
    await send("Profiler.enable");
    await send("Profiler.setSamplingInterval", { interval: samplingIntervalUs });
    await send("Profiler.start");
    const result = await work();
    const { profile } = await send<{ profile: CpuProfile }>("Profiler.stop");
    await send("Profiler.disable");
    return { result, profile };
  } finally {
    socket.close();
  }
}

export interface CostRow {
  name: string;
  selfMs: number;
  /** Share of the profile's busy time (idle excluded). */
  share: number;
}

export interface ProfileSummary {
  /** Sampled time the isolate was not idle (wall-clock samples: inflated when the machine is contended). */
  busyMs: number;
  byPackage: CostRow[];
  byFunction: CostRow[];
  /**
   * Each sample charged to the innermost frame of the app's own code (src/) on its stack, so a
   * row is that function plus the library and runtime work it called: what a change in src/ can save.
   */
  byAppFunction: CostRow[];
}

/**
 * Self time per function and per package (node_modules/<name>, src/<folder>, or the runtime's
 * own "(garbage collector)", "(program)"), with the bundle's positions mapped through its source map.
 */
export async function summariseProfile(profile: CpuProfile, sourceMapFile?: string, top = 20): Promise<ProfileSummary> {
  const sourceMap = sourceMapFile ? new SourceMap(JSON.parse(await readFile(sourceMapFile, "utf8"))) : undefined;
  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++)
    selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));

  const parents = new Map<number, CpuProfileNode>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node);
  const located = new Map(profile.nodes.map((node) => [node.id, locate(node, sourceMap)]));

  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  const byAppFunction = new Map<string, number>();
  const add = (costs: Map<string, number>, key: string, us: number) => costs.set(key, (costs.get(key) ?? 0) + us);
  let busyUs = 0;
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (!us || node.callFrame.functionName === "(idle)") continue;
    busyUs += us;
    const { name, file } = located.get(node.id)!;
    add(byFunction, `${name} (${file})`, us);
    add(byPackage, packageOf(file), us);
    let frame: CpuProfileNode | undefined = node;
    while (frame && !located.get(frame.id)!.file.startsWith("src/")) frame = parents.get(frame.id);
    const app = frame ? located.get(frame.id)! : undefined;
    add(byAppFunction, app ? `${app.name} (${app.file})` : `outside src/: ${packageOf(file)}`, us);
  }
  const rows = (costs: Map<string, number>) =>
    [...costs]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, selfMs: Math.round(us / 100) / 10, share: Math.round((us / Math.max(1, busyUs)) * 1000) / 10 }));
  return {
    busyMs: Math.round(busyUs / 1000),
    byPackage: rows(byPackage),
    byFunction: rows(byFunction),
    byAppFunction: rows(byAppFunction),
  };
}

/** The source file and name of a profile node; runtime-internal frames keep their own labels. */
function locate(node: CpuProfileNode, sourceMap: SourceMap | undefined): { name: string; file: string } {
  const { functionName, url, lineNumber, columnNumber } = node.callFrame;
  // No script: V8's own entries ("(program)", "(garbage collector)") or workerd's built-ins
  // called from JavaScript (fetch, Response, crypto.subtle, URL, timers).
  if (!url) return { name: functionName || "(anonymous)", file: functionName.startsWith("(") ? functionName : "workerd built-ins" };
  const entry =
    sourceMap && lineNumber >= 0
      ? (sourceMap.findEntry(lineNumber, columnNumber) as { originalSource?: string; originalLine?: number; name?: string })
      : undefined;
  if (!entry?.originalSource) return { name: functionName || "(anonymous)", file: url };
  const file = entry.originalSource.replace(/^(\.\.\/)+/, "").replace(/^.*node_modules\//, "node_modules/");
  const name = entry.name ?? (functionName && functionName.length > 2 ? functionName : "(anonymous)");
  return { name: `${name}:${(entry.originalLine ?? 0) + 1}`, file };
}

/** node_modules/<package> (scoped packages keep their scope), src/<folder>, or the label itself. */
function packageOf(file: string): string {
  // drizzle-orm's maps name their sources "../src/…" from the package folder, which resolves to node_modules/src/.
  if (file.startsWith("node_modules/src/")) return "drizzle-orm";
  const dependency = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (dependency) return dependency[1];
  const source = /^src\/(?:([^/]+)\/)?/.exec(file);
  if (source) return source[1] ? `src/${source[1]}` : "src";
  return file;
}
