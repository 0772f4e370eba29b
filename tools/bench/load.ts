/**
 * The load generator process of `npm run bench`: runs one autocannon scenario against the
 * stack and prints its figures as JSON. It is a separate process so the generator never competes
 * with the servers' event loops in one isolate.
 *
 * Input: one JSON argument `{url, connections, duration?, amount?, requests: [{method, path, headers?, body?}], uniqueBodies?}`.
 * Output: `{requests, seconds, rps, p50, p95, p99, statuses, errors, timeouts, inFlightAtDeadline, cpuMs}`
 * (cpuMs: this process's own CPU during the run, for the per-request accounting).
 *
 * A timed run stops sending at its deadline and then waits for every request in flight (up to the
 * request timeout): autocannon on its own closes the connections at the deadline, so the slowest
 * requests of every run, the very ones a database queue times out, were never counted, while the
 * Worker still answered them (a 503 logged, to nobody).
 *
 * Every run with a non-2xx answer, an error or a timeout is also appended as a JSON line to
 * BENCH_FAILURES_FILE when it is set, so the bench sees the failures of every load run, warm-ups
 * and calibration included (tools/bench/measure.ts).
 */
import { appendFileSync } from "node:fs";
import autocannon from "autocannon";

interface Scenario {
  url: string;
  connections: number;
  duration?: number;
  amount?: number;
  requests: Array<{ method: "GET" | "POST" | "PATCH"; path: string; headers?: Record<string, string>; body?: string }>;
  /** Replace `[<id>]` in bodies with a fresh id per request (registrations). */
  uniqueBodies?: boolean;
}

/** Seconds before autocannon gives up on one request (counted as a timeout). */
const REQUEST_TIMEOUT_S = 30;

const scenario = JSON.parse(process.argv[2]) as Scenario;
const latencies: number[] = [];
const statuses: Record<string, number> = {};

/** autocannon's connection: it sends its next request after each answer until `responseMax`. */
interface Client {
  reqsMade: number;
  responseMax?: number;
  destroyed: boolean;
}
const clients: Client[] = [];
let inFlightAtDeadline = 0;
let lastAnswerAt = 0;
/** At the deadline: each connection finishes the request it has out and sends no other. */
const stopSending = () => {
  for (const client of clients.filter((c) => !c.destroyed)) {
    client.responseMax = client.reqsMade;
    inFlightAtDeadline++;
  }
};

const started = performance.now();
const cpuBefore = process.cpuUsage();
const deadline = scenario.amount ? undefined : setTimeout(stopSending, (scenario.duration ?? 10) * 1000);
const result = await new Promise<autocannon.Result>((resolve, reject) => {
  const instance = autocannon(
    {
      url: scenario.url,
      connections: scenario.connections,
      // autocannon rejects an explicit undefined: pass only the bound that was given. A timed run's
      // own deadline is ours (stopSending); autocannon's is only the backstop for a request that never ends.
      ...(scenario.amount ? { amount: scenario.amount } : { duration: (scenario.duration ?? 10) + REQUEST_TIMEOUT_S + 5 }),
      timeout: REQUEST_TIMEOUT_S,
      setupClient: (client: unknown) => clients.push(client as Client),
      // A body template's `[<id>]` gets a fresh id per request. (autocannon's own idReplacement
      // keeps the template's Content-Length, which hangs the server waiting for the rest.)
      requests: scenario.requests.map((request) =>
        scenario.uniqueBodies && request.body?.includes("[<id>]")
          ? {
              ...request,
              setupRequest: (req: autocannon.Request) => ({ ...req, body: request.body!.replaceAll("[<id>]", crypto.randomUUID()) }),
            }
          : request,
      ),
    },
    (error, output) => (error ? reject(error) : resolve(output)),
  );
  instance.on("response", (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    lastAnswerAt = performance.now();
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  });
});
clearTimeout(deadline);
// Until the last answer: autocannon reports only at its next one-second tick.
const seconds = ((lastAnswerAt || performance.now()) - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const failed = Object.entries(statuses)
  .filter(([status]) => !status.startsWith("2"))
  .reduce((sum, [, n]) => sum + n, 0);
if ((failed || result.errors || result.timeouts) && process.env.BENCH_FAILURES_FILE) {
  const what = `${[...new Set(scenario.requests.map((r) => `${r.method} ${r.path.split("?")[0]}`))].join(", ")} c=${scenario.connections} on ${scenario.url}`;
  appendFileSync(
    process.env.BENCH_FAILURES_FILE,
    `${JSON.stringify({ source: "load", what, statuses, errors: result.errors, timeouts: result.timeouts })}\n`,
  );
}

latencies.sort((a, b) => a - b);
const percentile = (p: number) =>
  latencies.length ? latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] : 0;
const round = (value: number) => Math.round(value * 10) / 10;
console.log(
  JSON.stringify({
    requests: latencies.length,
    seconds: round(seconds),
    rps: round(latencies.length / seconds),
    p50: round(percentile(50)),
    p95: round(percentile(95)),
    p99: round(percentile(99)),
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
    inFlightAtDeadline,
    cpuMs: round((cpu.user + cpu.system) / 1000),
  }),
);
