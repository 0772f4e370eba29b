/**
 * `npm run check:bundle`: bundles the Worker as `wrangler deploy --dry-run` does and fails when
 * the gzip size passes the 400 KiB budget (run by .ci/run).
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const BUDGET_KIB = 400;
const root = path.resolve(import.meta.dirname, "../..");
const { stdout } = await promisify(execFile)(process.execPath, [path.join(root, "node_modules/wrangler/bin/wrangler.js"), "deploy", "--dry-run", "--outdir", path.join(root, ".local/bundle")], {
  cwd: root,
  env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
});
const match = /Total Upload: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/.exec(stdout);
if (!match) {
  console.error("could not read the bundle size from wrangler's output");
  process.exit(1);
}
const gzip = Number(match[2]);
console.log(`worker bundle: ${match[1]} KiB, ${gzip} KiB gzip (budget ${BUDGET_KIB} KiB gzip)`);
if (gzip > BUDGET_KIB) {
  console.error(`over budget by ${(gzip - BUDGET_KIB).toFixed(2)} KiB`);
  process.exit(1);
}
