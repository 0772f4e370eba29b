/**
 * Starting the Worker runtimes the benchmark compares, each in its own process tree so its CPU
 * can be read from the operating system (tools/bench/cpu.ts):
 * - the production runtime: the deployed bundle in workerd through Miniflare (runtime-server.ts);
 * - plain workerd with a generated config (no Miniflare at all), for the hello-world calibration.
 * The development server (`wrangler dev`) is started by tools/dev/stack.ts.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { RuntimeInput } from "./runtime-server.ts";

export interface RunningRuntime {
  url: string;
  /** Miniflare's default socket (its entry Worker in front of ours); absent for plain workerd. */
  entryUrl?: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, "../..");

export async function startProductionRuntime(input: RuntimeInput): Promise<RunningRuntime> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "runtime-server.ts"), JSON.stringify(input)], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const ready = await new Promise<{ url: string; entryUrl: string }>((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk) => {
      output += chunk;
      const line = output.split("\n").find((text) => text.startsWith("{"));
      if (line) resolve(JSON.parse(line));
    });
    child.once("exit", (code) => reject(new Error(`the production runtime exited ${code} before it was ready`)));
  });
  return { ...ready, process: child, stop: () => stopChild(child) };
}

/**
 * One ES module in plain workerd, configured by a generated capnp file: the reference for how fast
 * the runtime itself serves, with nothing of Miniflare's or wrangler's in the path.
 */
export async function startPlainWorkerd({
  script,
  dir,
  port,
  compatibilityDate,
}: {
  script: string;
  dir: string;
  port: number;
  compatibilityDate: string;
}): Promise<RunningRuntime> {
  const config = `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "main", worker = .worker)],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed ${JSON.stringify(path.basename(script))})],
  compatibilityDate = ${JSON.stringify(compatibilityDate)},
);
`;
  const configPath = path.join(dir, "plain-workerd.capnp");
  await writeFile(configPath, config);
  const child = spawn(path.join(root, "node_modules/workerd/bin/workerd"), ["serve", configPath], {
    cwd: dir,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100 && child.exitCode === null; attempt++) {
    if (
      await fetch(url).then(
        () => true,
        () => false,
      )
    )
      return { url, process: child, stop: () => stopChild(child) };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stopChild(child);
  throw new Error("plain workerd did not start");
}

export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
