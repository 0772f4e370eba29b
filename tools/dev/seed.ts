/**
 * The seed step of `npm run dev`: data files into local R2 (the same persisted state
 * `wrangler dev` uses) and demo data into the local database, through the app's own code.
 */
import path from "node:path";
import { getPlatformProxy } from "wrangler";
import { createDatabase } from "../../src/lib/db.ts";
import { seedDemoUsers } from "./demo-users.ts";
import { listSeedFiles, type PutBucket, uploadSeedFiles } from "./seed-files.ts";

export interface SeedOptions {
  root: string;
  databaseUrl: string;
  fetchEndpoint: string;
  demoPassword: string;
}

export interface SeedResult {
  files: number;
  users: Array<{ email: string; description: string }>;
}

export async function seedLocal({ root, databaseUrl, fetchEndpoint, demoPassword }: SeedOptions): Promise<SeedResult> {
  // The same driver code the Worker uses, pointed at the local Neon.
  const db = createDatabase({ url: databaseUrl, fetchEndpoint, timeoutMs: 30_000 });
  const proxy = await getPlatformProxy<{ STORAGE: PutBucket }>({ configPath: path.join(root, "wrangler.toml"), persist: true });
  try {
    const files = await uploadSeedFiles(proxy.env.STORAGE, await listSeedFiles(path.join(root, "data")));
    const users = await seedDemoUsers(db, demoPassword);
    return { files, users };
  } finally {
    await proxy.dispose();
  }
}
