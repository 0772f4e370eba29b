/**
 * BENCHMARKS.md sections for the two Worker runtimes side by side: hello-world calibration,
 * throughput next to the original app, CPU per request per process, concurrency bursts, the
 * Worker's CPU profile, retrieval scaling and the issue's targets.
 */
import type { CalibrationRow } from "./calibration.ts";
import type { MeasuredSample, Target } from "./measure.ts";
import type { ProfileSummary } from "./profile.ts";
import { median, nonOk } from "./report.ts";
import { type RttReport, rttTargetRows } from "./report-rtt.ts";
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
  kind?: "trivial" | "health" | "me" | "diagnose" | "search";
  original?: Original;
  samples: Partial<Record<RuntimeKey, MeasuredSample[]>>;
}

export interface BurstRow {
  n: number;
  /** The original app's wall ÷ chat latency (it makes no embeddings call). */
  original: number;
  runtimes: Partial<
    Record<
      RuntimeKey,
      {
        wallMs: number;
        /** Wall ÷ (chat + embeddings latency). */
        ratio: number;
        /** Wall ÷ chat latency, as the original's figure is. */
        chatRatio: number;
        slowestDbMs: number;
        slowestAiMs: number;
        failures: number;
        cpuPerRequest: Record<string, number>;
        /** The local Neon's busy ms per diagnose of the burst, and its deepest queue. */
        dbMsPerRequest: number;
        dbQueueMax: number;
      }
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

/** Profiles taken on the code before an issue (tools/bench/baseline/*.json), for the before/after table. */
export interface ProfileBaseline {
  date: string;
  commit: string;
  profiles: ProfileResult[];
}

export interface RuntimesReport {
  labels: Record<RuntimeKey, string>;
  calibration?: CalibrationRow[];
  scenarios: ScenarioResult[];
  bursts: BurstRow[];
  aiMsPerDiagnose: number;
  profiles: ProfileResult[];
  /** The same profiles before the issue's changes, if a baseline was committed. */
  baseline?: ProfileBaseline;
  retrieval?: { rows: RetrievalRow[]; chunks: number; dimensions: number; queries: number };
}

const fmt = (value: number | undefined, digits = 0) => (value === undefined || Number.isNaN(value) ? "—" : value.toFixed(digits));
const med = (samples: MeasuredSample[] | undefined, pick: (s: MeasuredSample) => number) =>
  samples?.length ? median(samples.map(pick)) : undefined;
const failures = (samples: MeasuredSample[] | undefined) =>
  (samples ?? []).reduce((sum, s) => sum + nonOk(s.statuses) + s.errors + s.timeouts, 0);
/** The local Neon's busy milliseconds per request served. */
const dbMsPerRequest = (s: MeasuredSample) => (s.database ? s.database.busyMs / Math.max(1, s.requests) : NaN);

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
    const dbMs = med(s.samples.production ?? s.samples.development, dbMsPerRequest);
    const queueMax = Math.max(...RUNTIMES.flatMap((key) => (s.samples[key] ?? []).map((x) => x.database?.queueMax ?? 0)));
    const original = s.original ? `${s.original.rps}${s.original.p50 !== undefined ? ` (p50 ${s.original.p50})` : ""}` : "—";
    return `| ${s.name} | ${s.connections} | ${original} | ${cells.join(" | ")} | ${fmt(queries, 2)} | ${fmt(dbMs, 2)} | ${queueMax} | ${RUNTIMES.map((key) => failures(s.samples[key])).join(" / ")} |`;
  });
  return `## Throughput: both runtimes beside the original app

Each scenario ran ${runs} time(s) for ${duration} s per runtime; figures are medians of the runs. The original app's
figures (FastAPI, uvicorn with 1 worker, aiosqlite; wrk load; AI answering chat in 1000 ms) are quoted
from issue #12: they were measured on this machine type by the issue's author, not by this bench.
"Queries/req" is database round trips per request counted at the local Neon (deferred audit writes included); "db ms/req"
is the time the database spent executing them (PGlite's planning and execution, in the local Neon's process), per
request served; "max db queue" is the most statements waiting for or running in the database at once, over both
runtimes' runs. A run stops sending at its deadline and waits for the requests in flight, so the slowest are counted too;
"non-2xx + errors" counts every answer that was not 2xx, every connection error and every timeout. The Worker gives up
on a database round trip after the Neon driver's timeout (\`DB_TIMEOUT_MS\`, 5 s by default) and answers 503: with one
statement at a time, that is a queue of about 5,000 ÷ (db ms per statement) statements.

| scenario | connections | original app req/s (p50 ms) | ${report.labels.production}: req/s | p50 ms | p99 ms | ${report.labels.development}: req/s | p50 ms | p99 ms | queries/req | db ms/req | max db queue | non-2xx + errors (prod / dev) |
|---|---|---|---|---|---|---|---|---|---|---|---|---|
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
        ? `${r.wallMs} | **${fmt(r.chatRatio, 2)}** | ${r.ratio.toFixed(2)} | ${r.slowestDbMs} | ${fmt(r.dbMsPerRequest, 2)} | ${r.dbQueueMax ?? "—"} | ${fmt(r.cpuPerRequest.workerd, 2)} | ${r.failures}`
        : "— | — | — | — | — | — | — | —";
    });
    return `| ${b.n} | ${b.original.toFixed(2)} | ${cells.join(" | ")} |`;
  });
  return `## Concurrency: N simultaneous diagnose requests

Each diagnose waits on one embeddings call and one chat call (${report.aiMsPerDiagnose} ms of AI latency in all). Wall time runs from
the first send to the last response; it is divided two ways: by the chat latency alone (÷ chat, the denominator of the
original app's figures, whose diagnose makes one model call, no embeddings call and no retrieval) and by chat +
embeddings (÷ AI). Medians of ${runs} run(s). The original's ratios (1.09 / 1.22 / 1.34) were measured side by side with
ours on this machine in issue #26. "Longest db wait" is the largest \`Server-Timing: db\` of the burst (queueing for the
database included); "db ms/req" is the database's busy time per diagnose of the burst (planning and execution of every
statement, the deferred audit write included); "max queue" the most statements waiting for or in the database at once;
"workerd CPU" is per request of the burst.

| N | original app: wall ÷ chat | production: wall ms | ÷ chat | ÷ AI | longest db wait ms | db ms/req | max queue | workerd CPU ms/req | failed | development: wall ms | ÷ chat | ÷ AI | longest db wait ms | db ms/req | max queue | workerd CPU ms/req | failed |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
${rows.join("\n")}
`;
}

/** The baseline's profile of the same scenario: same name, else the same route (the AI latency in the name may differ). */
function baselineOf(baseline: ProfileBaseline | undefined, profile: ProfileResult): ProfileResult | undefined {
  const route = (p: ProfileResult) => p.scenario.split(" ").slice(0, 2).join(" ");
  return (
    baseline?.profiles.find((b) => b.scenario === profile.scenario) ??
    baseline?.profiles.find((b) => route(b) === route(profile) && b.connections === profile.connections)
  );
}

/** The top costs by package before and after, side by side, as shares and CPU ms per request. */
function renderBeforeAfter(before: ProfileResult, after: ProfileResult, baseline: ProfileBaseline): string {
  const TOP = 8;
  const ms = (p: ProfileResult, share: number | undefined) => (share === undefined ? undefined : (share / 100) * p.workerdCpuMs);
  const names = [...new Set([...after.summary.byPackage.slice(0, TOP), ...before.summary.byPackage.slice(0, TOP)].map((r) => r.name))];
  const share = (p: ProfileResult, name: string) => p.summary.byPackage.find((r) => r.name === name)?.share;
  const rows = names
    .map((name) => ({ name, before: share(before, name), after: share(after, name) }))
    .sort((a, b) => (ms(after, b.after) ?? 0) - (ms(after, a.after) ?? 0))
    .map(
      (r) =>
        `| \`${r.name.replaceAll("|", "\\|")}\` | ${r.before === undefined ? "—" : `${r.before}%`} | ${fmt(ms(before, r.before), 3)} | ${r.after === undefined ? "—" : `${r.after}%`} | ${fmt(ms(after, r.after), 3)} |`,
    );
  return `Before and after (top ${TOP} packages of each; "before" is the baseline of ${baseline.date}, commit ${baseline.commit}): workerd's
CPU per request **${before.workerdCpuMs.toFixed(3)} ms → ${after.workerdCpuMs.toFixed(3)} ms** (/proc, during the profiled runs).

| package or source folder (self time) | before: share | ≈ CPU ms/request | after: share | ≈ CPU ms/request |
|---|---|---|---|---|
${rows.join("\n")}`;
}

export function renderProfiles(profiles: ProfileResult[], baseline?: ProfileBaseline): string {
  if (!profiles.length) return "";
  const sections = profiles.map((p) => {
    // Shares of the sampled busy time, turned into CPU per request with workerd's /proc figure.
    const estimate = (share: number) => ((share / 100) * p.workerdCpuMs).toFixed(3);
    const table = (heading: string, rows: ProfileSummary["byPackage"]) => `| ${heading} | share | ≈ CPU ms/request |
|---|---|---|
${rows.map((r) => `| \`${r.name.replaceAll("|", "\\|")}\` | ${r.share}% | ${estimate(r.share)} |`).join("\n")}`;
    const before = baselineOf(baseline, p);
    return `### ${p.scenario} (c=${p.connections}, ${p.requests} requests)

workerd's CPU per request (/proc): **${p.workerdCpuMs.toFixed(3)} ms**. Sampled busy time of the isolate: ${p.summary.busyMs} ms.
Profile: \`${p.file}\` (open it in Chrome DevTools or speedscope).

${before && baseline ? renderBeforeAfter(before, p, baseline) : "No baseline profile of this scenario (tools/bench/baseline/)."}

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

/** What the targets table needs from outside this module's report: the other parts' figures. */
export interface TargetExtras {
  rtt?: RttReport;
  bundleGzipKiB?: number;
  /** The Worker's start-up (tools/bench/startup.ts), ms. */
  startupMs?: number;
}

/** The calibration row the trivial route is held against: the same runtime path with a hello-world Worker. */
const HELLO_ON_PRODUCTION_PATH = "Miniflare, direct socket (the production runtime's path)";

/** Issue #26's targets, on the production runtime, medians; each met or missed with its figure. */
export function renderTargets(report: RuntimesReport, extras: TargetExtras = {}): string {
  const checks: TargetCheck[] = [];
  const find = (kind: ScenarioResult["kind"], connections: number) =>
    report.scenarios.find((s) => s.kind === kind && s.connections === connections);
  const prodRps = (s: ScenarioResult | undefined) => med(s?.samples.production, (x) => x.rps);
  const workerd = (s: ScenarioResult | undefined) => med(s?.samples.production, (x) => x.cpuPerRequest.workerd ?? NaN);
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

  atMost("Worker CPU per diagnose (workerd, sustained c=10)", workerd(find("diagnose", 10)), 3, "ms");
  atMost("Worker CPU per /me (workerd, c=10)", workerd(find("me", 10)), 0.5, "ms", 3);
  atMost(
    "database work per diagnose (local Neon busy time: planning + execution, sustained c=10)",
    med(find("diagnose", 10)?.samples.production, dbMsPerRequest),
    3,
    "ms",
  );
  for (const burst of report.bursts)
    atMost(`${burst.n} simultaneous diagnoses: wall ÷ chat latency`, burst.runtimes.production?.chatRatio, burst.original, "×");
  const hundred = report.bursts.find((b) => b.n === 100)?.runtimes.production?.chatRatio;
  atMost("aim: 100 simultaneous diagnoses: wall ÷ chat latency", hundred, 1.1, "×");

  const hello = report.calibration?.find((r) => r.runtime === HELLO_ON_PRODUCTION_PATH && r.connections === 10)?.rps;
  const trivial = prodRps(find("trivial", 10));
  checks.push({
    target: "trivial route (GET /) vs a hello-world Worker on the same runtime (Miniflare's direct socket), c=10",
    goal: "≥ 90%",
    measured: hello && trivial !== undefined ? `${fmt(trivial)} vs ${fmt(hello)} req/s (${fmt((trivial / hello) * 100)}%)` : "not measured",
    met: hello && trivial !== undefined ? trivial >= 0.9 * hello : undefined,
  });
  checks.push(...rttTargetRows(extras.rtt));
  atMost("bundle (wrangler deploy --dry-run, gzip)", extras.bundleGzipKiB, 600, "KiB", 0);
  checks.push({
    target: "Worker start-up CPU (compile + top-level evaluation)",
    goal: "< 50 ms",
    measured: extras.startupMs === undefined ? "not measured" : `${fmt(extras.startupMs, 1)} ms`,
    met: extras.startupMs === undefined ? undefined : extras.startupMs < 50,
  });

  const ratios = (key: RuntimeKey, pick: "chatRatio" | "ratio") => report.bursts.map((b) => fmt(b.runtimes[key]?.[pick], 2)).join(" / ");
  return `## Targets (issue #26)

Production runtime, medians. Concurrency ratios at 10 / 50 / 100 simultaneous diagnoses, wall time ÷ the chat latency (the
denominator of the original app's figures, which makes no embeddings call): production runtime ${ratios("production", "chatRatio")},
original app ${report.bursts.map((b) => b.original.toFixed(2)).join(" / ")} (measured side by side on this machine in issue #26); ÷ chat +
embeddings latency: ${ratios("production", "ratio")}. Worker CPU is workerd's whole process per request (database and AI waiting
are not CPU); database work is the local Neon's busy time executing the statements; the profile section below shows what is left.

| target | goal | measured | met |
|---|---|---|---|
${checks.map((c) => `| ${c.target} | ${c.goal} | ${c.measured} | ${c.met === undefined ? "—" : c.met ? "yes" : "**no**"} |`).join("\n")}
`;
}
