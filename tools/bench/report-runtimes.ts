/**
 * BENCHMARKS.md sections for the two Worker runtimes side by side: hello-world calibration,
 * throughput next to the original app, CPU per request per process, concurrency bursts, the
 * Worker's CPU profile, retrieval scaling and the issue's targets.
 */
import { type CalibrationRow, WRANGLER_DEV, WRANGLER_DEV_WITH_ASSETS } from "./calibration.ts";
import type { MeasuredSample, Target } from "./measure.ts";
import type { ProfileSummary } from "./profile.ts";
import { median, nonOk } from "./report.ts";
import type { RetrievalRow } from "./retrieval-scaling.ts";

type RuntimeKey = Target["key"];
const RUNTIMES: RuntimeKey[] = ["production", "development"];

/** The original FastAPI app, measured on this machine type by the issue's author (not by this bench). */
export interface Original {
  rps: number;
  p50?: number;
}

export interface ScenarioResult {
  name: string;
  connections: number;
  /** Which row of the issue's targets this scenario answers, if any. */
  kind?: "trivial" | "health" | "me" | "diagnose";
  original?: Original;
  samples: Partial<Record<RuntimeKey, MeasuredSample[]>>;
}

export interface BurstRow {
  n: number;
  original: number;
  runtimes: Partial<
    Record<
      RuntimeKey,
      { wallMs: number; ratio: number; slowestDbMs: number; slowestAiMs: number; failures: number; cpuPerRequest: Record<string, number> }
    >
  >;
}

export interface ProfileResult {
  scenario: string;
  connections: number;
  requests: number;
  /** workerd's CPU per request from /proc during the profiled run. */
  workerdCpuMs: number;
  file: string;
  summary: ProfileSummary;
}

export interface RuntimesReport {
  labels: Record<RuntimeKey, string>;
  calibration?: CalibrationRow[];
  scenarios: ScenarioResult[];
  bursts: BurstRow[];
  aiMsPerDiagnose: number;
  profiles: ProfileResult[];
  retrieval?: { rows: RetrievalRow[]; chunks: number; dimensions: number; queries: number };
}

const fmt = (value: number | undefined, digits = 0) => (value === undefined || Number.isNaN(value) ? "—" : value.toFixed(digits));
const med = (samples: MeasuredSample[] | undefined, pick: (s: MeasuredSample) => number) =>
  samples?.length ? median(samples.map(pick)) : undefined;
const failures = (samples: MeasuredSample[] | undefined) =>
  (samples ?? []).reduce((sum, s) => sum + nonOk(s.statuses) + s.errors + s.timeouts, 0);

export function renderCalibration(rows: CalibrationRow[] | undefined): string {
  if (!rows?.length) return "";
  return `## The runtimes themselves: a hello-world Worker

The same one-line Worker on each way of running workerd, from the same load generator. Miniflare's
default socket sends every request through its own entry Worker first; its direct socket
(\`unsafeDirectSockets\`) binds workerd's HTTP listener to the user Worker, as plain workerd does.
The production runtime below uses the direct socket. "Runtime CPU" is workerd plus the Node process
that started it (Miniflare or wrangler), per request.

| runtime | connections | req/s | p50 ms | p99 ms | runtime CPU ms/req | load generator CPU ms/req |
|---|---|---|---|---|---|---|
${rows.map((r) => `| ${r.runtime} | ${r.connections} | **${r.rps}** | ${r.p50} | ${r.p99} | ${r.runtimeCpuMs} | ${r.loadCpuMs} |`).join("\n")}
`;
}

export function renderThroughput(report: RuntimesReport, runs: number, duration: number): string {
  const rows = report.scenarios.map((s) => {
    const cells = RUNTIMES.map(
      (key) =>
        `**${fmt(med(s.samples[key], (x) => x.rps))}** | ${fmt(
          med(s.samples[key], (x) => x.p50),
          1,
        )} | ${fmt(
          med(s.samples[key], (x) => x.p99),
          1,
        )}`,
    );
    const queries = med(s.samples.production ?? s.samples.development, (x) => x.queriesPerRequest);
    const original = s.original ? `${s.original.rps}${s.original.p50 !== undefined ? ` (p50 ${s.original.p50})` : ""}` : "—";
    return `| ${s.name} | ${s.connections} | ${original} | ${cells.join(" | ")} | ${fmt(queries, 2)} | ${RUNTIMES.map((key) => failures(s.samples[key])).join(" / ")} |`;
  });
  return `## Throughput: both runtimes beside the original app

Each scenario ran ${runs} time(s) for ${duration} s per runtime; figures are medians of the runs. The original app's
figures (FastAPI, uvicorn with 1 worker, aiosqlite; wrk load; AI answering chat in 1000 ms) are quoted
from issue #12: they were measured on this machine type by the issue's author, not by this bench.
"Queries/req" is database round trips per request counted at the local Neon (deferred audit writes included).

| scenario | connections | original app req/s (p50 ms) | ${report.labels.production}: req/s | p50 ms | p99 ms | ${report.labels.development}: req/s | p50 ms | p99 ms | queries/req | non-2xx + errors (prod / dev) |
|---|---|---|---|---|---|---|---|---|---|---|
${rows.join("\n")}
`;
}

export function renderCpu(report: RuntimesReport): string {
  const lines: string[] = [];
  for (const s of report.scenarios) {
    for (const key of RUNTIMES) {
      const samples = s.samples[key];
      if (!samples?.length) continue;
      const names = Object.keys(samples[0].cpuPerRequest);
      const parts = names.map((name) => `${name} ${fmt(median(samples.map((x) => x.cpuPerRequest[name] ?? 0)), 3)}`);
      const total = median(samples.map((x) => Object.values(x.cpuPerRequest).reduce((a, b) => a + b, 0)));
      lines.push(`| ${s.name} | ${s.connections} | ${key} | ${parts.join("; ")} | ${fmt(total, 3)} |`);
    }
  }
  return `## CPU per request, per process

CPU milliseconds per request served, read from /proc/<pid>/stat (utime + stime, all threads) before and after
each run, divided by the requests the run served (medians of the runs). Processes: workerd (the Worker runtime;
its I/O, HTTP parsing and every Worker invocation), the Node process that started it (Miniflare's for the
production runtime; wrangler's, with its esbuild, for the development server), the local Neon's process
(PGlite runs inside it; with \`--database-url\`, the Postgres server's backends are listed apart), the OpenAI stub
and the load generator (its own process, as it reports it). Clock ticks are 10 ms, so short runs of slow
scenarios are coarse.

| scenario | connections | runtime | CPU ms/request by process | total |
|---|---|---|---|---|
${lines.join("\n")}
`;
}

export function renderBursts(report: RuntimesReport, runs: number): string {
  const rows = report.bursts.map((b) => {
    const cells = RUNTIMES.map((key) => {
      const r = b.runtimes[key];
      return r
        ? `${r.wallMs} | **${r.ratio.toFixed(2)}** | ${r.slowestDbMs} | ${fmt(r.cpuPerRequest.workerd, 2)} | ${r.failures}`
        : "— | — | — | — | —";
    });
    return `| ${b.n} | ${b.original.toFixed(2)} | ${cells.join(" | ")} |`;
  });
  return `## Concurrency: N simultaneous diagnose requests

Each diagnose waits on one embeddings call and one chat call (${report.aiMsPerDiagnose} ms of AI latency). Ratio = wall time from the
first send to the last response ÷ that latency; medians of ${runs} run(s). "Longest db wait" is the largest
\`Server-Timing: db\` of the burst (queueing for the database included); "workerd CPU" is per request of the burst.
The original app's ratios are quoted from issue #12 (its diagnose makes one model call and no retrieval).

| N | original app ratio | production: wall ms | ratio | longest db wait ms | workerd CPU ms/req | failed | development: wall ms | ratio | longest db wait ms | workerd CPU ms/req | failed |
|---|---|---|---|---|---|---|---|---|---|---|---|
${rows.join("\n")}
`;
}

export function renderProfiles(profiles: ProfileResult[]): string {
  if (!profiles.length) return "";
  const sections = profiles.map((p) => {
    // Shares of the sampled busy time, turned into CPU per request with workerd's /proc figure.
    const estimate = (share: number) => ((share / 100) * p.workerdCpuMs).toFixed(3);
    const table = (heading: string, rows: ProfileSummary["byPackage"]) => `| ${heading} | share | ≈ CPU ms/request |
|---|---|---|
${rows.map((r) => `| \`${r.name.replaceAll("|", "\\|")}\` | ${r.share}% | ${estimate(r.share)} |`).join("\n")}`;
    return `### ${p.scenario} (c=${p.connections}, ${p.requests} requests)

workerd's CPU per request (/proc): **${p.workerdCpuMs.toFixed(3)} ms**. Sampled busy time of the isolate: ${p.summary.busyMs} ms.
Profile: \`${p.file}\` (open it in Chrome DevTools or speedscope).

${table("package or source folder (self time)", p.summary.byPackage)}

${table("app function (src/) with everything it called (outside src/: no app frame on the stack, e.g. async continuations)", p.summary.byAppFunction)}

${table("function (source file), self time", p.summary.byFunction)}
`;
  });
  return `## Profile: where the Worker's CPU goes

A V8 CPU profile of the production runtime's isolate (Chrome DevTools protocol over workerd's inspector,
Profiler.start/stop) while the load ran, on a separate instance with the inspector open, with the minified bundle's
positions mapped back through its source map. The profiler samples wall-clock time, so its milliseconds swell when
the machine is contended; shares of the busy (non-idle) time are the robust figure, and "≈ CPU ms/request" applies
each share to workerd's CPU per request from /proc. "(program)" is workerd's native work on the isolate's thread
outside JavaScript (HTTP, sockets, subrequests); "workerd built-ins" are runtime APIs called from JavaScript (fetch,
Response, crypto.subtle, URL, timers); V8 attributes code it inlined to the function it was inlined into.

${sections.join("\n")}`;
}

export function renderRetrieval(retrieval: RuntimesReport["retrieval"]): string {
  if (!retrieval) return "";
  const rows = retrieval.rows.map(
    (r) =>
      `| ${r.label} | ${r.chunks} | ${r.queries} | ${r.plan} | ${r.p50} | ${r.p99} | ${r.cpuMs} | ${r.sameAsExact === undefined ? "—" : `${Math.round(r.sameAsExact * 100)}%`} | ${r.indexBuildMs === undefined ? "—" : `${(r.indexBuildMs / 1000).toFixed(1)} s`} |`,
  );
  return `## Retrieval: Postgres time per hybrid search as the corpus grows

The app's own statement (\`searchStatement\` in src/knowledge/search.ts, as diagnose sends it: 8 sources, no snippets) run
directly against PGlite in Node (no Worker, no HTTP, no account check), with the evaluation vignettes of data/eval as
queries, embedded with the stub's deterministic embeddings. Today's corpus (${retrieval.chunks} chunks, indexed with the app's parser and
chunker) is grown 10× and 100× with synthetic documents: text drawn from the corpus's own words and random unit vectors of
${retrieval.dimensions} dimensions. Tables are analysed at each size (as autovacuum would on a server; PGlite has none).
Three plans per size: the planner's own choice; the HNSW index forced (\`enable_seqscan = off\`); an exact nearest-neighbour
scan forced (\`enable_indexscan = off\`). "CPU" is the process's CPU per query (PGlite runs in it). "Same as exact" is the
share of the exact scan's documents the HNSW run also returned. "Index build" is the time to build the HNSW index at that size.

| corpus | chunks | queries | plan | p50 ms | p99 ms | CPU ms/query | same as exact | index build |
|---|---|---|---|---|---|---|---|---|
${rows.join("\n")}
`;
}

interface TargetCheck {
  target: string;
  goal: string;
  measured: string;
  met: boolean | undefined;
}

/** The issue's targets on the production runtime (and the development server's own), met or missed. */
export function renderTargets(report: RuntimesReport): string {
  const checks: TargetCheck[] = [];
  const find = (kind: ScenarioResult["kind"], connections: number) =>
    report.scenarios.find((s) => s.kind === kind && s.connections === connections);
  const prodRps = (s: ScenarioResult | undefined) => med(s?.samples.production, (x) => x.rps);
  const workerd = (s: ScenarioResult | undefined) => med(s?.samples.production, (x) => x.cpuPerRequest.workerd ?? NaN);
  const atLeast = (target: string, value: number | undefined, goal: number, unit: string) =>
    checks.push({
      target,
      goal: `≥ ${goal} ${unit}`,
      measured: value === undefined ? "not measured" : `${fmt(value)} ${unit} (${fmt((value / goal) * 100)}% of the target)`,
      met: value === undefined ? undefined : value >= goal,
    });
  const atMost = (target: string, value: number | undefined, goal: number, unit: string, digits = 2) =>
    checks.push({
      target,
      goal: `≤ ${goal} ${unit}`,
      measured:
        value === undefined || Number.isNaN(value)
          ? "not measured"
          : `${fmt(value, digits)} ${unit}${value > goal ? ` (${fmt(value - goal, digits)} over)` : ""}`,
      met: value === undefined || Number.isNaN(value) ? undefined : value <= goal,
    });

  atLeast("trivial route (GET /), c=10, production", prodRps(find("trivial", 10)), 8640, "req/s");
  atLeast("GET /health, c=10, production", prodRps(find("health", 10)), 8640, "req/s");
  atLeast("GET /api/auth/me, c=10, production", prodRps(find("me", 10)), 800, "req/s");
  for (const burst of report.bursts)
    atMost(`${burst.n} simultaneous diagnoses, production`, burst.runtimes.production?.ratio, burst.original, "× AI latency");
  const hundred = report.bursts.find((b) => b.n === 100)?.runtimes.production?.ratio;
  atMost("aim: 100 simultaneous diagnoses, production", hundred, 1.1, "× AI latency");
  atMost("Worker CPU per request, trivial route", workerd(find("trivial", 10)), 0.3, "ms");
  atMost("Worker CPU per request, /me", workerd(find("me", 10)), 1, "ms");
  atMost("Worker CPU per request, diagnose", workerd(find("diagnose", 10)), 3, "ms");
  const helloUnder = (runtime: string) => report.calibration?.find((r) => r.runtime === runtime && r.connections === 10)?.rps;
  const helloDev = helloUnder(WRANGLER_DEV);
  const helloDevWithAssets = helloUnder(WRANGLER_DEV_WITH_ASSETS);
  const trivialDev = med(find("trivial", 10)?.samples.development, (x) => x.rps);
  checks.push({
    target: "development server: trivial route vs a hello-world Worker under wrangler dev, c=10",
    goal: "≥ 80%",
    measured:
      helloDev && trivialDev !== undefined
        ? `${fmt(trivialDev)} vs ${helloDev} req/s (${fmt((trivialDev / helloDev) * 100)}%)` +
          (helloDevWithAssets
            ? `; vs the same hello-world with a static-assets directory, as the app has: ${helloDevWithAssets} req/s (${fmt((trivialDev / helloDevWithAssets) * 100)}%)`
            : "")
        : "not measured",
    met: helloDev && trivialDev !== undefined ? trivialDev >= 0.8 * helloDev : undefined,
  });

  const ratios = (key: RuntimeKey) => report.bursts.map((b) => b.runtimes[key]?.ratio.toFixed(2) ?? "—").join(" / ");
  return `## Targets (issue #12)

Concurrency ratios at 10 / 50 / 100 simultaneous diagnoses: production runtime ${ratios("production")},
development server ${ratios("development")}, original app ${report.bursts.map((b) => b.original.toFixed(2)).join(" / ")} (quoted).
Worker CPU is workerd's whole process per request (database and AI waiting are not CPU); the profile section below shows what is left.

| target | goal | measured | met |
|---|---|---|---|
${checks.map((c) => `| ${c.target} | ${c.goal} | ${c.measured} | ${c.met === undefined ? "—" : c.met ? "yes" : "**no**"} |`).join("\n")}
`;
}
