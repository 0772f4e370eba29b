/**
 * CPU time per process, read from the operating system (/proc/<pid>/stat: utime + stime, all
 * threads), so each scenario's cost can be split between the Worker runtime, the local Neon, the
 * OpenAI stub and the load generator and divided by the requests served.
 */
import { readdirSync, readFileSync } from "node:fs";

const TICK_MS = 1000 / 100; // USER_HZ is 100 on Linux

interface ProcStat {
  pid: number;
  ppid: number;
  name: string;
  cpuMs: number;
}

function readStat(pid: number): ProcStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may itself contain spaces or parentheses.
    const close = text.lastIndexOf(")");
    const name = text.slice(text.indexOf("(") + 1, close);
    const fields = text.slice(close + 2).split(" ");
    // After the name: state(0) ppid(1) … utime(11) stime(12).
    return { pid, ppid: Number(fields[1]), name, cpuMs: (Number(fields[11]) + Number(fields[12])) * TICK_MS };
  } catch {
    return undefined;
  }
}

function allProcesses(): ProcStat[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .map((entry) => readStat(Number(entry)))
    .filter((stat): stat is ProcStat => stat !== undefined);
}

/** The process and all its descendants. */
function processTree(rootPid: number): ProcStat[] {
  const processes = allProcesses();
  const tree = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const proc of processes) {
      if (!tree.has(proc.pid) && tree.has(proc.ppid)) {
        tree.add(proc.pid);
        grew = true;
      }
    }
  }
  return processes.filter((proc) => tree.has(proc.pid));
}

/**
 * A named group of processes whose CPU is read together, e.g. "workerd" = every workerd under
 * the runtime's process. `select` is evaluated at each reading, so processes that start later
 * (workerd restarts, new Postgres backends) are counted from then on.
 */
export interface CpuGroup {
  name: string;
  select: () => ProcStat[];
}

/** The processes in the tree under `rootPid` that pass `filter`. */
export const inTree =
  (rootPid: number, filter: (proc: ProcStat) => boolean = () => true) =>
  () =>
    processTree(rootPid).filter(filter);

/** One process alone, without its children. */
export const only = (pid: number) => () => [readStat(pid)].filter((stat): stat is ProcStat => stat !== undefined);

/** Every process with this command name, e.g. a Postgres server's backends. */
export const named = (name: string) => () => allProcesses().filter((proc) => proc.name === name);

export type CpuSnapshot = Map<string, Map<number, number>>;

function snapshot(groups: CpuGroup[]): CpuSnapshot {
  return new Map(groups.map((group) => [group.name, new Map(group.select().map((proc) => [proc.pid, proc.cpuMs]))]));
}

/**
 * CPU ms each group used between two snapshots. A process that appeared in between counts from 0;
 * one that exited in between is lost (its last ticks cannot be read), which the bench avoids by
 * reading while every measured process is alive.
 */
function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): Record<string, number> {
  const used: Record<string, number> = {};
  for (const [name, pids] of after) {
    const earlier = before.get(name) ?? new Map<number, number>();
    used[name] = [...pids].reduce((sum, [pid, ms]) => sum + ms - (earlier.get(pid) ?? 0), 0);
  }
  return used;
}

/** Runs `work` and returns its result with the CPU ms each group used meanwhile. */
export async function measureCpu<T>(groups: CpuGroup[], work: () => Promise<T>): Promise<{ result: T; cpuMs: Record<string, number> }> {
  const before = snapshot(groups);
  const result = await work();
  return { result, cpuMs: cpuBetween(before, snapshot(groups)) };
}
