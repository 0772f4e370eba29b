/** The Worker bundle as `wrangler deploy --dry-run` builds it, for the bundle check and the benchmark. */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

/**
 * 600 KiB (issue 26, 2026-12-06): 593 KiB measured, from 664 KiB, with the clinician workspace,
 * FHIR, the Spanish catalogues and passkeys all in. What made the room is code the Worker never
 * runs, aliased out in wrangler.toml (vitest uses the same aliases): the openai SDK's resources we
 * never call (admin, beta, responses, files, …; its constructor builds them all, so they are
 * constructible stand-ins) and its `.stream()` / `.runTools()` helpers (−54 KiB gzip,
 * src/ai/excluded-openai-resource.ts), zod's opt-in `z.compile` and `z.fromJSONSchema` (−12,
 * src/lib/excluded-zod-extras.ts), and reflect-metadata, which only the already left-out
 * @peculiar/x509 needs (−5, src/lib/excluded-reflect-metadata.ts). The start-up CPU is measured
 * by ./startup.ts.
 */
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
