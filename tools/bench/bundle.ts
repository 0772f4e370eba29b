/** The Worker bundle as `wrangler deploy --dry-run` builds it, for the bundle check and the benchmark. */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

export const BUNDLE_BUDGET_KIB = 600;

/** Bundles into `outdir` and returns wrangler's sizes in KiB. */
export async function measureBundle(root: string, outdir: string): Promise<{ rawKiB: number; gzipKiB: number }> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [path.join(root, "node_modules/wrangler/bin/wrangler.js"), "deploy", "--dry-run", "--outdir", outdir],
    {
      cwd: root,
      env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
    },
  );
  const match = /Total Upload: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/.exec(stdout);
  if (!match) throw new Error("could not read the bundle size from wrangler's output");
  return { rawKiB: Number(match[1]), gzipKiB: Number(match[2]) };
}
