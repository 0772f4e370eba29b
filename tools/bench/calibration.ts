/**
 * The runtime calibration of `npm run bench` (`--only runtime`): one hello-world Worker served by
 * plain workerd (generated config), by Miniflare through its direct socket (the production
 * runtime's path), by Miniflare through its entry Worker, and by `wrangler dev`. It shows what
 * each runtime costs before the app does anything, and gives the hello-world-under-wrangler-dev
 * figure the development server's target is relative to. The same hello-world is measured once more
 * under `wrangler dev` with a static-assets directory, as this app has (`[assets]`, public/): then
 * every request first passes the assets router Worker, which a plain hello-world does not have.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { CpuGroup } from "./cpu.ts";
import { type MeasuredSample, measuredLoad, runtimeGroups } from "./measure.ts";
import { median } from "./report.ts";
import { startPlainWorkerd, startProductionRuntime, stopChild } from "./runtime.ts";

export interface CalibrationRow {
  runtime: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  /** CPU ms per request of the runtime's processes (workerd + its Node side). */
  runtimeCpuMs: number;
  loadCpuMs: number;
}

const HELLO = `export default { fetch() { return new Response("Hello World!"); } };\n`;

export async function runCalibration({
  root,
  work,
  port,
  duration,
  runs,
  compatibilityDate,
  configPath,
}: {
  root: string;
  work: string;
  port: number;
  duration: number;
  runs: number;
  compatibilityDate: string;
  configPath: string;
}): Promise<CalibrationRow[]> {
  const dir = path.join(work, "hello");
  await mkdir(dir, { recursive: true });
  const script = path.join(dir, "hello.js");
  await writeFile(script, HELLO);
  const helloConfig = `name = "hello"\nmain = "hello.js"\ncompatibility_date = "${compatibilityDate}"\n`;
  await writeFile(path.join(dir, "wrangler.toml"), helloConfig);
  // Requests for "/" find no asset here, so they reach the Worker after the router, as the app's do.
  await mkdir(path.join(dir, "public"), { recursive: true });
  await writeFile(path.join(dir, "public", "robots.txt"), "");
  await writeFile(path.join(dir, "wrangler-assets.toml"), `${helloConfig}[assets]\ndirectory = "./public"\n`);

  const rows: CalibrationRow[] = [];
  const measure = async (runtime: string, url: string, groups: CpuGroup[]) => {
    for (const connections of [10, 50]) {
      const samples: MeasuredSample[] = [];
      for (let run = 0; run < runs; run++) {
        samples.push(
          await measuredLoad(
            { key: "production", label: runtime, url, cpuGroups: groups },
            { connections, duration, requests: [{ method: "GET", path: "/" }] },
            [],
          ),
        );
      }
      const m = (pick: (s: MeasuredSample) => number) => median(samples.map(pick));
      const runtimeCpu = (s: MeasuredSample) =>
        Object.entries(s.cpuPerRequest)
          .filter(([name]) => name !== "load generator")
          .reduce((sum, [, ms]) => sum + ms, 0);
      const row = {
        runtime,
        connections,
        rps: Math.round(m((s) => s.rps)),
        p50: m((s) => s.p50),
        p99: m((s) => s.p99),
        runtimeCpuMs: round(m(runtimeCpu)),
        loadCpuMs: round(m((s) => s.cpuPerRequest["load generator"])),
      };
      rows.push(row);
      console.log(
        `  hello world, ${runtime}, c=${connections}: ${row.rps} req/s, p50 ${row.p50} ms, runtime CPU ${row.runtimeCpuMs} ms/req, load generator ${row.loadCpuMs} ms/req`,
      );
    }
  };

  const plain = await startPlainWorkerd({ script, dir, port, compatibilityDate });
  try {
    await measure("plain workerd (generated config)", plain.url, runtimeGroups(plain.process.pid!, "—"));
  } finally {
    await plain.stop();
  }

  const miniflare = await startProductionRuntime({ scriptPath: script, configPath, vars: {}, port });
  try {
    const groups = runtimeGroups(miniflare.process.pid!, "Miniflare's Node process");
    await measure("Miniflare, direct socket (the production runtime's path)", miniflare.url, groups);
    await measure("Miniflare, default socket (its entry Worker in front)", miniflare.entryUrl!, groups);
  } finally {
    await miniflare.stop();
  }

  for (const [runtime, config] of [
    [WRANGLER_DEV, "wrangler.toml"],
    [WRANGLER_DEV_WITH_ASSETS, "wrangler-assets.toml"],
  ]) {
    const wrangler = await startWranglerDev(root, dir, config, port);
    try {
      await measure(runtime, `http://127.0.0.1:${port}`, runtimeGroups(wrangler.pid!, "wrangler's Node process"));
    } finally {
      await stopChild(wrangler);
    }
  }
  return rows;
}

const WRANGLER_DEV = "wrangler dev";
const WRANGLER_DEV_WITH_ASSETS = "wrangler dev, with a static-assets directory (as the app has)";

async function startWranglerDev(root: string, dir: string, config: string, port: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      path.join(root, "node_modules/wrangler/bin/wrangler.js"),
      "dev",
      "--config",
      path.join(dir, config),
      "--ip",
      "127.0.0.1",
      "--port",
      String(port),
      "--persist-to",
      path.join(dir, "state"),
      "--show-interactive-dev-session=false",
      "--log-level",
      "warn",
    ],
    {
      cwd: dir,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
    },
  );
  for (let attempt = 0; attempt < 240 && child.exitCode === null; attempt++) {
    if (
      await fetch(`http://127.0.0.1:${port}/`).then(
        (res) => res.ok,
        () => false,
      )
    )
      return child;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stopChild(child);
  throw new Error("wrangler dev (hello world) did not start");
}

const round = (value: number) => Math.round(value * 1000) / 1000;
