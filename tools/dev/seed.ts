/**
 * The seed step of `npm run dev`: data files into local R2 (the same persisted state
 * `wrangler dev` uses) and demo data into the local database, through the app's own code.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { getPlatformProxy } from "wrangler";
import { indexCorpus } from "../../src/knowledge/corpus.ts";
import { createAiClient } from "../../src/lib/ai.ts";
import { createDatabase } from "../../src/lib/db.ts";
import { readSettings } from "../../src/lib/settings.ts";
import { seedDemoUsers } from "./demo-users.ts";
import { listSeedFiles, type PutBucket, uploadSeedFiles } from "./seed-files.ts";

export interface SeedOptions {
  root: string;
  /** The Worker's vars (DATABASE_URL, NEON_FETCH_ENDPOINT, OPENAI_*): the seed uses the same settings. */
  vars: Record<string, string>;
  demoPassword: string;
}

export interface SeedResult {
  files: number;
  indexed: number;
  embedded: boolean;
  users: Array<{ email: string; description: string }>;
}

export async function seedLocal({ root, vars, demoPassword }: SeedOptions): Promise<SeedResult> {
  // The same settings, driver and ingestion code the Worker uses, pointed at the local stack.
  const settings = readSettings({ ...vars, DB_TIMEOUT_MS: "60000" });
  const db = createDatabase(settings.database);
  const ai = createAiClient(settings.ai);
  const proxy = await getPlatformProxy<{ STORAGE: PutBucket }>({ configPath: path.join(root, "wrangler.toml"), persist: true });
  try {
    const seedFiles = await listSeedFiles(path.join(root, "data"));
    const files = await uploadSeedFiles(proxy.env.STORAGE, seedFiles);
    const corpus = await Promise.all(seedFiles.filter((f) => f.key.startsWith("knowledge/")).map(async (f) => ({ key: f.key, text: await readFile(f.file, "utf8") })));
    const { indexed } = await indexCorpus({ db, ai, storage: proxy.env.STORAGE as R2Bucket, settings }, corpus);
    const users = await seedDemoUsers(db, demoPassword);
    return { files, indexed, embedded: ai !== null, users };
  } finally {
    await proxy.dispose();
  }
}
