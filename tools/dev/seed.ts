/**
 * The seed step of `npm run dev`: data files into local R2 (the same persisted state
 * `wrangler dev` uses) and demo data into the local database, through the app's own code.
 */
import path from "node:path";
import { getPlatformProxy } from "wrangler";
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

export async function seedLocal({ root }: SeedOptions): Promise<SeedResult> {
  const proxy = await getPlatformProxy<{ STORAGE: PutBucket }>({ configPath: path.join(root, "wrangler.toml"), persist: true });
  try {
    const files = await uploadSeedFiles(proxy.env.STORAGE, await listSeedFiles(path.join(root, "data")));
    return { files, users: [] };
  } finally {
    await proxy.dispose();
  }
}
