/**
 * The rtt part's measuring process (started by tools/bench/rtt.ts through runChild): for each
 * simulated RTT, sets the local Neon's `delay` fault on the bench's database, then sends the
 * routes one request at a time and times them. Its own process, so the bench's PGlite (which blocks
 * the thread it runs on) never delays reading a response. Input: {@link ProbeInput}; prints an
 * {@link RttReport} as its last line.
 */
import { median } from "./report.ts";
import type { RttFigure, RttReport, RttRow } from "./report-rtt.ts";

export interface ProbeInput {
  /** The rtt runtime (production runtime on the rtt stub). */
  url: string;
  neonUrl: string;
  database: string;
  rttValues: number[];
  chatMs: number;
  embeddingsMs: number;
  requests: number;
  warmups: number;
  email: string;
  password: string;
}

interface Measured {
  figures: Partial<Record<RttFigure, number>>;
  ok: boolean;
  roundTrips: number;
  queries: number;
  server: RttRow["server"];
}

const input = JSON.parse(process.argv[2]) as ProbeInput;
// Text never asked before in this process or an earlier run: the per-isolate caches never answer.
const nonce = Date.now().toString(36);
let asked = 0;
const fresh = (text: string) => `${text} (${nonce} ${++asked})`;

const rows: RttRow[] = [];
try {
  for (const rttMs of input.rttValues) {
    await setDelay(rttMs);
    const token = await login();
    const auth = { authorization: `Bearer ${token}` };
    const probes: Array<{ figures: RttFigure[]; send: () => Promise<Measured> }> = [
      {
        figures: ["diagnose"],
        send: () =>
          timed(rttMs, async (started) => {
            const res = await fetch(
              `${input.url}/api/v1/rag/diagnose?symptoms=${encodeURIComponent(fresh("worry and poor sleep for weeks"))}`,
              {
                headers: auth,
              },
            );
            await res.arrayBuffer();
            return { res, figures: { diagnose: performance.now() - started - input.chatMs } };
          }),
      },
      {
        figures: ["stream-first-byte", "stream-sources"],
        send: () => timed(rttMs, (started) => diagnoseStream(started, auth)),
      },
      { figures: ["me"], send: () => timed(rttMs, (started) => wall("me", started, fetch(`${input.url}/api/auth/me`, { headers: auth }))) },
      {
        figures: ["search"],
        send: () =>
          timed(rttMs, (started) =>
            wall(
              "search",
              started,
              fetch(`${input.url}/api/v1/search/knowledge?q=${encodeURIComponent(fresh("restless muscle tension"))}`, { headers: auth }),
            ),
          ),
      },
      { figures: ["login"], send: () => timed(rttMs, (started) => wall("login", started, loginRequest())) },
      {
        figures: ["clients"],
        send: () => timed(rttMs, (started) => wall("clients", started, fetch(`${input.url}/api/v1/clients`, { headers: auth }))),
      },
    ];
    for (const probe of probes) {
      for (let i = 0; i < input.warmups; i++) await probe.send();
      const samples: Measured[] = [];
      for (let i = 0; i < input.requests; i++) samples.push(await probe.send());
      for (const figure of probe.figures) {
        const values = samples.map((s) => s.figures[figure]).filter((v): v is number => v !== undefined);
        const row: RttRow = {
          figure,
          rttMs,
          p50: Math.round(median(values)),
          p90: Math.round(percentile(values, 0.9)),
          roundTrips: median(samples.map((s) => s.roundTrips)),
          queries: median(samples.map((s) => s.queries)),
          server: {
            dbMs: Math.round(median(samples.map((s) => s.server.dbMs))),
            aiMs: Math.round(median(samples.map((s) => s.server.aiMs))),
            totalMs: Math.round(median(samples.map((s) => s.server.totalMs))),
          },
          requests: samples.length,
          failures: samples.filter((s) => !s.ok || s.figures[figure] === undefined).length,
        };
        rows.push(row);
        console.error(
          `  RTT ${rttMs} ms, ${figure}: p50 ${row.p50} ms, p90 ${row.p90} ms, round trips ${row.roundTrips}, queries ${row.queries}, failures ${row.failures}`,
        );
      }
    }
  }
} finally {
  await setDelay(0);
}
console.log(JSON.stringify({ chatMs: input.chatMs, embeddingsMs: input.embeddingsMs, rows } satisfies RttReport));

/** One request, with the database round trips it caused (its deferred writes given time to land). */
async function timed(
  rttMs: number,
  send: (started: number) => Promise<{ res: Response; figures: Measured["figures"] }>,
): Promise<Measured> {
  const before = await neonRequests();
  const { res, figures } = await send(performance.now());
  await new Promise((resolve) => setTimeout(resolve, 2 * rttMs + 40));
  const roundTrips = (await neonRequests()) - before;
  const timing = res.headers.get("server-timing") ?? "";
  const duration = (name: string) => Number(new RegExp(`(?:^|,)${name};dur=([\\d.]+)`).exec(timing)?.[1] ?? 0);
  const queries = Number(/db;dur=[\d.]+;desc="(\d+) quer/.exec(timing)?.[1] ?? 0);
  return { figures, ok: res.ok, roundTrips, queries, server: { dbMs: duration("db"), aiMs: duration("ai"), totalMs: duration("total") } };
}

async function wall(figure: RttFigure, started: number, request: Promise<Response>) {
  const res = await request;
  await res.arrayBuffer();
  return { res, figures: { [figure]: performance.now() - started } };
}

/** The streamed diagnose: the first body byte, then the complete `sources` event; read to the end. */
async function diagnoseStream(started: number, auth: Record<string, string>) {
  const res = await fetch(
    `${input.url}/api/v1/rag/diagnose?symptoms=${encodeURIComponent(fresh("low mood and no interest in anything"))}`,
    {
      headers: { ...auth, accept: "text/event-stream" },
    },
  );
  const figures: Measured["figures"] = {};
  const decoder = new TextDecoder();
  let text = "";
  for await (const chunk of res.body ?? []) {
    figures["stream-first-byte"] ??= performance.now() - started;
    text += decoder.decode(chunk as Uint8Array, { stream: true });
    if (figures["stream-sources"] === undefined && /(^|\n)event: ?sources\n[\s\S]*?\n\n/.test(text))
      figures["stream-sources"] = performance.now() - started;
  }
  return { res, figures };
}

function loginRequest(): Promise<Response> {
  return fetch(`${input.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: input.email, password: input.password }),
  });
}

async function login(): Promise<string> {
  const res = await loginRequest();
  if (!res.ok) throw new Error(`rtt: login answered ${res.status}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

async function setDelay(rttMs: number): Promise<void> {
  const res = await fetch(`${input.neonUrl}/_control/fault`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(
      rttMs > 0 ? { database: input.database, mode: "delay", delay_ms: rttMs } : { database: input.database, mode: "none" },
    ),
  });
  if (!res.ok) throw new Error(`rtt: the local Neon refused the delay (${res.status})`);
}

async function neonRequests(): Promise<number> {
  const stats = (await (await fetch(`${input.neonUrl}/_stats`)).json()) as { databases: Record<string, { requests: number }> };
  return stats.databases[input.database]?.requests ?? 0;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
}
