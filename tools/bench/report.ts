/** BENCHMARKS.md: our figures beside the seed document's claims, with the machine and the command. */
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

export interface Concurrency {
  n: number;
  wallMs: number;
  ratio: number;
  failures: number;
  slowestDbMs: number;
  slowestAiMs: number;
}

export interface Measured {
  name: string;
  seed: string;
  samples: Sample[];
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Responses that were not 2xx. */
export const nonOk = (statuses: Record<string, number>) => Object.entries(statuses).filter(([status]) => !status.startsWith("2")).reduce((sum, [, n]) => sum + n, 0);

const failures = (sample: Sample) => nonOk(sample.statuses) + sample.errors + sample.timeouts;

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
  results: Measured[];
  concurrency: Concurrency[];
  soak: LoadResult & { registered: number; usersAdded: number; auditsAdded: number };
  bundle: string;
  command: string;
}

export function renderReport(input: ReportInput): string {
  const rows = input.results.map((result) => {
    const m = (pick: (s: Sample) => number) => median(result.samples.map(pick));
    const errors = result.samples.reduce((sum, sample) => sum + failures(sample), 0);
    return `| ${result.name} | ${result.seed} | **${m((s) => s.rps).toFixed(0)}** | ${m((s) => s.p50)} | ${m((s) => s.p95)} | ${m((s) => s.p99)} | ${errors} | ${m((s) => s.queriesPerRequest).toFixed(2)} |`;
  });
  const concurrency = input.concurrency.map((c) => `| ${c.n} | ${c.wallMs} | **${c.ratio.toFixed(2)}** | ${c.slowestDbMs} | ${c.slowestAiMs} | ${c.failures} |`);
  const soak = input.soak;
  return `# Benchmarks

Measured by \`npm run bench\` on ${input.date.slice(0, 10)}: the local stack exactly as \`npm run dev\` runs it
(\`wrangler dev\` with workerd, the embedded local Neon on ${input.database}, miniflare's local R2), the project's
OpenAI-compatible stub answering chat in ${input.aiLatencyMs} ms and embeddings in ${input.embeddingLatencyMs} ms, load from a
separate autocannon process. Rate limits are raised for the run (they are bindings) and per-request
log lines are off (\`LOG_LEVEL=warn\`).

Reproduce: \`${input.command}\`

Machine: ${input.machine.cpus}, ${input.machine.memory}, ${input.machine.os}, Node ${input.machine.node}, workerd ${input.machine.workerd}.

## Throughput beside the seed's claims

Each scenario ran ${input.runs} times for ${input.duration} s at ${input.connections} connections; figures are medians of the runs.
"Queries/req" is database round trips per request counted at the local Neon (deferred audit writes included).

| scenario | seed's async claim (req/s) | req/s | p50 ms | p95 ms | p99 ms | non-2xx + errors (all runs) | queries/req |
|---|---|---|---|---|---|---|---|
${rows.join("\n")}

## Concurrency: N simultaneous diagnose requests

Each diagnose waits on one embeddings call and one chat call (${input.embeddingLatencyMs + input.aiLatencyMs} ms of AI latency).
Ratio = total wall time ÷ that latency (the seed claims ≈ 1.0 for 10; the budget is ≤ 1.25 at 100). Medians of ${input.runs} runs.
The last two columns come from the Worker's \`Server-Timing\` header: the longest time any request of the burst
spent on its database round trip (queueing included), and the AI time of the request that finished last.

| simultaneous requests | wall ms | ratio | longest database wait, ms | slowest request's AI time, ms | failed requests |
|---|---|---|---|---|---|
${concurrency.join("\n")}

## Soak

${soak.requests} mixed requests (health, me, search, registration, cases) at concurrency 50: ${soak.rps} req/s,
statuses ${JSON.stringify(soak.statuses)}, errors ${soak.errors}, timeouts ${soak.timeouts}.
Registrations answered 201: ${soak.registered}; users added: ${soak.usersAdded}; registration audit events added: ${soak.auditsAdded}.

## Bundle

\`wrangler deploy --dry-run\`: ${input.bundle} (budget 400 KiB gzip; the openai SDK and zod are most of it, minified).

## Caveats

- One 2-core machine runs the load generator, workerd, the local Neon and PGlite together; figures are
  lower bounds for Cloudflare's network and Neon, and noisy between runs (hence medians).
- PGlite is single-connection Postgres in WASM: database-bound scenarios measure it, not Neon.
- The concurrency budget (≤ 1.25 at 100) depends on the database running concurrent queries in
  parallel, as Neon does. PGlite runs one statement at a time, in WASM, on one core: each diagnose's
  single batch (account check + hybrid retrieval) takes about 9 ms there, so the 100th simultaneous
  request waits about a second for its turn before it may call the model (the "longest database
  wait" column), while the budget leaves 262 ms for everything that is not AI latency. The Worker
  does not wait on the model in line: the slowest request's AI time stays near the stub's latency.
  To measure against a multi-connection database, pass \`--database-url\` with a Postgres server
  that has pgvector.
- The AI stub's latency is fixed; real model latency varies and rate limits apply upstream.
`;
}
