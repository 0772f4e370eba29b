/**
 * The bench's `rtt` part: latency with a distant database. A second production-runtime instance
 * serves the same local Neon and R2 state but calls its own OpenAI stub (embeddings at
 * `--rtt-embeddings-ms`), so the main scenarios keep theirs; rtt-probe.ts then sets the local
 * Neon's `delay` fault to each simulated RTT and times the routes one request at a time.
 * The delay applies to the whole database, so this part runs alone, after the other stack parts.
 */
import { randomBytes } from "node:crypto";
import { seedDemoWorkspace } from "../dev/demo-workspace.ts";
import { freePort } from "../support/free-port.ts";
import { runChild } from "./child.ts";
import type { RttReport } from "./report-rtt.ts";
import type { ProbeInput } from "./rtt-probe.ts";
import { startProductionRuntime } from "./runtime.ts";
import type { RuntimeInput } from "./runtime-server.ts";

export interface RttOptions {
  /** The main production runtime's input; its vars carry DATABASE_URL and NEON_FETCH_ENDPOINT. */
  runtimeInput: Omit<RuntimeInput, "port" | "inspectorPort">;
  /** The rtt part's own OpenAI stub. */
  stubUrl: string;
  neonUrl: string;
  rttValues: number[];
  chatMs: number;
  embeddingsMs: number;
  requests: number;
  email: string;
  password: string;
}

export async function benchRtt(options: RttOptions): Promise<RttReport> {
  const { vars } = options.runtimeInput;
  const runtime = await startProductionRuntime({
    ...options.runtimeInput,
    port: await freePort(),
    vars: {
      ...vars,
      OPENAI_BASE_URL: options.stubUrl,
      // The workspace seals its records; the bench's stack configures no key, so this instance gets one of its own.
      DATA_ENCRYPTION_KEY: vars.DATA_ENCRYPTION_KEY ?? randomBytes(32).toString("base64"),
    },
  });
  try {
    // The demo client `npm run dev` creates, so the workspace read lists a real (sealed) record.
    await seedDemoWorkspace(runtime.url, options.password);
    const input: ProbeInput = {
      url: runtime.url,
      neonUrl: options.neonUrl,
      // The fault is per database: the one the Worker's DATABASE_URL names.
      database: decodeURIComponent(new URL(vars.DATABASE_URL).pathname.slice(1)),
      rttValues: options.rttValues,
      chatMs: options.chatMs,
      embeddingsMs: options.embeddingsMs,
      requests: options.requests,
      warmups: 2,
      email: options.email,
      password: options.password,
    };
    return await runChild<RttReport>("rtt-probe.ts", input);
  } finally {
    await runtime.stop();
  }
}
