/**
 * The seed step of `npm run dev`: data files into local R2 (the same persisted state
 * `wrangler dev` uses) and demo data into the local database, through the app's own code.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { getPlatformProxy } from "wrangler";
import { createAiClient } from "../../src/ai/client.ts";
import { saveCases } from "../../src/cases/cases.data.ts";
import { DOCS_ASSET_FILES, DOCS_ASSETS_PREFIX } from "../../src/docs-assets.ts";
import { indexCorpus } from "../../src/knowledge/corpus.ts";
import { embedMissingChunks } from "../../src/knowledge/knowledge.data.ts";
import { createDatabase } from "../../src/lib/db.ts";
import { readSettings } from "../../src/lib/settings.ts";
import { REPORT_FONT_KEY, REPORT_FONT_PACKAGE_FILE } from "../../src/reports/report-font-file.ts";
import { type DemoAccountsTarget, seedDemoAccounts } from "./demo-users.ts";
import { listSeedFiles, uploadSeedFiles } from "./seed-files.ts";

export interface SeedOptions {
  root: string;
  /** The Worker's vars (DATABASE_URL, NEON_FETCH_ENDPOINT, OPENAI_*): the seed uses the same settings. */
  vars: Record<string, string>;
  demoPassword: string;
  /** Where the demo accounts would go, and whether they were asked for (see demo-users.ts). */
  demoAccounts: DemoAccountsTarget;
  /** The wrangler config and state folder `wrangler dev` will use, so the seeded R2 is the one it reads. */
  configPath: string;
  persistTo: string;
}

export interface SeedResult {
  files: number;
  indexed: number;
  embedded: boolean;
  users: Array<{ email: string; description: string }>;
  /** False when a database given by URL was left without demo accounts. */
  demoAccountsSeeded: boolean;
}

export async function seedLocal({ root, vars, demoPassword, demoAccounts, configPath, persistTo }: SeedOptions): Promise<SeedResult> {
  // The same settings, driver and ingestion code the Worker uses, pointed at the local stack.
  const settings = readSettings({ ...vars, DB_TIMEOUT_MS: "60000" });
  const db = createDatabase(settings.database);
  const ai = createAiClient(settings.ai);
  const proxy = await getPlatformProxy<{ STORAGE: R2Bucket }>({ configPath, persist: { path: path.join(persistTo, "v3") } });
  try {
    const storage = proxy.env.STORAGE;
    const knowledgeFiles = await listSeedFiles(path.join(root, "data"), ["knowledge"]);
    await uploadSeedFiles(storage, knowledgeFiles);
    const corpus = await Promise.all(knowledgeFiles.map(async (f) => ({ key: f.key, text: await readFile(f.file, "utf8") })));
    const { indexed } = await indexCorpus({ db, ai, storage, settings }, corpus);
    // With a key, chunks indexed earlier without one (an offline seed) get their embeddings now.
    if (ai)
      for (
        let progress = await embedMissingChunks(db, ai, settings.ai);
        progress.embedded > 0 && progress.remaining > 0;
        progress = await embedMissingChunks(db, ai, settings.ai)
      );
    // Cases are validated by the app's schema and written with their index object.
    const caseFiles = await listSeedFiles(path.join(root, "data"), ["cases"]);
    const cases = await saveCases(storage, await Promise.all(caseFiles.map(async (f) => JSON.parse(await readFile(f.file, "utf8")))));
    const files = knowledgeFiles.length + cases;
    // Swagger UI's files, so /docs works without the network.
    for (const file of DOCS_ASSET_FILES) {
      await storage.put(`${DOCS_ASSETS_PREFIX}${file}`, await readFile(path.join(root, "node_modules/swagger-ui-dist", file)));
    }
    // The font PDF reports embed (kept out of the Worker bundle).
    await storage.put(REPORT_FONT_KEY, await readFile(path.join(root, "node_modules", REPORT_FONT_PACKAGE_FILE)), {
      httpMetadata: { contentType: "font/ttf" },
    });
    const { seeded, users } = await seedDemoAccounts(db, demoPassword, demoAccounts);
    return { files, indexed, embedded: ai !== null, users, demoAccountsSeeded: seeded };
  } finally {
    await proxy.dispose();
  }
}
