/**
 * The load generator process of `npm run bench`: runs one autocannon scenario against the
 * stack and prints its figures as JSON. It is a separate process so the generator never competes
 * with the servers' event loops in one isolate.
 *
 * Input: one JSON argument `{url, connections, duration?, amount?, requests: [{method, path, headers?, body?}], uniqueBodies?}`.
 * Output: `{requests, seconds, rps, p50, p95, p99, statuses, errors, timeouts, cpuMs}` (cpuMs: this
 * process's own CPU during the run, for the per-request accounting).
 */
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

const scenario = JSON.parse(process.argv[2]) as Scenario;
const latencies: number[] = [];
const statuses: Record<string, number> = {};

const started = performance.now();
const cpuBefore = process.cpuUsage();
const result = await new Promise<autocannon.Result>((resolve, reject) => {
  const instance = autocannon(
    {
      url: scenario.url,
      connections: scenario.connections,
      // autocannon rejects an explicit undefined: pass only the bound that was given.
      ...(scenario.amount ? { amount: scenario.amount } : { duration: scenario.duration ?? 10 }),
      timeout: 30,
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
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  });
});
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);

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
    cpuMs: round((cpu.user + cpu.system) / 1000),
  }),
);
