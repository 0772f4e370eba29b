/**
 * `npm run dev`: the whole stack on this machine, offline, with no account or secret.
 *
 * 1. starts the embedded local Neon (PGlite persisted in .local/neon; migrations applied),
 * 2. seeds local R2 (.wrangler/state) and the database: knowledge corpus, cases, demo users,
 * 3. runs `wrangler dev` pointed at both,
 * 4. prints the URL and the demo credentials; Ctrl-C stops everything.
 *
 * Settings come from the environment or .dev.vars: PORT (8787), OPENAI_API_KEY (absent: offline
 * mode), OPENAI_BASE_URL, JWT_SECRET (a fixed development secret otherwise), DATA_ENCRYPTION_KEY
 * (otherwise one generated once into .local/data-encryption-key), DEMO_PASSWORD,
 * LOCAL_NEON_PORT (default: any free port), LOCAL_NEON_DATABASE_URL (a Postgres server instead of PGlite;
 * it gets the demo accounts only with `--seed-demo-accounts` or SEED_DEMO_ACCOUNTS=1).
 */
import path from "node:path";
import { localDataEncryptionKey } from "./data-encryption-key.ts";
import { DEFAULT_DEMO_PASSWORD } from "./demo-users.ts";
import { seedDemoWorkspace } from "./demo-workspace.ts";
import { readDevVars } from "./dev-vars.ts";
import { startStack } from "./stack.ts";

const root = path.resolve(import.meta.dirname, "../..");
const fileVars = await readDevVars(path.join(root, ".dev.vars"));
const setting = (name: string, fallback = "") => process.env[name] ?? fileVars[name] ?? fallback;

// Only here, for local development, does a fixed JWT secret exist; the Worker never defaults one.
const DEV_JWT_SECRET = "local-development-only-jwt-secret-do-not-deploy-0001";
const demoPassword = setting("DEMO_PASSWORD", DEFAULT_DEMO_PASSWORD);

const vars: Record<string, string> = {
  ...fileVars,
  APP_ENV: "development",
  JWT_SECRET: setting("JWT_SECRET") || DEV_JWT_SECRET,
  DATA_ENCRYPTION_KEY: setting("DATA_ENCRYPTION_KEY") || (await localDataEncryptionKey(root)),
};
for (const name of [
  "OPENAI_API_KEY",
  "OPENAI_BASE_URL",
  "OPENAI_CHAT_MODEL",
  "OPENAI_EMBEDDING_MODEL",
  "OPENAI_TRANSCRIPTION_MODEL",
  "CORS_ORIGINS",
]) {
  const value = setting(name);
  if (value) vars[name] = value;
}

const stack = await startStack({
  root,
  port: Number(setting("PORT", "8787")),
  neonPort: Number(setting("LOCAL_NEON_PORT", "0")),
  dataDir: path.join(root, ".local/neon"),
  databaseUrl: setting("LOCAL_NEON_DATABASE_URL") || undefined,
  persistTo: path.join(root, ".wrangler/state"),
  vars,
  demoPassword,
  seedDemoAccounts: process.argv.includes("--seed-demo-accounts") || ["1", "true"].includes(setting("SEED_DEMO_ACCOUNTS").toLowerCase()),
  varsFile: path.join(root, ".local/dev.vars"),
});

const { seeded } = stack;
console.log(`• local Neon on ${stack.neon.url}`);
console.log(
  `• seeded ${seeded.files} data files into local R2, indexed ${seeded.indexed} new knowledge documents${seeded.embedded ? " (with embeddings)" : " (lexical only: no OPENAI_API_KEY; with a key, the next npm run dev or npm run reembed adds embeddings)"}, ${seeded.users.length} demo users`,
);
if (seeded.demoAccountsSeeded) {
  // Through the running API, so it is sealed and audited like a clinician's own records; a failure here is only a warning.
  await seedDemoWorkspace(stack.url, demoPassword).then(
    (created) => created && console.log("• seeded a demo client (Demo client A-1) in therapist@demo.local's workspace"),
    (error: unknown) => console.warn(`• the demo client was not seeded: ${(error as Error).message}`),
  );
}
const health = (await (await fetch(`${stack.url}/health`)).json()) as { status: string; ai: string };
console.log(`\n  Therapy Assistant API: ${stack.url}   docs: ${stack.url}/docs   health: ${health.status}, AI ${health.ai}`);
if (seeded.demoAccountsSeeded) {
  console.log(`  demo accounts (password ${JSON.stringify(demoPassword)}):`);
  for (const user of seeded.users) console.log(`    ${user.email.padEnd(26)} ${user.description}`);
} else {
  console.log(
    "  no demo accounts: LOCAL_NEON_DATABASE_URL names a real server (add --seed-demo-accounts or SEED_DEMO_ACCOUNTS=1 to seed them there)",
  );
}
console.log("  Ctrl-C stops everything.\n");

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  console.log("\n• stopping");
  await stack.stop();
  process.exit(code);
}
process.once("SIGINT", () => void stop());
process.once("SIGTERM", () => void stop());
stack.wrangler.once("exit", (code) => void stop(code ?? 1));
