/**
 * The production-runtime process of `npm run bench`: the deployed bundle (`wrangler deploy
 * --dry-run --outdir`) in workerd through Miniflare's API, with no wrangler and no dev proxy.
 *
 * Bindings come from the wrangler config through wrangler's own translation
 * (`unstable_getMiniflareWorkerOptions`), so local R2 and the rate-limit bindings are the ones
 * `wrangler dev` would give; the R2 state folder is the one the seed step filled.
 *
 * Requests reach the Worker through a direct socket (`unsafeDirectSockets`): workerd's HTTP
 * listener bound to the user Worker itself. Miniflare's default socket goes through its entry
 * Worker first (one more Worker invocation per request, for pretty errors and `request.cf`);
 * tools/bench/calibration.ts measures both against plain workerd.
 *
 * Runs in its own process so its Node side (Miniflare's loopback server, log forwarding) is
 * accounted apart from the local Neon's process. Input: one JSON argument, {@link RuntimeInput}.
 * Prints `{"url", "entryUrl", "inspectorPort"}` once ready, then serves until SIGTERM.
 */
import path from "node:path";
import { convertV4MiniflareOptions, Log, LogLevel, Miniflare } from "miniflare";
import { unstable_getMiniflareWorkerOptions } from "wrangler";

export interface RuntimeInput {
  /** The bundled Worker module (e.g. `<outdir>/index.js`). */
  scriptPath: string;
  /** wrangler config whose bindings, compatibility date and flags the Worker gets. */
  configPath: string;
  /** wrangler's state folder (`--persist-to`), shared with the seed step. */
  persistTo?: string;
  /** Vars and secrets, over the config's. */
  vars: Record<string, string>;
  port: number;
  /** Opens the V8 inspector on this port (for CPU profiles). */
  inspectorPort?: number;
}

const input = JSON.parse(process.argv[2]) as RuntimeInput;
// wrangler still speaks Miniflare's v4 option shape; this Miniflare converts it. Module rules only
// matter when bundling, and the bundle is one module already. The static assets are left out: on
// Cloudflare the asset lookup happens before the Worker runs and is not the Worker's CPU, while
// Miniflare emulates it with two more Workers in front of ours (measured here: the trivial route
// 0.85 ms of workerd CPU per request with them, 0.18 ms without). No benchmarked route is an asset.
const {
  modulesRules: _bundlingOnly,
  assets: _servedBeforeTheWorker,
  ...workerOptions
} = unstable_getMiniflareWorkerOptions(input.configPath).workerOptions;

const mf = new Miniflare(
  convertV4MiniflareOptions({
    host: "127.0.0.1",
    port: 0,
    // Offline: no fetch of Cloudflare's `request.cf` sample (the placeholder is used).
    cf: false,
    ...(input.inspectorPort ? { inspectorPort: input.inspectorPort } : {}),
    // Warnings and errors only: the Worker's own log lines stay on stderr as under `wrangler dev`.
    log: new Log(LogLevel.WARN),
    ...(input.persistTo ? { resourcePersistencePath: path.join(input.persistTo, "v3") } : {}),
    workers: [
      {
        ...workerOptions,
        name: "worker",
        modules: true,
        scriptPath: input.scriptPath,
        bindings: { ...(workerOptions.bindings as Record<string, string>), ...input.vars },
        unsafeDirectSockets: [{ host: "127.0.0.1", port: input.port }],
      },
    ],
  }),
);

const entryUrl = await mf.ready;
const url = await mf.unsafeGetDirectURL("worker");
console.log(JSON.stringify({ url: url.origin, entryUrl: entryUrl.origin, inspectorPort: input.inspectorPort ?? null }));

const stop = async () => {
  await mf.dispose().catch(() => {});
  process.exit(0);
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
