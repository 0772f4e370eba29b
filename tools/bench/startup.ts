/**
 * The Worker's start-up CPU (issue 26: under 50 ms): script compile plus top-level module
 * evaluation of the deployed bundle, next to a hello-world Worker's, medians of several starts.
 *
 * `wrangler check startup` does the measuring: it loads a bundle (`wrangler deploy --dry-run
 * --outfile`, the same build the upload and `npm run check:bundle` use) into a local workerd through
 * Miniflare and writes a V8 CPU profile of the first `import()` of the main module. The figure
 * here is that profile's active time (every sample except `(idle)`, garbage collection included),
 * which is what wrangler prints as "Active". It is sampled wall time on this machine's CPU, not
 * Cloudflare's, and a loaded machine inflates it: compare the app with the hello world of the same
 * run. Runs offline. `npx tsx tools/bench/startup.ts [--runs 5] [--bundle <prebuilt>]` prints the figures.
 */
import { execFile } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { median } from "./report.ts";

export interface StartupFigures {
  /** Median active CPU-profile time of the app's start-up, ms. */
  startupMs: number;
  /** The same for a hello-world Worker with the app's compatibility date and flags. */
  helloWorldMs: number;
  runs: number;
  method: string;
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string } }[];
  samples?: number[];
  timeDeltas?: number[];
}

const HELLO = `export default { fetch() { return new Response("Hello World!"); } };\n`;

/** Sampled time minus `(idle)`, in ms: wrangler's own "Active" figure. */
function activeMs(profile: CpuProfile): number {
  const names = new Map(profile.nodes.map((node) => [node.id, node.callFrame.functionName]));
  const samples = profile.samples ?? [];
  let active = 0;
  for (const [index, delta] of (profile.timeDeltas ?? []).entries()) {
    if (names.get(samples[index]) !== "(idle)") active += delta;
  }
  return active / 1000;
}

function wrangler(root: string, cwd: string, args: string[]) {
  return promisify(execFile)(process.execPath, [path.join(root, "node_modules/wrangler/bin/wrangler.js"), ...args], {
    cwd,
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
    maxBuffer: 16 * 1024 * 1024,
  });
}

/** A hello-world project with the app's compatibility date and flags, so only the app's code differs. */
async function writeHelloWorld(root: string, dir: string): Promise<void> {
  const config = await readFile(path.join(root, "wrangler.toml"), "utf8");
  const date = /^compatibility_date = (".+")$/m.exec(config)?.[1];
  const flags = /^compatibility_flags = (\[.*\])$/m.exec(config)?.[1] ?? "[]";
  if (!date) throw new Error("wrangler.toml has no compatibility_date");
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "hello.js"), HELLO);
  await writeFile(
    path.join(dir, "wrangler.toml"),
    `name = "hello"\nmain = "hello.js"\ncompatibility_date = ${date}\ncompatibility_flags = ${flags}\n`,
  );
}

async function profileOnce(root: string, cwd: string, bundle: string, outfile: string): Promise<number> {
  await wrangler(root, cwd, ["check", "startup", "--worker", bundle, "--outfile", outfile]);
  return activeMs(JSON.parse(await readFile(outfile, "utf8")));
}

export async function measureStartup({
  root,
  work,
  runs = 5,
  bundle,
}: {
  root: string;
  /** A folder of its own for the bundles and profiles. */
  work: string;
  runs?: number;
  /** A bundle already built by `wrangler deploy --dry-run --outfile`; built here when absent. */
  bundle?: string;
}): Promise<StartupFigures> {
  const helloDir = path.join(work, "hello");
  await writeHelloWorld(root, helloDir);
  const appBundle = bundle ?? path.join(work, "app.bundle");
  const helloBundle = path.join(work, "hello.bundle");
  if (!bundle) await wrangler(root, root, ["deploy", "--dry-run", "--outfile", appBundle]);
  await wrangler(root, helloDir, ["deploy", "--dry-run", "--outfile", helloBundle]);

  const app: number[] = [];
  const hello: number[] = [];
  // Alternated, so a burst of load from elsewhere weighs on both alike.
  for (let run = 0; run < runs; run++) {
    app.push(await profileOnce(root, root, appBundle, path.join(work, `app-${run}.cpuprofile`)));
    hello.push(await profileOnce(root, helloDir, helloBundle, path.join(work, `hello-${run}.cpuprofile`)));
  }
  return {
    startupMs: Math.round(median(app) * 10) / 10,
    helloWorldMs: Math.round(median(hello) * 10) / 10,
    runs,
    method:
      "wrangler check startup (local workerd): active time of the V8 CPU profile of the main module's first import (compile + top-level evaluation), median",
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const root = path.resolve(import.meta.dirname, "../..");
  const runsFlag = process.argv.indexOf("--runs");
  const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 5;
  const bundleFlag = process.argv.indexOf("--bundle");
  const bundle = bundleFlag > 0 ? path.resolve(process.argv[bundleFlag + 1]) : undefined;
  const figures = await measureStartup({ root, work: path.join(root, ".local/startup"), runs, bundle });
  console.log(
    `worker start-up: ${figures.startupMs} ms (hello world ${figures.helloWorldMs} ms; the app's own ${(figures.startupMs - figures.helloWorldMs).toFixed(1)} ms), median of ${figures.runs}`,
  );
  console.log(JSON.stringify(figures));
}
