/**
 * `npm run openai-stub`: the local OpenAI-compatible server (see server.ts) on a port.
 *   --port N (default 4010)   --latency-ms N (default 0)
 * Then set OPENAI_BASE_URL=http://127.0.0.1:4010/v1 and any OPENAI_API_KEY.
 */
import { parseArgs } from "node:util";
import { startOpenAiStub } from "./server.ts";

const { values } = parseArgs({ options: { port: { type: "string", default: "4010" }, "latency-ms": { type: "string", default: "0" } } });
const stub = await startOpenAiStub({ port: Number(values.port), latencyMs: Number(values["latency-ms"]) });
console.log(`openai stub listening on ${stub.url}`);
const stop = async () => { await stub.close(); process.exit(0); };
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
