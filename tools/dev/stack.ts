/**
 * The local stack that `npm run dev` and `npm run bench` both run: the embedded local Neon, the
 * seed step, and `wrangler dev` with local R2, wired together.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { chmod, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { createBackend } from "../local-neon/backend.ts";
import { applyMigrations } from "../local-neon/migrations.ts";
import { type LocalNeon, startLocalNeon } from "../local-neon/server.ts";
import { type SeedResult, seedLocal } from "./seed.ts";

// Offline by design: no telemetry, and no fetch of Cloudflare's `request.cf` sample data.
process.env.WRANGLER_SEND_METRICS ??= "false";
process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= "false";

export interface StackOptions {
  root: string;
  port: number;
  neonPort?: number;
  /** PGlite data folder. */
  dataDir: string;
  /** A Postgres server for the local Neon instead of PGlite. */
  databaseUrl?: string;
  /** wrangler's local state (R2) folder, shared with the seed step. */
  persistTo: string;
  /** The Worker's vars; DATABASE_URL and NEON_FETCH_ENDPOINT are added here. */
  vars: Record<string, string>;
  demoPassword: string;
  /** Another wrangler config (the benchmark raises the rate limits). */
  wranglerConfig?: string;
  /** Where the Worker's vars file goes (private: it holds secrets). */
  /** Seed the demo accounts into `databaseUrl` too (the embedded database always gets them). */
  seedDemoAccounts?: boolean;
  varsFile: string;
  quiet?: boolean;
}

export interface Stack {
  url: string;
  neon: LocalNeon;
  seeded: SeedResult;
  /** The Worker's vars as given to `wrangler dev`, so another runtime can serve the same stack. */
  vars: Record<string, string>;
  wrangler: ChildProcess;
  stop(): Promise<void>;
}

const DATABASE_URL = "postgres://neon:neon@localhost/neondb";

export async function startStack(options: StackOptions): Promise<Stack> {
  const { root } = options;
  const neon = await startLocalNeon({
    port: options.neonPort ?? 0,
    backend: createBackend({
      dataDir: options.dataDir,
      databaseUrl: options.databaseUrl,
      onCreate: (pool) => applyMigrations(pool, path.join(root, "migrations")),
    }),
  });
  const vars = { ...options.vars, DATABASE_URL, NEON_FETCH_ENDPOINT: `${neon.url}/sql` };
  const configPath = options.wranglerConfig ?? path.join(root, "wrangler.toml");
  // A failed seed must not leave the local Neon serving (a test run would never exit).
  const seeded = await seedLocal({
    root,
    vars,
    demoPassword: options.demoPassword,
    configPath,
    persistTo: options.persistTo,
    demoAccounts: { databaseUrl: options.databaseUrl, requested: options.seedDemoAccounts === true },
  }).catch(async (error: unknown) => {
    await neon.close();
    throw error;
  });

  // Written to a private file rather than passed as --var so keys do not show in the process list.
  await mkdir(path.dirname(options.varsFile), { recursive: true });
  await writeFile(
    options.varsFile,
    `${Object.entries(vars)
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
      .join("\n")}\n`,
    { mode: 0o600 },
  );
  await chmod(options.varsFile, 0o600);

  const wrangler = spawn(
    process.execPath,
    [
      path.join(root, "node_modules/wrangler/bin/wrangler.js"),
      "dev",
      "--config",
      configPath,
      "--ip",
      "127.0.0.1",
      "--port",
      String(options.port),
      "--env-file",
      options.varsFile,
      "--persist-to",
      options.persistTo,
      "--show-interactive-dev-session=false",
      ...(options.quiet ? ["--log-level", "warn"] : []),
    ],
    { cwd: root, stdio: ["ignore", options.quiet ? "ignore" : "inherit", "inherit"], env: process.env },
  );

  const url = `http://127.0.0.1:${options.port}`;
  const stop = async () => {
    if (wrangler.exitCode === null) {
      const exited = new Promise((resolve) => wrangler.once("exit", resolve));
      wrangler.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    }
    await neon.close();
  };

  for (let attempt = 0; attempt < 240; attempt++) {
    if (wrangler.exitCode !== null) break;
    const ok = await fetch(`${url}/health`).then(
      (res) => res.status < 500 || res.status === 503,
      () => false,
    );
    if (ok) return { url, neon, seeded, vars, wrangler, stop };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error("wrangler dev did not start; see its output above");
}
