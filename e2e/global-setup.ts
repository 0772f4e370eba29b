/**
 * The browser tests' server: the whole `npm run dev` stack (embedded local Neon, the seed step
 * with the demo accounts, `wrangler dev` serving the Worker and its static assets) in fresh
 * folders, with the OpenAI-compatible stub as its model. The console's URL and the demo password
 * reach the tests through inject().
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { benchConfig } from "../tools/bench/bench-config.ts";
import { DEFAULT_DEMO_PASSWORD } from "../tools/dev/demo-users.ts";
import { startStack } from "../tools/dev/stack.ts";
import { startOpenAiStub } from "../tools/openai-stub/server.ts";
import { freePort } from "../tools/support/free-port.ts";
import { CHROMIUM } from "./support/browser.ts";
import { startOfflineWorker } from "./support/offline-worker.ts";

declare module "vitest" {
  export interface ProvidedContext {
    consoleUrl: string;
    demoPassword: string;
    /** The OpenAI stub's base URL (…/v1) and the API key the Worker sends it, for scripting replies. */
    openaiUrl: string;
    openaiKey: string;
    /** The same console with no AI key configured (offline mode). */
    offlineConsoleUrl: string;
  }
}

export default async function setup(project: TestProject) {
  // Before minutes of stack start-up, say plainly what is missing (playwright's own error comes late and names no fix).
  if (!existsSync(CHROMIUM)) {
    throw new Error(`The browser tests need Chromium at ${CHROMIUM}: \`apt-get install chromium\` (as root), or set CHROMIUM_PATH.`);
  }
  const root = path.resolve(import.meta.dirname, "..");
  const dir = await mkdtemp(path.join(tmpdir(), "console-browser-"));
  const openai = await startOpenAiStub();
  const stack = await startStack({
    root,
    // Every browser test signs in from 127.0.0.1, so production's per-IP and per-account sign-in
    // limits would refuse the later files of a full run; the benchmark's config lifts them.
    wranglerConfig: await benchConfig(root, dir),
    port: await freePort(),
    dataDir: path.join(dir, "neon"),
    persistTo: path.join(dir, "state"),
    varsFile: path.join(dir, "dev.vars"),
    vars: {
      APP_ENV: "development",
      JWT_SECRET: "browser-test-secret-that-is-long-enough-0123456789",
      OPENAI_API_KEY: "sk-browser-tests",
      OPENAI_BASE_URL: openai.url,
      LOG_LEVEL: "warn",
      // The workspace (client records) is 503 without a key; a fresh one per run, like the fresh database.
      DATA_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    },
    demoPassword: DEFAULT_DEMO_PASSWORD,
    quiet: true,
  }).catch(async (error: unknown) => {
    await openai.close();
    await rm(dir, { recursive: true, force: true });
    throw error;
  });
  const offline = await startOfflineWorker({ root, port: await freePort(), dir, vars: stack.vars });
  project.provide("consoleUrl", stack.url);
  project.provide("openaiUrl", openai.url);
  project.provide("openaiKey", stack.vars.OPENAI_API_KEY);
  project.provide("offlineConsoleUrl", offline.url);
  project.provide("demoPassword", DEFAULT_DEMO_PASSWORD);
  return async () => {
    await offline.stop();
    await stack.stop();
    await openai.close();
    await rm(dir, { recursive: true, force: true });
  };
}
