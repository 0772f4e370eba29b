/** BENCHMARKS.md: both Worker runtimes beside the original app, with the machine and the command. */

import { BUNDLE_BUDGET_KIB } from "./bundle.ts";
import type { FailureEntry } from "./measure.ts";
import { type RttReport, renderRtt } from "./report-rtt.ts";
import {
  type RuntimesReport,
  renderBursts,
  renderCalibration,
  renderCpu,
  renderProfiles,
  renderRetrieval,
  renderTargets,
  renderThroughput,
} from "./report-runtimes.ts";
import type { StartupFigures } from "./startup.ts";

/** What one load process reports (tools/bench/load.ts). */
export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  /** Requests still out when a timed run stopped sending; awaited and counted like the rest. */
  inFlightAtDeadline?: number;
  /** The load generator's own CPU during the run. */
  cpuMs: number;
}

export interface Sample extends LoadResult {
  queriesPerRequest: number;
}

/** What one burst process reports (tools/bench/burst.ts). */
export interface BurstResult {
  wallMs: number;
  statuses: Record<string, number>;
  slowest: { doneMs: number; dbMs: number; aiMs: number };
  /** The longest `Server-Timing: db` of the burst: queueing for the database plus the query. */
  maxDbMs: number;
  /** The burst process's own CPU. */
  cpuMs: number;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Responses that were not 2xx. */
export const nonOk = (statuses: Record<string, number>) =>
  Object.entries(statuses)
    .filter(([status]) => !status.startsWith("2"))
    .reduce((sum, [, n]) => sum + n, 0);

/** One scanner on one adversarial input family at its route's maximum size (tools/bench/scanners.ts). */
export interface ScannerResult {
  scanner: string;
  family: string;
  chars: number;
  /** Best of three runs. */
  ms: number;
  charsPerMs: number;
}

/** The scanners' table: every family, then each scanner's worst case. */
export function renderScanners(results: ScannerResult[]): string {
  const scanners = [...new Set(results.map((r) => r.scanner))];
  const worst = scanners.map((scanner) =>
    results.filter((r) => r.scanner === scanner).reduce((a, b) => (b.charsPerMs < a.charsPerMs ? b : a)),
  );
  const rows = results.map((r) => `| ${r.scanner} | ${r.family} | ${r.ms} | ${r.charsPerMs.toLocaleString("en-US")} |`);
  const worstRows = worst.map(
    (r) => `| ${r.scanner} | ${r.family} | **${r.charsPerMs.toLocaleString("en-US")}** | ${(1024 / r.charsPerMs).toFixed(2)} |`,
  );
  return `| scanner (input size) | input family | ms (best of 3) | chars/ms |
|---|---|---|---|
${rows.join("\n")}

Worst case per scanner (the contract allows a few milliseconds of CPU per kilobyte):

| scanner (input size) | worst family | chars/ms | ms per KiB |
|---|---|---|---|
${worstRows.join("\n")}`;
}

export interface ReportInput {
  date: string;
  machine: { cpus: string; memory: string; node: string; workerd: string; os: string };
  /** What served the local Neon: PGlite or a Postgres server. */
  database: string;
  aiLatencyMs: number;
  embeddingLatencyMs: number;
  duration: number;
  connections: number;
  runs: number;
  runtimes: RuntimesReport;
  scanners: ScannerResult[];
  soak: LoadResult & { registered: number; usersAdded: number; auditsAdded: number };
  bundle: string;
  command: string;
  /** The rtt part (tools/bench/rtt.ts): latency with a simulated distant database. */
  rtt?: RttReport;
  /** Every load or burst run, warm-ups included, that had a non-2xx answer, an error or a timeout. */
  failures: FailureEntry[];
  /** The Worker's start-up (tools/bench/startup.ts). */
  startup?: StartupFigures;
  bundleGzipKiB?: number;
}

/** A loud notice at the top of the report when any run failed: its figures are not clean. */
function renderFailures(failures: FailureEntry[]): string {
  if (!failures.length) return "";
  return `> **⚠ This run had failures.** ${failures.length} load or burst run(s) (warm-ups and calibration included) got
> non-2xx answers, connection errors or timeouts, or the bench saw its sources change; the figures concerned are not clean:
${failures.map((f) => `> - ${f.source}: ${f.what}: statuses ${JSON.stringify(f.statuses)}, errors ${f.errors}, timeouts ${f.timeouts}`).join("\n")}

`;
}

export function renderReport(input: ReportInput): string {
  const soak = input.soak;
  return `# Benchmarks

Measured by \`npm run bench\` on ${input.date.slice(0, 10)}. Two Worker runtimes serve the same stack (the embedded local Neon
on ${input.database}, miniflare's local R2 seeded as \`npm run dev\` seeds it, the project's OpenAI-compatible stub answering
chat in ${input.aiLatencyMs} ms and embeddings in ${input.embeddingLatencyMs} ms):
- the **production runtime**: the bundle \`wrangler deploy\` uploads (\`--dry-run --outdir\`, minified) run by workerd through
  Miniflare's API, requests on a socket bound directly to the Worker (no wrangler, no dev proxy, no Miniflare entry Worker);
- the **development server**: \`wrangler dev\`, as \`npm run dev\` runs it.
Load comes from a separate autocannon process. Rate limits are raised for the run (they are bindings) and per-request
log lines are off (\`LOG_LEVEL=warn\`) on both.

Reproduce: \`${input.command}\`

Machine: ${input.machine.cpus}, ${input.machine.memory}, ${input.machine.os}, Node ${input.machine.node}, workerd ${input.machine.workerd}.

${renderFailures(input.failures)}${renderTargets(input.runtimes, { rtt: input.rtt, bundleGzipKiB: input.bundleGzipKiB, startupMs: input.startup?.startupMs })}
${renderCalibration(input.runtimes.calibration)}
${renderThroughput(input.runtimes, input.runs, input.duration)}
${renderCpu(input.runtimes)}
${renderBursts(input.runtimes, input.runs)}
${renderProfiles(input.runtimes.profiles, input.runtimes.baseline)}
${renderRetrieval(input.runtimes.retrieval)}
${renderRtt(input.rtt)}
## Text scanners: the worst case

Every scanner over user text on adversarial input families at its route's maximum size (long runs, many abbreviations,
many time markers, nested and unclosed tags, and fixed-seed random mixtures), in Node on the app's own modules
(\`npm run bench -- --only scanners\`).

${renderScanners(input.scanners)}

## Soak

${soak.requests} mixed requests (health, me, search, registration, cases) at concurrency 50 on the production runtime: ${soak.rps} req/s,
statuses ${JSON.stringify(soak.statuses)}, errors ${soak.errors}, timeouts ${soak.timeouts}.
Registrations answered 201: ${soak.registered}; users added: ${soak.usersAdded}; registration audit events added: ${soak.auditsAdded}.

## Bundle

\`wrangler deploy --dry-run\`: ${input.bundle} (budget ${BUNDLE_BUDGET_KIB} KiB gzip, \`npm run check:bundle\`).${
    input.startup
      ? ` Start-up (${input.startup.method}): **${input.startup.startupMs} ms**, a hello-world Worker ${input.startup.helloWorldMs} ms (median of ${input.startup.runs}).`
      : ""
  }

## Caveats

- One 2-core machine runs the load generator, workerd, the local Neon and PGlite together; figures are
  lower bounds for Cloudflare's network and Neon, and noisy between runs (hence medians).
- PGlite is single-connection Postgres in WASM: database-bound scenarios measure it, not Neon.
- The concurrency ratios depend on the database running concurrent queries in parallel, as Neon
  does. PGlite runs one statement at a time, in WASM, on one core: each diagnose's statements
  (the account check, then the hybrid retrieval; the audit insert after the answer) wait for those
  ahead of them, so the last of 100 simultaneous requests waits for the database before it may call
  the model (the "longest db wait" column). The Worker does not wait on the model in line, but its
  isolate runs on one thread: N requests × its CPU per request (the last column) is also spent
  before the last one can send its model call. To measure against a multi-connection database, pass
  \`--database-url\` with a Postgres server that has pgvector (the local Neon's pool size is
  \`LOCAL_NEON_POOL_MAX\`).
- CPU per request comes from 10 ms clock ticks over whole runs; the profile's sampling adds its own
  overhead, so its absolute figures run a little above the unprofiled ones (the profiled runtime is a
  separate instance; the throughput figures carry no inspector).
- The load generator is autocannon, in Node: on the trivial route its own CPU per request is of the
  same order as workerd's (see the CPU table), and both share the machine's 2 cores. The original
  app's figures were taken with wrk (C), which costs the machine less per request.
- The AI stub's latency is fixed; real model latency varies and rate limits apply upstream.
`;
}
