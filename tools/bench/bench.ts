/**
 * `npm run bench`: measures the project the way a user would and writes BENCHMARKS.md.
 *
 * Starts the local stack exactly as `npm run dev` does (embedded local Neon, local R2,
 * `wrangler dev`) but with its own data folders and raised rate limits, plus the OpenAI stub with
 * a set latency; logs in the demo therapist; then drives each scenario from a separate load
 * process (autocannon, tools/bench/load.ts) and counts the database round trips per request at
 * the local Neon. The OpenAI stub, the load generator and the concurrency bursts each run in their
 * own process, so none of them shares an event loop with PGlite (whose queries block the thread
 * they run on) and the stub's latency stays what was asked for.
 *
 * Options (flags or env): --ai-latency-ms (BENCH_AI_LATENCY_MS, 1000), --duration seconds per
 * scenario (10), --connections (50), --runs per scenario (3), --soak requests (5000),
 * --out (BENCHMARKS.md), --only throughput,concurrency,soak (a subset prints its figures and
 * writes no report), --database-url (BENCH_DATABASE_URL: a Postgres server with pgvector for the
 * local Neon instead of PGlite, e.g. to measure concurrency against a multi-connection database).
 */
import { spawn } from "node:child_process";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { startStack } from "../dev/stack.ts";
import { benchConfig } from "./bench-config.ts";
import { measureBundle } from "./bundle.ts";
import { runChild } from "./child.ts";
import { type BurstResult, type Concurrency, type LoadResult, type Measured, median, nonOk, type ReportInput, renderReport } from "./report.ts";

const root = path.resolve(import.meta.dirname, "../..");
const { values: flags } = parseArgs({
  options: {
    "ai-latency-ms": { type: "string", default: process.env.BENCH_AI_LATENCY_MS ?? "1000" },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "50" },
    runs: { type: "string", default: "3" },
    soak: { type: "string", default: "5000" },
    out: { type: "string", default: "BENCHMARKS.md" },
    port: { type: "string", default: "8790" },
    only: { type: "string", default: "throughput,concurrency,soak" },
    "database-url": { type: "string", default: process.env.BENCH_DATABASE_URL },
  },
});
const PARTS = ["throughput", "concurrency", "soak"];
const parts = new Set(flags.only.split(",").map((part) => part.trim()));
const unknownParts = [...parts].filter((part) => !PARTS.includes(part));
if (unknownParts.length) throw new Error(`--only takes ${PARTS.join(", ")}; not ${unknownParts.join(", ")}`);
const everything = PARTS.every((part) => parts.has(part));
const aiLatencyMs = Number(flags["ai-latency-ms"]);
const embeddingLatencyMs = Math.min(50, aiLatencyMs);
const duration = Number(flags.duration);
const connections = Number(flags.connections);
const runs = Number(flags.runs);
const soakRequests = Number(flags.soak);
const demoPassword = "Bench-Password-2026!";

const work = path.join(root, ".local/bench");
await rm(work, { recursive: true, force: true });
await mkdir(work, { recursive: true });

console.log(`• OpenAI stub: chat ${aiLatencyMs} ms, embeddings ${embeddingLatencyMs} ms`);
const stub = await startStubProcess(aiLatencyMs, embeddingLatencyMs);
const wranglerConfig = await benchConfig(root, work);
console.log("• starting the local stack (local Neon, seed, wrangler dev)…");
const stack = await startStack({
  root,
  port: Number(flags.port),
  dataDir: path.join(work, "neon"),
  databaseUrl: flags["database-url"],
  persistTo: path.join(work, "state"),
  vars: { APP_ENV: "development", LOG_LEVEL: "warn", JWT_SECRET: "bench-only-jwt-secret-0123456789-abcdefghijkl", OPENAI_API_KEY: "sk-bench", OPENAI_BASE_URL: stub.url },
  demoPassword,
  wranglerConfig,
  varsFile: path.join(work, "dev.vars"),
  quiet: true,
}).catch(async (error: unknown) => {
  await stub.stop();
  throw error;
});

try {
  const login = await fetch(`${stack.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "therapist@demo.local", password: demoPassword }) });
  const { access_token: token } = (await login.json()) as { access_token: string };
  const auth = { authorization: `Bearer ${token}` };

  type Request = { method: "GET" | "POST"; path: string; headers?: Record<string, string>; body?: string };
  const scenarios: Array<{ name: string; seed: string; requests: Request[]; connections?: number }> = [
    { name: "GET /health", seed: "—", requests: [{ method: "GET", path: "/health" }] },
    { name: "GET /api/auth/me (auth + database)", seed: "Database queries ~1000+", requests: [{ method: "GET", path: "/api/auth/me", headers: auth }] },
    { name: "GET /api/v1/search/knowledge (hybrid search)", seed: "Database queries ~1000+", requests: [{ method: "GET", path: "/api/v1/search/knowledge?q=worry%20restless%20muscle%20tension", headers: auth }] },
    { name: "GET /api/v1/synthetic-cases (R2)", seed: "File operations ~2000+", requests: [{ method: "GET", path: "/api/v1/synthetic-cases?limit=20", headers: auth }] },
    { name: `GET /api/v1/rag/diagnose (AI at ${aiLatencyMs} ms)`, seed: "OpenAI calls ~10-20", requests: [{ method: "GET", path: "/api/v1/rag/diagnose?symptoms=anxiety", headers: auth }] },
    {
      name: "mixed (health, me, search, cases, case, diagnose)",
      seed: "Mixed workload ~100+",
      requests: [
        { method: "GET", path: "/health" },
        { method: "GET", path: "/api/auth/me", headers: auth },
        { method: "GET", path: "/api/v1/search/knowledge?q=low%20mood%20anhedonia", headers: auth },
        { method: "GET", path: "/api/v1/synthetic-cases?severity=severe", headers: auth },
        { method: "GET", path: "/api/v1/synthetic-cases/case-007", headers: auth },
        { method: "GET", path: "/api/v1/rag/diagnose?symptoms=panic%20attacks", headers: auth },
      ],
    },
  ];

  const results: Measured[] = [];
  if (parts.has("throughput")) {
    for (const scenario of scenarios) {
      const samples = [];
      for (let run = 0; run < runs; run++) {
        const before = stack.neon.stats().total.requests;
        const sample = await runChild<LoadResult>("load.ts", { url: stack.url, connections: scenario.connections ?? connections, duration, requests: scenario.requests });
        const queries = stack.neon.stats().total.requests - before;
        samples.push({ ...sample, queriesPerRequest: sample.requests ? queries / sample.requests : 0 });
        process.stdout.write(`  ${scenario.name} run ${run + 1}: ${sample.rps} req/s, p50 ${sample.p50} ms, p99 ${sample.p99} ms, non-2xx ${nonOk(sample.statuses)}, errors ${sample.errors}\n`);
      }
      results.push({ name: scenario.name, seed: scenario.seed, samples });
    }
  }

  const perRequestAiMs = aiLatencyMs + embeddingLatencyMs;
  const concurrency: Concurrency[] = [];
  if (parts.has("concurrency")) {
    console.log("• concurrency: simultaneous diagnose requests");
    for (const n of [10, 50, 100]) {
      const bursts: BurstResult[] = [];
      for (let run = 0; run < runs; run++) {
        // Distinct symptoms per request: nothing can be answered from a cache.
        const urls = Array.from({ length: n }, (_, i) => `${stack.url}/api/v1/rag/diagnose?symptoms=${encodeURIComponent(`worry and poor sleep ${run * 1000 + n + i}`)}`);
        const burst = await runChild<BurstResult>("burst.ts", { urls, headers: auth });
        bursts.push(burst);
        process.stdout.write(`  ${n} simultaneous run ${run + 1}: ${burst.wallMs} ms wall, longest database wait ${burst.maxDbMs} ms, last request's AI time ${burst.slowest.aiMs} ms\n`);
      }
      const wallMs = median(bursts.map((burst) => burst.wallMs));
      const failures = bursts.reduce((sum, burst) => sum + nonOk(burst.statuses), 0);
      const slowestDbMs = median(bursts.map((burst) => burst.maxDbMs));
      const slowestAiMs = median(bursts.map((burst) => burst.slowest.aiMs));
      concurrency.push({ n, wallMs: Math.round(wallMs), ratio: Math.round((wallMs / perRequestAiMs) * 100) / 100, failures, slowestDbMs, slowestAiMs });
      console.log(`  ${n} simultaneous: ${Math.round(wallMs)} ms wall, ratio ${(wallMs / perRequestAiMs).toFixed(2)}, longest database wait ${slowestDbMs} ms, slowest request's AI time ${slowestAiMs} ms, failures ${failures}`);
    }
  }

  let soak: ReportInput["soak"] | undefined;
  if (parts.has("soak")) {
    console.log(`• soak: ${soakRequests} mixed requests at concurrency 50, with writes`);
    const usersBefore = await countRows(stack.neon.url, "select count(*) from users");
    const auditBefore = await countRows(stack.neon.url, "select count(*) from audit_events where action = 'auth.register'");
    const load = await runChild<LoadResult>("load.ts", {
      url: stack.url,
      connections: 50,
      amount: soakRequests,
      uniqueBodies: true,
      requests: [
        { method: "GET", path: "/health" },
        { method: "GET", path: "/api/auth/me", headers: auth },
        { method: "GET", path: "/api/v1/search/knowledge?q=intrusive%20thoughts%20checking", headers: auth },
        { method: "POST", path: "/api/auth/register", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "soak-[<id>]", email: "soak-[<id>]@bench.local", password: "Soak-Pass-2026!", first_name: "Soak", last_name: "Test" }) },
        { method: "GET", path: "/api/v1/synthetic-cases", headers: auth },
      ],
    });
    // Deferred audit writes finish shortly after their responses.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const registered = load.statuses["201"] ?? 0;
    const usersAdded = (await countRows(stack.neon.url, "select count(*) from users")) - usersBefore;
    const auditsAdded = (await countRows(stack.neon.url, "select count(*) from audit_events where action = 'auth.register'")) - auditBefore;
    soak = { ...load, registered, usersAdded, auditsAdded };
    console.log(`  ${load.requests} requests, ${load.rps} req/s, statuses ${JSON.stringify(load.statuses)}; registrations ${registered}, users added ${usersAdded}, audit events added ${auditsAdded}`);
  }

  if (!everything || !soak) {
    console.log(`• --only ${flags.only}: figures above; ${flags.out} is written only by a full run`);
  } else {
    const { rawKiB, gzipKiB } = await measureBundle(root, path.join(work, "dist"));
    const bundle = `${gzipKiB} KiB gzip (${rawKiB} KiB uncompressed)`;
    const machine = {
      cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}`,
      memory: `${Math.round(os.totalmem() / 1024 ** 3)} GiB`,
      node: process.version,
      workerd: JSON.parse(await readFile(path.join(root, "node_modules/workerd/package.json"), "utf8")).version as string,
      os: `${os.type()} ${os.release()}`,
    };
    const database = flags["database-url"] ? "a Postgres server (--database-url)" : "PGlite";
    const command = `npm run bench -- --ai-latency-ms ${aiLatencyMs} --duration ${duration} --connections ${connections} --runs ${runs} --soak ${soakRequests}${flags["database-url"] ? " --database-url <url>" : ""}`;
    const report = renderReport({ date: new Date().toISOString(), machine, database, aiLatencyMs, embeddingLatencyMs, duration, connections, runs, results, concurrency, soak, bundle, command });
    await writeFile(path.resolve(root, flags.out), report);
    console.log(`• wrote ${flags.out}`);
  }
} finally {
  await stack.stop();
  await stub.stop();
}

/** The OpenAI stub in its own process (tools/openai-stub/cli.ts), resolved once it listens. */
function startStubProcess(latencyMs: number, embeddingsLatencyMs: number): Promise<{ url: string; stop(): Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "tools/openai-stub/cli.ts"), "--port", "0", "--latency-ms", String(latencyMs), "--embeddings-latency-ms", String(embeddingsLatencyMs)], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
    const stop = () => new Promise<void>((done) => (child.exitCode !== null ? done() : (child.once("exit", () => done()), child.kill("SIGTERM"))));
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
      const url = /listening on (\S+)/.exec(output)?.[1];
      if (url) resolve({ url, stop });
    });
    child.once("exit", (code) => reject(new Error(`openai stub exited ${code}`)));
  });
}

async function countRows(neonUrl: string, query: string): Promise<number> {
  const res = await fetch(`${neonUrl}/sql`, { method: "POST", headers: { "Neon-Connection-String": "postgres://neon:neon@localhost/neondb", "Neon-Array-Mode": "true" }, body: JSON.stringify({ query, params: [] }) });
  const body = (await res.json()) as { rows: string[][] };
  return Number(body.rows[0][0]);
}

