/** The Worker bundle as `wrangler deploy --dry-run` builds it, for the bundle check and the benchmark. */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

/**
 * 680 KiB since issues 22–25 (2026-12-06): 664 KiB measured with the clinician workspace, FHIR,
 * the Spanish catalogues and passkeys. Passkeys' @simplewebauthn/server brings ASN.1 and
 * certificate code (~50 KiB gzip; its certificate-chain part is aliased out, wrangler.toml). Issue
 * 26 asked for 600 with the start-up CPU measured; it is to measure that start-up and either
 * bring the bundle back under 600 or show the start-up within its 50 ms at this size.
 */
export const BUNDLE_BUDGET_KIB = 680;

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
