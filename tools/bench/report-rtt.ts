/**
 * BENCHMARKS.md's "Latency with a distant database" section (the bench's `rtt` part, tools/bench/rtt.ts):
 * one request at a time on the production runtime, with the local Neon answering each round trip
 * late by the simulated RTT.
 */

/** The figures the rtt part measures; each is one request's time, less a fixed AI latency for diagnose. */
export type RttFigure = "diagnose" | "stream-first-byte" | "stream-sources" | "me" | "search" | "login" | "clients";

export interface RttRow {
  figure: RttFigure;
  rttMs: number;
  /** Median and 90th percentile of the figure, ms. */
  p50: number;
  p90: number;
  /** Database round trips per request counted at the local Neon (deferred audit writes included), median. */
  roundTrips: number;
  /** Queries the Worker reported in `Server-Timing: db` (before the response left), median. */
  queries: number;
  /** The Worker's own `Server-Timing` (db, ai, total), medians in ms; a stream's as its headers left. */
  server: { dbMs: number; aiMs: number; totalMs: number };
  requests: number;
  /** Responses that were not 2xx, or streams without a `sources` event. */
  failures: number;
}

export interface RttReport {
  chatMs: number;
  embeddingsMs: number;
  rows: RttRow[];
}

/** The same shape as the targets table's checks (report-runtimes.ts), so that table can list these. */
export interface RttTargetRow {
  target: string;
  goal: string;
  measured: string;
  met: boolean | undefined;
}

const DESCRIPTIONS: Record<RttFigure, string> = {
  diagnose: "GET /api/v1/rag/diagnose: wall − chat latency",
  "stream-first-byte": "diagnose stream: first byte of the body",
  "stream-sources": "diagnose stream: `sources` event",
  me: "GET /api/auth/me",
  search: "GET /api/v1/search/knowledge (one embeddings call)",
  login: "POST /api/auth/login (PBKDF2)",
  clients: "GET /api/v1/clients (workspace read)",
};

/** The issue's allowance over the embeddings call for the figures with a bound: 2 × RTT + embeddings + slack. */
const SLACK_MS: Partial<Record<RttFigure, number>> = { diagnose: 20, "stream-sources": 10 };

function rttBound(figure: RttFigure, rttMs: number, embeddingsMs: number): number | undefined {
  const slack = SLACK_MS[figure];
  return slack === undefined ? undefined : 2 * rttMs + embeddingsMs + slack;
}

/**
 * Blocking round trips the figure implies: how much it grew over the same figure without added
 * RTT, in RTTs. Undefined without a zero-RTT row to compare with.
 */
function impliedRoundTrips(report: RttReport, row: RttRow): number | undefined {
  const base = report.rows.find((r) => r.figure === row.figure && r.rttMs === 0);
  if (!base || row.rttMs === 0) return undefined;
  return (row.p50 - base.p50) / row.rttMs;
}

/** The diagnose and stream bounds at every simulated RTT above zero, for the targets table. */
export function rttTargetRows(report: RttReport | undefined): RttTargetRow[] {
  if (!report) return [];
  return report.rows.flatMap((row) => {
    const bound = rttBound(row.figure, row.rttMs, report.embeddingsMs);
    if (bound === undefined || row.rttMs === 0) return [];
    const what = row.figure === "diagnose" ? "one diagnose's wall time − chat latency" : "diagnose stream: time to the `sources` event";
    return [
      {
        target: `${what}, ${row.rttMs} ms RTT to the database, embeddings ${report.embeddingsMs} ms`,
        goal: `≤ ${bound} ms (2 × RTT + embeddings + ${SLACK_MS[row.figure]})`,
        measured: `${row.p50} ms${row.p50 > bound ? ` (${Math.round(row.p50 - bound)} over)` : ""}`,
        met: row.failures ? false : row.p50 <= bound,
      },
    ];
  });
}

const fmt = (value: number | undefined, digits = 0) => (value === undefined || Number.isNaN(value) ? "—" : value.toFixed(digits));

export function renderRtt(report: RttReport | undefined): string {
  if (!report?.rows.length) return "";
  const rows = report.rows.map((row) => {
    const bound = rttBound(row.figure, row.rttMs, report.embeddingsMs);
    const met = bound === undefined ? "—" : row.failures === 0 && row.p50 <= bound ? "yes" : "**no**";
    return `| ${DESCRIPTIONS[row.figure]} | ${row.rttMs} | **${fmt(row.p50)}** | ${fmt(row.p90)} | ${fmt(impliedRoundTrips(report, row), 1)} | ${fmt(row.roundTrips)} | ${fmt(row.queries)} | ${row.server.dbMs} / ${row.server.aiMs} / ${row.server.totalMs} | ${fmt(bound)} | ${met} | ${row.failures} |`;
  });
  const requests = Math.max(...report.rows.map((r) => r.requests));
  return `## Latency with a distant database (simulated RTT)

In production the database is not on the Worker's machine: every blocking round trip to Neon costs the
network's round-trip time. Here the local Neon answers each SQL request of the bench's database late by the
RTT given (\`--rtt-ms\`; its \`delay\` fault, applied before the statement runs, so PGlite's queue is not held),
and a second OpenAI stub answers chat in ${report.chatMs} ms and embeddings in ${report.embeddingsMs} ms
(\`--rtt-embeddings-ms\`), served by a second production-runtime instance. Requests go one at a time,
${requests} per figure after 2 warm-ups, each diagnose and search with text never asked before (no cache hit).
Figures are ms, median and p90. "Blocking round trips" is the median's growth over the same figure at 0 ms RTT,
in RTTs; "round trips" counts every SQL request at the local Neon (deferred audit writes included) and
"queries" and the Server-Timing column the Worker's own \`Server-Timing\` (db: time waiting on the database, summed
over overlapping queries; ai: on the stub). The bound is the issue's: 2 × RTT + embeddings + 20 ms
for a diagnose less its chat call, + 10 ms for the stream's \`sources\` event. Real links add TLS set-up and
jitter, so these are lower bounds; see the README's "Deploying near your database" for Smart Placement and
Hyperdrive.

| figure | RTT | p50 | p90 | blocking round trips | round trips | queries | Server-Timing db / ai / total | bound | met | failures |
|---|---|---|---|---|---|---|---|---|---|---|
${rows.join("\n")}
`;
}
