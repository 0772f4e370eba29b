/**
 * `npm run bench`: measures the project the way a user would and writes BENCHMARKS.md.
 *
 * Starts the local stack as `npm run dev` does (embedded local Neon, local R2, `wrangler dev`) but
 * with its own data folders and raised rate limits, plus the OpenAI stub with a set latency, and
 * beside it the production runtime: the deployed bundle in workerd through Miniflare
 * (tools/bench/runtime.ts), on the same local Neon, R2 state and stub. Every scenario runs on both
 * runtimes from a separate load process (autocannon, tools/bench/load.ts); the CPU each process
 * used is read from /proc and divided by the requests served (tools/bench/cpu.ts), and database
 * round trips are counted at the local Neon. The OpenAI stub, the load generator and the bursts
 * each run in their own process, so none shares an event loop with PGlite (whose queries block the
 * thread they run on) and the stub's latency stays what was asked for.
 *
 * Parts (--only, comma-separated; a subset prints its figures and writes no report):
 *   runtime      hello-world on plain workerd, Miniflare (direct and entry sockets), wrangler dev; the Worker's start-up CPU (startup.ts)
 *   throughput   every scenario on both runtimes, with CPU per request per process
 *   concurrency  10/50/100 simultaneous diagnoses on both runtimes
 *   soak         mixed requests with writes
 *   profile      V8 CPU profiles of the production runtime for the trivial route, /me and diagnose (.local/bench/*.cpuprofile)
 *   retrieval    hybrid retrieval against PGlite in Node at 1×, 10×, 100× the corpus (no Worker, no stack)
 *   scanners     every scanner over user text on adversarial input at its maximum size (no stack)
 *   rtt          one request at a time with a simulated database round-trip time (tools/bench/rtt.ts)
 *
 * Options (flags or env): --ai-latency-ms (BENCH_AI_LATENCY_MS, 1000), --duration seconds per
 * scenario (10), --connections for the scenarios without their own (50), --runs per scenario (3),
 * --soak requests (5000), --out (BENCHMARKS.md), --port (wrangler dev), --runtime-port (the
 * production runtime; the profiled one uses the next port), --inspector-port (a port not given is
 * any free one, tools/bench/ports.ts),
 * --retrieval-queries (100), --retrieval-scales (1,10,100), --database-url (BENCH_DATABASE_URL: a
 * Postgres server with pgvector for the local Neon instead of PGlite), --scenarios (throughput
 * scenarios by kind: trivial,health,me,diagnose,search; default all), --runtimes (production,development),
 * --rtt-ms (simulated database RTTs, 0,25), --rtt-embeddings-ms (the rtt part's embeddings latency, 100),
 * --work (the bench's scratch folder, emptied first; .local/bench), so two benches can run side by side.
 * A subset of scenarios or runtimes, like a subset of parts, prints figures and writes no report.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { startStack } from "../dev/stack.ts";
import { benchConfig } from "./bench-config.ts";
import { measureBundle } from "./bundle.ts";
import { runCalibration } from "./calibration.ts";
import { runChild } from "./child.ts";
import { type CpuGroup, measureCpu, named, only } from "./cpu.ts";
import {
  DEVELOPMENT_LABEL,
  databaseDuring,
  type LoadScenario,
  type MeasuredSample,
  measuredLoad,
  PRODUCTION_LABEL,
  readFailureLog,
  runtimeGroups,
  startFailureLog,
  type Target,
} from "./measure.ts";
import { benchPorts } from "./ports.ts";
import { profileWhile, summariseProfile } from "./profile.ts";
import {
  type BurstResult,
  type LoadResult,
  median,
  nonOk,
  type ReportInput,
  renderReport,
  renderScanners,
  type ScannerResult,
} from "./report.ts";
import { type RttReport, renderRtt } from "./report-rtt.ts";
import type { BurstRow, ProfileResult, RuntimesReport, ScenarioResult } from "./report-runtimes.ts";
import type { RetrievalRow } from "./retrieval-scaling.ts";
import { benchRtt } from "./rtt.ts";
import { startProductionRuntime } from "./runtime.ts";
import { measureStartup, type StartupFigures } from "./startup.ts";

const root = path.resolve(import.meta.dirname, "../..");
const PARTS = ["runtime", "throughput", "concurrency", "soak", "profile", "retrieval", "scanners", "rtt"];
/** Parts that need the whole stack (local Neon, seed, stub, both runtimes). */
const STACK_PARTS = ["throughput", "concurrency", "soak", "profile", "rtt"];
const { values: flags } = parseArgs({
  options: {
    "ai-latency-ms": { type: "string", default: process.env.BENCH_AI_LATENCY_MS ?? "1000" },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "50" },
    runs: { type: "string", default: "3" },
    soak: { type: "string", default: "5000" },
    out: { type: "string", default: "BENCHMARKS.md" },
    port: { type: "string" },
    "runtime-port": { type: "string" },
    "inspector-port": { type: "string" },
    "retrieval-queries": { type: "string", default: "100" },
    "retrieval-scales": { type: "string", default: "1,10,100" },
    only: { type: "string", default: PARTS.join(",") },
    "database-url": { type: "string", default: process.env.BENCH_DATABASE_URL },
    "seed-demo-accounts": { type: "boolean", default: false },
    scenarios: { type: "string", default: "" },
    runtimes: { type: "string", default: "production,development" },
    "rtt-ms": { type: "string", default: "0,25" },
    "rtt-embeddings-ms": { type: "string", default: "100" },
    work: { type: "string", default: ".local/bench" },
  },
});
if (flags["database-url"] && !flags["seed-demo-accounts"]) {
  throw new Error(
    "The benchmark signs in as the demo therapist: with --database-url, add --seed-demo-accounts to seed the demo accounts into that database.",
  );
}
const parts = new Set(flags.only.split(",").map((part) => part.trim()));
const unknownParts = [...parts].filter((part) => !PARTS.includes(part));
if (unknownParts.length) throw new Error(`--only takes ${PARTS.join(", ")}; not ${unknownParts.join(", ")}`);
/** Throughput scenarios to run, by kind (trivial, health, me, diagnose); empty: all of them. */
const scenarioKinds = new Set(flags.scenarios.split(",").filter(Boolean));
const runtimeKeys = new Set(flags.runtimes.split(",").map((key) => key.trim()));
const everything = PARTS.every((part) => parts.has(part)) && !scenarioKinds.size && runtimeKeys.size === 2;
const aiLatencyMs = Number(flags["ai-latency-ms"]);
const embeddingLatencyMs = Math.min(50, aiLatencyMs);
const duration = Number(flags.duration);
const connections = Number(flags.connections);
const runs = Number(flags.runs);
const soakRequests = Number(flags.soak);
const ports = await benchPorts({ port: flags.port, runtimePort: flags["runtime-port"], inspectorPort: flags["inspector-port"] });
const { runtimePort } = ports;
const demoPassword = "Bench-Password-2026!";
const PROFILE_WARMUP_SECONDS = 5;

const work = path.resolve(root, flags.work);
// Emptied below: never the project itself or a folder holding it.
if (!path.relative(work, root).startsWith("..")) throw new Error(`--work ${flags.work} would empty the project; give a folder of its own`);
await rm(work, { recursive: true, force: true });
await mkdir(work, { recursive: true });
// Every load and burst process, warm-ups and calibration included, logs its failures here.
startFailureLog(path.join(work, "failures.jsonl"));
// wrangler dev's esbuild watches the sources and rebuilds the development runtime when they change
// (an edit during a run once ended in esbuild's "all goroutines are asleep - deadlock!" as the
// rebuild's plugin call met a busy or stopping wrangler); the production bundle is built once.
const sourcesAtStart = await sourceStamp();
const wranglerConfig = await benchConfig(root, work);
const compatibilityDate = /^compatibility_date = "(.+)"$/m.exec(await readFile(wranglerConfig, "utf8"))![1];

const runtimes: RuntimesReport = {
  labels: { production: PRODUCTION_LABEL, development: DEVELOPMENT_LABEL },
  scenarios: [],
  bursts: [],
  aiMsPerDiagnose: aiLatencyMs + embeddingLatencyMs,
  profiles: [],
  baseline: await readBaseline(path.join(root, "tools/bench/baseline/before-issue-26.json")),
};
let soak: ReportInput["soak"] | undefined;
let bundle: { rawKiB: number; gzipKiB: number } | undefined;
let rtt: RttReport | undefined;
let startup: StartupFigures | undefined;

// The scanners need no stack: measured first, alone on the machine.
let scanners: ScannerResult[] = [];
if (parts.has("scanners")) {
  console.log("• scanners: adversarial input at each route's maximum size");
  scanners = await runChild<ScannerResult[]>("scanners.ts", {});
  console.log(renderScanners(scanners));
}

if (parts.has("runtime")) {
  console.log("• runtime calibration: a hello-world Worker on each runtime");
  runtimes.calibration = await runCalibration({
    root,
    work,
    port: runtimePort,
    duration,
    runs,
    compatibilityDate,
    configPath: wranglerConfig,
  });
}

// Before the stack starts: wrangler dev's first build and the seed would weigh on the profiles.
if (parts.has("runtime")) {
  console.log("• start-up: the bundle's compile and top-level evaluation in workerd (wrangler check startup)");
  startup = await measureStartup({ root, work: path.join(work, "startup"), runs: Math.max(5, runs) });
  console.log(`  start-up ${startup.startupMs} ms (hello world ${startup.helloWorldMs} ms), median of ${startup.runs}`);
}

if (STACK_PARTS.some((part) => parts.has(part))) await benchStack();

if (parts.has("retrieval")) {
  console.log("• retrieval: the hybrid statement against PGlite in Node at growing corpus sizes");
  const scales = flags["retrieval-scales"].split(",").map(Number);
  runtimes.retrieval = await runChild<{ rows: RetrievalRow[]; chunks: number; dimensions: number; queries: number }>(
    "retrieval-scaling.ts",
    { queries: Number(flags["retrieval-queries"]), scales },
  );
  for (const row of runtimes.retrieval.rows)
    console.log(`  ${row.label}, ${row.chunks} chunks, ${row.plan}: p50 ${row.p50} ms, p99 ${row.p99} ms, CPU ${row.cpuMs} ms/query`);
}

const failures = readFailureLog();
if ((await sourceStamp()) !== sourcesAtStart)
  failures.push({
    source: "bench",
    what: "src/ changed during the run: wrangler dev rebuilt the development runtime mid-run, and the production bundle may be older or newer than its code",
    statuses: {},
    errors: 0,
    timeouts: 0,
  });
if (failures.length) {
  const banner = "!".repeat(100);
  console.error(
    `\n${banner}\n!! ${failures.length} failure(s): runs with non-2xx answers, errors or timeouts, or sources changed mid-run; these figures are not clean:`,
  );
  for (const f of failures)
    console.error(`!!   ${f.source}: ${f.what}: statuses ${JSON.stringify(f.statuses)}, errors ${f.errors}, timeouts ${f.timeouts}`);
  console.error(`${banner}\n`);
}

if (!everything || !soak || !bundle) {
  console.log(`• --only ${flags.only}: figures above; ${flags.out} is written only by a full run`);
} else {
  const machine = {
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}`,
    memory: `${Math.round(os.totalmem() / 1024 ** 3)} GiB`,
    node: process.version,
    workerd: JSON.parse(await readFile(path.join(root, "node_modules/workerd/package.json"), "utf8")).version as string,
    os: `${os.type()} ${os.release()}`,
  };
  const database = flags["database-url"] ? "a Postgres server (--database-url)" : "PGlite";
  const command = `npm run bench -- --ai-latency-ms ${aiLatencyMs} --duration ${duration} --connections ${connections} --runs ${runs} --soak ${soakRequests} --rtt-ms ${flags["rtt-ms"]} --rtt-embeddings-ms ${flags["rtt-embeddings-ms"]}${flags["database-url"] ? " --database-url <url>" : ""}`;
  const report = renderReport({
    date: new Date().toISOString(),
    machine,
    database,
    aiLatencyMs,
    embeddingLatencyMs,
    duration,
    connections,
    runs,
    runtimes,
    scanners,
    soak,
    bundle: `${bundle.gzipKiB} KiB gzip (${bundle.rawKiB} KiB uncompressed)`,
    bundleGzipKiB: bundle.gzipKiB,
    command,
    rtt,
    failures,
    startup,
  });
  await writeFile(path.resolve(root, flags.out), report);
  console.log(`• wrote ${flags.out}`);
}

/** Everything that needs the local stack and both runtimes. */
async function benchStack(): Promise<void> {
  console.log(`• OpenAI stub: chat ${aiLatencyMs} ms, embeddings ${embeddingLatencyMs} ms`);
  const stub = await startStubProcess(aiLatencyMs, embeddingLatencyMs);
  const persistTo = path.join(work, "state");
  console.log("• starting the local stack (local Neon, seed, wrangler dev)…");
  const stack = await startStack({
    root,
    port: ports.port,
    dataDir: path.join(work, "neon"),
    databaseUrl: flags["database-url"],
    persistTo,
    vars: {
      APP_ENV: "development",
      LOG_LEVEL: "warn",
      JWT_SECRET: "bench-only-jwt-secret-0123456789-abcdefghijkl",
      OPENAI_API_KEY: "sk-bench",
      OPENAI_BASE_URL: stub.url,
    },
    demoPassword,
    seedDemoAccounts: flags["seed-demo-accounts"],
    wranglerConfig,
    varsFile: path.join(work, "dev.vars"),
    quiet: true,
  }).catch(async (error: unknown) => {
    await stub.stop();
    throw error;
  });
  const stopping: Array<() => Promise<void>> = [stack.stop, stub.stop];

  try {
    console.log("• bundling the Worker as `wrangler deploy` would and starting it in workerd through Miniflare…");
    bundle = await measureBundle(root, path.join(work, "dist"));
    const runtimeInput = { scriptPath: path.join(work, "dist/index.js"), configPath: wranglerConfig, persistTo, vars: stack.vars };
    const production = await startProductionRuntime({ ...runtimeInput, port: runtimePort });
    stopping.unshift(production.stop);

    const targets: Target[] = [
      {
        key: "production",
        label: PRODUCTION_LABEL,
        url: production.url,
        cpuGroups: runtimeGroups(production.process.pid!, "Miniflare's Node process"),
      },
      {
        key: "development",
        label: DEVELOPMENT_LABEL,
        url: stack.url,
        cpuGroups: runtimeGroups(stack.wrangler.pid!, "wrangler's Node process"),
      },
    ];
    const shared: CpuGroup[] = [
      { name: flags["database-url"] ? "local Neon" : "local Neon with PGlite", select: only(process.pid) },
      ...(flags["database-url"] ? [{ name: "Postgres server", select: named("postgres") }] : []),
      { name: "OpenAI stub", select: only(stub.process.pid!) },
    ];

    const login = await fetch(`${stack.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "therapist@demo.local", password: demoPassword }),
    });
    const { access_token: token } = (await login.json()) as { access_token: string };
    const auth = { authorization: `Bearer ${token}` };
    const loginBody = JSON.stringify({ email: "therapist@demo.local", password: demoPassword });

    type Request = LoadScenario["requests"][number];
    const diagnose: Request = { method: "GET", path: "/api/v1/rag/diagnose?symptoms=anxiety", headers: auth };
    const me: Request = { method: "GET", path: "/api/auth/me", headers: auth };
    // The original app's figures: issue #12's table (measured there, on this machine type).
    const scenarios: Array<Omit<ScenarioResult, "samples"> & { requests: Request[] }> = [
      {
        name: "GET / (trivial route)",
        kind: "trivial",
        connections: 10,
        original: { rps: 8640, p50: 1.1 },
        requests: [{ method: "GET", path: "/" }],
      },
      {
        name: "GET / (trivial route)",
        kind: "trivial",
        connections: 50,
        original: { rps: 8950, p50: 6.4 },
        requests: [{ method: "GET", path: "/" }],
      },
      { name: "GET /health", kind: "health", connections: 10, requests: [{ method: "GET", path: "/health" }] },
      { name: "GET /health", kind: "health", connections: 50, requests: [{ method: "GET", path: "/health" }] },
      { name: "GET /api/auth/me (auth + database)", kind: "me", connections: 10, original: { rps: 392 }, requests: [me] },
      { name: "GET /api/auth/me (auth + database)", kind: "me", connections: 50, original: { rps: 398 }, requests: [me] },
      {
        name: "POST /api/auth/login (PBKDF2)",
        connections: 10,
        original: { rps: 4.3 },
        requests: [{ method: "POST", path: "/api/auth/login", headers: { "content-type": "application/json" }, body: loginBody }],
      },
      {
        name: "GET /api/v1/search/knowledge (hybrid search)",
        kind: "search",
        connections,
        requests: [{ method: "GET", path: "/api/v1/search/knowledge?q=worry%20restless%20muscle%20tension", headers: auth }],
      },
      {
        name: "GET /api/v1/synthetic-cases (R2)",
        connections,
        requests: [{ method: "GET", path: "/api/v1/synthetic-cases?limit=20", headers: auth }],
      },
      {
        name: `GET /api/v1/rag/diagnose (AI at ${aiLatencyMs} ms), sustained`,
        kind: "diagnose",
        connections: 10,
        original: { rps: 9.0, p50: 1010 },
        requests: [diagnose],
      },
      {
        name: `GET /api/v1/rag/diagnose (AI at ${aiLatencyMs} ms), sustained`,
        kind: "diagnose",
        connections: 50,
        original: { rps: 44.9, p50: 1016 },
        requests: [diagnose],
      },
      {
        name: "mixed (health, me, search, cases, case, diagnose)",
        connections,
        requests: [
          { method: "GET", path: "/health" },
          me,
          { method: "GET", path: "/api/v1/search/knowledge?q=low%20mood%20anhedonia", headers: auth },
          { method: "GET", path: "/api/v1/synthetic-cases?severity=severe", headers: auth },
          { method: "GET", path: "/api/v1/synthetic-cases/case-007", headers: auth },
          { method: "GET", path: "/api/v1/rag/diagnose?symptoms=panic%20attacks", headers: auth },
        ],
      },
    ];

    if (parts.has("throughput")) {
      for (const { requests, ...scenario } of scenarios) {
        if (scenarioKinds.size && !scenarioKinds.has(scenario.kind ?? "")) continue;
        const result: ScenarioResult = { ...scenario, samples: {} };
        for (const target of targets) {
          if (!runtimeKeys.has(target.key)) continue;
          const samples: MeasuredSample[] = [];
          for (let run = 0; run < runs; run++) {
            const sample = await measuredLoad(target, { connections: scenario.connections, duration, requests }, shared, stack.neon);
            samples.push(sample);
            const cpu = Object.entries(sample.cpuPerRequest)
              .map(([name, ms]) => `${name} ${ms}`)
              .join(", ");
            process.stdout.write(
              `  ${scenario.name} c=${scenario.connections} on ${target.key} run ${run + 1}: ${sample.rps} req/s, p50 ${sample.p50} ms, p99 ${sample.p99} ms, non-2xx ${nonOk(sample.statuses)}, errors ${sample.errors}, timeouts ${sample.timeouts} (${sample.inFlightAtDeadline ?? 0} in flight at the deadline, awaited); CPU ms/req: ${cpu}; ${databaseLine(sample.database, sample.requests)}\n`,
            );
          }
          result.samples[target.key] = samples;
        }
        runtimes.scenarios.push(result);
      }
    }

    if (parts.has("concurrency")) {
      console.log("• concurrency: simultaneous diagnose requests");
      // The original app's wall ÷ chat latency, measured side by side on this machine in issue #26.
      const originalRatios: Record<number, number> = { 10: 1.09, 50: 1.22, 100: 1.34 };
      for (const n of [10, 50, 100]) {
        const row: BurstRow = { n, original: originalRatios[n], runtimes: {} };
        for (const target of targets) {
          if (!runtimeKeys.has(target.key)) continue;
          const bursts: Array<BurstResult & { cpuPerRequest: Record<string, number>; dbMsPerRequest: number; dbQueueMax: number }> = [];
          for (let run = 0; run < runs; run++) {
            // Distinct symptoms per request and per runtime: nothing can be answered from a cache.
            const urls = Array.from(
              { length: n },
              (_, i) =>
                `${target.url}/api/v1/rag/diagnose?symptoms=${encodeURIComponent(`worry and poor sleep ${target.key} ${run * 1000 + n + i}`)}`,
            );
            const {
              result: { result: burst, cpuMs },
              database,
            } = await databaseDuring(stack.neon, () =>
              measureCpu([...target.cpuGroups, ...shared], () => runChild<BurstResult>("burst.ts", { urls, headers: auth })),
            );
            const cpuPerRequest = Object.fromEntries(
              Object.entries({ ...cpuMs, "load generator": burst.cpuMs }).map(([name, ms]) => [name, Math.round((ms / n) * 1000) / 1000]),
            );
            bursts.push({ ...burst, cpuPerRequest, dbMsPerRequest: (database?.busyMs ?? 0) / n, dbQueueMax: database?.queueMax ?? 0 });
            process.stdout.write(
              `  ${n} simultaneous on ${target.key} run ${run + 1}: ${burst.wallMs} ms wall, longest database wait ${burst.maxDbMs} ms, last request's AI time ${burst.slowest.aiMs} ms, workerd ${cpuPerRequest.workerd} ms/req, non-2xx or failed ${nonOk(burst.statuses)}; ${databaseLine(database, n)}\n`,
            );
          }
          const wallMs = median(bursts.map((b) => b.wallMs));
          const names = Object.keys(bursts[0].cpuPerRequest);
          row.runtimes[target.key] = {
            wallMs: Math.round(wallMs),
            ratio: Math.round((wallMs / runtimes.aiMsPerDiagnose) * 100) / 100,
            chatRatio: Math.round((wallMs / aiLatencyMs) * 100) / 100,
            dbMsPerRequest: Math.round(median(bursts.map((b) => b.dbMsPerRequest)) * 100) / 100,
            dbQueueMax: Math.max(...bursts.map((b) => b.dbQueueMax)),
            slowestDbMs: median(bursts.map((b) => b.maxDbMs)),
            slowestAiMs: median(bursts.map((b) => b.slowest.aiMs)),
            failures: bursts.reduce((sum, b) => sum + nonOk(b.statuses), 0),
            cpuPerRequest: Object.fromEntries(names.map((name) => [name, median(bursts.map((b) => b.cpuPerRequest[name] ?? 0))])),
          };
          console.log(
            `  ${n} simultaneous on ${target.key}: wall ÷ chat ${row.runtimes[target.key]!.chatRatio.toFixed(2)} (original ${row.original}), wall ÷ (chat + embeddings) ${row.runtimes[target.key]!.ratio.toFixed(2)}`,
          );
        }
        runtimes.bursts.push(row);
      }
    }

    if (parts.has("soak")) {
      console.log(`• soak: ${soakRequests} mixed requests at concurrency 50, with writes, on the production runtime`);
      const usersBefore = await countRows(stack.neon.url, "select count(*) from users");
      const auditBefore = await countRows(stack.neon.url, "select count(*) from audit_events where action = 'auth.register'");
      const load = await runChild<LoadResult>("load.ts", {
        url: production.url,
        connections: 50,
        amount: soakRequests,
        uniqueBodies: true,
        requests: [
          { method: "GET", path: "/health" },
          me,
          { method: "GET", path: "/api/v1/search/knowledge?q=intrusive%20thoughts%20checking", headers: auth },
          {
            method: "POST",
            path: "/api/auth/register",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({
              username: "soak-[<id>]",
              email: "soak-[<id>]@bench.local",
              password: "Soak-Pass-2026!",
              first_name: "Soak",
              last_name: "Test",
            }),
          },
          { method: "GET", path: "/api/v1/synthetic-cases", headers: auth },
        ],
      });
      // Deferred audit writes finish shortly after their responses.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const registered = load.statuses["201"] ?? 0;
      const usersAdded = (await countRows(stack.neon.url, "select count(*) from users")) - usersBefore;
      const auditsAdded =
        (await countRows(stack.neon.url, "select count(*) from audit_events where action = 'auth.register'")) - auditBefore;
      soak = { ...load, registered, usersAdded, auditsAdded };
      console.log(
        `  ${load.requests} requests, ${load.rps} req/s, statuses ${JSON.stringify(load.statuses)}; registrations ${registered}, users added ${usersAdded}, audit events added ${auditsAdded}`,
      );
    }

    if (parts.has("profile")) {
      // A separate instance with the inspector open, so the throughput figures above carry no inspector overhead.
      const { inspectorPort } = ports;
      const profiled = await startProductionRuntime({ ...runtimeInput, port: ports.profiledPort, inspectorPort });
      stopping.unshift(profiled.stop);
      const groups = runtimeGroups(profiled.process.pid!, "Miniflare's Node process");
      const runsToProfile = [
        { name: "GET / (trivial route)", slug: "trivial", connections: 10, requests: [{ method: "GET" as const, path: "/" }] },
        { name: "GET /api/auth/me", slug: "me", connections: 10, requests: [me] },
        { name: `GET /api/v1/rag/diagnose (AI at ${aiLatencyMs} ms)`, slug: "diagnose", connections: 50, requests: [diagnose] },
      ];
      // Long enough for slow requests to finish in numbers, and after a warm-up so the profile shows
      // the steady state rather than the isolate's start-up (module evaluation, schema building, JIT).
      const profileSeconds = Math.max(duration, 10);
      const target: Target = { key: "production", label: PRODUCTION_LABEL, url: profiled.url, cpuGroups: groups };
      for (const run of runsToProfile) {
        if (scenarioKinds.size && !scenarioKinds.has(run.slug)) continue;
        console.log(`• profile: ${run.name} at c=${run.connections} for ${profileSeconds} s after a ${PROFILE_WARMUP_SECONDS} s warm-up`);
        await measuredLoad(target, { connections: run.connections, duration: PROFILE_WARMUP_SECONDS, requests: run.requests }, []);
        const { result: sample, profile } = await profileWhile(inspectorPort, "worker", () =>
          measuredLoad(target, { connections: run.connections, duration: profileSeconds, requests: run.requests }, shared),
        );
        const file = path.join(work, `profile-${run.slug}.cpuprofile`);
        await writeFile(file, JSON.stringify(profile));
        const summary = await summariseProfile(profile, path.join(work, "dist/index.js.map"));
        runtimes.profiles.push({
          scenario: run.name,
          connections: run.connections,
          requests: sample.requests,
          workerdCpuMs: sample.cpuPerRequest.workerd ?? 0,
          file: path.relative(root, file),
          summary,
        } satisfies ProfileResult);
        console.log(
          `  ${sample.requests} requests; workerd ${sample.cpuPerRequest.workerd} ms/req; top packages: ${summary.byPackage
            .slice(0, 6)
            .map((r) => `${r.name} ${r.share}%`)
            .join(", ")}; top app functions: ${summary.byAppFunction
            .slice(0, 6)
            .map((r) => `${r.name} ${r.share}%`)
            .join(", ")}`,
        );
      }
    }

    if (parts.has("rtt")) {
      // Last of the stack parts: the delay applies to the whole database the runtimes above share.
      const rttValues = flags["rtt-ms"].split(",").map(Number);
      const rttEmbeddingsMs = Number(flags["rtt-embeddings-ms"]);
      console.log(
        `• rtt: one request at a time at ${rttValues.join(", ")} ms database RTT; its own stub (chat ${aiLatencyMs} ms, embeddings ${rttEmbeddingsMs} ms) and production runtime`,
      );
      const rttStub = await startStubProcess(aiLatencyMs, rttEmbeddingsMs);
      stopping.unshift(rttStub.stop);
      rtt = await benchRtt({
        runtimeInput,
        stubUrl: rttStub.url,
        neonUrl: stack.neon.url,
        rttValues,
        chatMs: aiLatencyMs,
        embeddingsMs: rttEmbeddingsMs,
        requests: 5 * runs,
        email: "therapist@demo.local",
        password: demoPassword,
      });
      console.log(renderRtt(rtt));
    }
  } finally {
    for (const stop of stopping) await stop();
  }
}

/** The OpenAI stub in its own process (tools/openai-stub/cli.ts), resolved once it listens. */
function startStubProcess(
  latencyMs: number,
  embeddingsLatencyMs: number,
): Promise<{ url: string; process: ChildProcess; stop(): Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        path.join(root, "tools/openai-stub/cli.ts"),
        "--port",
        "0",
        "--latency-ms",
        String(latencyMs),
        "--embeddings-latency-ms",
        String(embeddingsLatencyMs),
      ],
      { cwd: root, stdio: ["ignore", "pipe", "inherit"] },
    );
    const stop = () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once("exit", () => done());
        child.kill("SIGTERM");
      });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
      const url = /listening on (\S+)/.exec(output)?.[1];
      if (url) resolve({ url, process: child, stop });
    });
    child.once("exit", (code) => reject(new Error(`openai stub exited ${code}`)));
  });
}

/** The newest modification time and the number of files under src/: changes if anything is edited. */
async function sourceStamp(): Promise<string> {
  const files = (await readdir(path.join(root, "src"), { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  const times = await Promise.all(files.map(async (entry) => (await stat(path.join(entry.parentPath, entry.name))).mtimeMs));
  return `${files.length}:${Math.max(0, ...times)}`;
}

/** The profiles taken before the issue's changes, if committed (tools/bench/baseline/). */
async function readBaseline(file: string): Promise<RuntimesReport["baseline"]> {
  const text = await readFile(file, "utf8").catch(() => undefined);
  return text ? (JSON.parse(text) as RuntimesReport["baseline"]) : undefined;
}

/** The local Neon's figures for one run, for the progress lines. */
function databaseLine(database: MeasuredSample["database"], requests: number): string {
  if (!database) return "database not measured";
  const slow = database.slow ? `, ${database.slow} answered after the driver's timeout (from a queue of ${database.slowFromQueue})` : "";
  return `database ${(database.busyMs / Math.max(1, requests)).toFixed(2)} ms/req busy, queue max ${database.queueMax} statements, ${database.abandoned} abandoned by the Worker${slow}`;
}

async function countRows(neonUrl: string, query: string): Promise<number> {
  const res = await fetch(`${neonUrl}/sql`, {
    method: "POST",
    headers: { "Neon-Connection-String": "postgres://neon:neon@localhost/neondb", "Neon-Array-Mode": "true" },
    body: JSON.stringify({ query, params: [] }),
  });
  const body = (await res.json()) as { rows: string[][] };
  return Number(body.rows[0][0]);
}
