/**
 * `npm run openai-stub`: the local OpenAI-compatible server (see server.ts) on a port.
 *   --port N (default 4010; 0 picks a free one)   --latency-ms N (default 0)
 *   --embeddings-latency-ms N (default: --latency-ms)
 * Prints `openai stub listening on <url>` once ready (`npm run bench` reads that line).
 * Then set OPENAI_BASE_URL=<url> and any OPENAI_API_KEY.
 */
import { parseArgs } from "node:util";
import { startOpenAiStub } from "./server.ts";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4010" },
    "latency-ms": { type: "string", default: "0" },
    "embeddings-latency-ms": { type: "string" },
  },
});
const embeddings = values["embeddings-latency-ms"];
const stub = await startOpenAiStub({
  port: Number(values.port),
  latencyMs: Number(values["latency-ms"]),
  endpointLatencyMs: embeddings === undefined ? {} : { embeddings: Number(embeddings) },
});
console.log(`openai stub listening on ${stub.url}`);
const stop = async () => {
  await stub.close();
  process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
