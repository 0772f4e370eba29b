/**
 * `npm run dev`: the whole stack on this machine, offline, with no account or secret.
 *
 * 1. starts the embedded local Neon (PGlite persisted in .local/neon; migrations applied),
 * 2. seeds local R2 (the data folder) and the database (demo users),
 * 3. runs `wrangler dev` with local R2 (.wrangler/state) pointed at that database,
 * 4. prints the URL and the demo credentials; Ctrl-C stops everything.
 *
 * Settings come from the environment or .dev.vars: PORT (8787), OPENAI_API_KEY (absent: offline
 * mode), OPENAI_BASE_URL, JWT_SECRET (a fixed development secret otherwise), DEMO_PASSWORD,
 * LOCAL_NEON_PORT (default: any free port), LOCAL_NEON_DATABASE_URL (a Postgres server instead of PGlite).
 */
import { spawn } from "node:child_process";
import { chmod, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { createBackend } from "../local-neon/backend.ts";
import { applyMigrations } from "../local-neon/migrations.ts";
import { startLocalNeon } from "../local-neon/server.ts";
import { readDevVars } from "./dev-vars.ts";
import { seedLocal } from "./seed.ts";

// Offline by design: no telemetry, and no fetch of Cloudflare's `request.cf` sample data.
process.env.WRANGLER_SEND_METRICS ??= "false";
process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= "false";

const root = path.resolve(import.meta.dirname, "../..");
const fileVars = await readDevVars(path.join(root, ".dev.vars"));
const setting = (name: string, fallback = "") => process.env[name] ?? fileVars[name] ?? fallback;

// Only here, for local development, does a fixed JWT secret exist; the Worker never defaults one.
const DEV_JWT_SECRET = "local-development-only-jwt-secret-do-not-deploy-0001";
const port = Number(setting("PORT", "8787"));
const databaseUrl = "postgres://neon:neon@localhost/neondb";
const demoPassword = setting("DEMO_PASSWORD", "Demo-Password-2026!");

const neon = await startLocalNeon({
  port: Number(setting("LOCAL_NEON_PORT", "0")),
  backend: createBackend({
    dataDir: path.join(root, ".local/neon"),
    databaseUrl: setting("LOCAL_NEON_DATABASE_URL") || undefined,
    onCreate: (pool) => applyMigrations(pool, path.join(root, "migrations")),
  }),
});
const fetchEndpoint = `${neon.url}/sql`;
console.log(`• local Neon on ${neon.url}`);

// Vars for the Worker: .dev.vars and the environment, plus what this runner provides. Written to
// a private file rather than passed as --var so that keys do not show up in the process list.
const vars: Record<string, string> = {
  ...fileVars,
  APP_ENV: "development",
  DATABASE_URL: databaseUrl,
  NEON_FETCH_ENDPOINT: fetchEndpoint,
  JWT_SECRET: setting("JWT_SECRET") || DEV_JWT_SECRET,
};
for (const name of ["OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_CHAT_MODEL", "OPENAI_EMBEDDING_MODEL", "OPENAI_TRANSCRIPTION_MODEL", "CORS_ORIGINS"]) {
  const value = setting(name);
  if (value) vars[name] = value;
}

const seeded = await seedLocal({ root, vars, demoPassword });
console.log(`• seeded ${seeded.files} data files into local R2, indexed ${seeded.indexed} new knowledge documents${seeded.embedded ? " (with embeddings)" : " (lexical only: no OPENAI_API_KEY; POST /api/v1/knowledge/reembed later)"}, ${seeded.users.length} demo users`);

const envFile = path.join(root, ".local/dev.vars");
await mkdir(path.dirname(envFile), { recursive: true });
await writeFile(envFile, Object.entries(vars).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join("\n") + "\n", { mode: 0o600 });
await chmod(envFile, 0o600);

const wrangler = spawn(
  process.execPath,
  [path.join(root, "node_modules/wrangler/bin/wrangler.js"), "dev", "--ip", "127.0.0.1", "--port", String(port), "--env-file", envFile, "--show-interactive-dev-session=false"],
  { cwd: root, stdio: ["ignore", "inherit", "inherit"], env: process.env },
);

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  console.log("\n• stopping");
  wrangler.kill("SIGTERM");
  await neon.close();
  process.exit(code);
}
process.once("SIGINT", () => void stop());
process.once("SIGTERM", () => void stop());
wrangler.once("exit", (code) => void stop(code ?? 1));

const url = `http://127.0.0.1:${port}`;
for (let attempt = 0; attempt < 120 && !stopping; attempt++) {
  const health = await fetch(`${url}/health`).then((res) => res.json() as Promise<{ status: string; ai: string }>, () => undefined);
  if (health) {
    console.log(`\n  Therapy Assistant API: ${url}   docs: ${url}/docs   health: ${health.status}, AI ${health.ai}`);
    if (seeded.users.length) {
      console.log(`  demo accounts (password ${JSON.stringify(demoPassword)}):`);
      for (const user of seeded.users) console.log(`    ${user.email.padEnd(26)} ${user.description}`);
    }
    console.log("  Ctrl-C stops everything.\n");
    break;
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
}
