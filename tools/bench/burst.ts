/**
 * The burst process of `npm run bench`: sends N requests at the same instant, waits for all of
 * them and prints, as JSON, the wall time from the first send to the last response, the statuses,
 * and where the slowest request spent its time according to the Worker's `Server-Timing`
 * (`db` = waiting for and running its database round trip, `ai` = its model calls).
 * A separate process, like load.ts, so the client never shares an event loop with a server.
 *
 * Input: one JSON argument `{urls: string[], headers}`. A burst with a non-2xx answer or a failed
 * request is also appended to BENCH_FAILURES_FILE when set (see load.ts).
 */
import { appendFileSync } from "node:fs";

interface Burst {
  urls: string[];
  headers: Record<string, string>;
}

const { urls, headers } = JSON.parse(process.argv[2]) as Burst;

const metric = (timing: string | null, name: string) => Number(new RegExp(`(?:^|,)\\s*${name};dur=([\\d.]+)`).exec(timing ?? "")?.[1] ?? 0);

const started = performance.now();
const cpuBefore = process.cpuUsage();
const responses = await Promise.all(
  urls.map(async (url) => {
    try {
      const res = await fetch(url, { headers });
      await res.arrayBuffer();
      const timing = res.headers.get("server-timing");
      return { status: res.status, doneMs: performance.now() - started, dbMs: metric(timing, "db"), aiMs: metric(timing, "ai") };
    } catch {
      return { status: 0, doneMs: performance.now() - started, dbMs: 0, aiMs: 0 };
    }
  }),
);
const wallMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const slowest = responses.reduce((a, b) => (b.doneMs > a.doneMs ? b : a));
const statuses: Record<string, number> = {};
for (const { status } of responses) statuses[status] = (statuses[status] ?? 0) + 1;
const failed = responses.filter((r) => r.status < 200 || r.status > 299);
if (failed.length && process.env.BENCH_FAILURES_FILE) {
  const { origin, pathname } = new URL(urls[0]);
  const errors = failed.filter((r) => r.status === 0).length;
  const entry = { source: "burst", what: `${urls.length} simultaneous GET ${pathname} on ${origin}`, statuses, errors, timeouts: 0 };
  appendFileSync(process.env.BENCH_FAILURES_FILE, `${JSON.stringify(entry)}\n`);
}
const round = Math.round;
console.log(
  JSON.stringify({
    wallMs: round(wallMs),
    statuses,
    slowest: { doneMs: round(slowest.doneMs), dbMs: round(slowest.dbMs), aiMs: round(slowest.aiMs) },
    maxDbMs: round(Math.max(...responses.map((r) => r.dbMs))),
    cpuMs: round((cpu.user + cpu.system) / 1000),
  }),
);
