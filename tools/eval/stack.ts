/**
 * The evaluation's stack, in this process: the embedded local Neon (PGlite behind the Neon HTTP
 * protocol, migrated like every database of the tests) and the OpenAI-compatible stub, reached by
 * the app's own driver and SDK client. The corpus is indexed through the app's ingestion code into
 * two databases: one offline (full text only) and one with the stub's embeddings (hybrid).
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type OpenAI from "openai";
import { createAiClient } from "../../src/ai/client.ts";
import { type CorpusFile, indexCorpus } from "../../src/knowledge/corpus.ts";
import { createDatabase, type Database } from "../../src/lib/db.ts";
import { readSettings, type Settings } from "../../src/lib/settings.ts";
import { createBackend } from "../local-neon/backend.ts";
import { applyMigrations } from "../local-neon/migrations.ts";
import { startLocalNeon } from "../local-neon/server.ts";
import { startOpenAiStub } from "../openai-stub/server.ts";

export const root = path.resolve(import.meta.dirname, "../..");

export type Mode = "lexical" | "hybrid";

export interface EvalDatabase {
  mode: Mode;
  db: Database;
  ai: OpenAI | null;
  settings: Settings;
}

/** Ingestion stores each source file in R2; the evaluation keeps none, so puts are accepted and dropped. */
const discardingBucket = { put: async () => null, delete: async () => undefined } as unknown as R2Bucket;

async function corpusFiles(): Promise<CorpusFile[]> {
  const folder = path.join(root, "data/knowledge");
  const names = (await readdir(folder, { recursive: true })).filter((name) => name.endsWith(".md")).sort();
  return Promise.all(names.map(async (name) => ({ key: `knowledge/${name}`, text: await readFile(path.join(folder, name), "utf8") })));
}

export async function startEvalStack() {
  const neon = await startLocalNeon({
    backend: createBackend({ onCreate: (pool, _name) => applyMigrations(pool, path.join(root, "migrations")) }),
  });
  const stub = await startOpenAiStub();
  const files = await corpusFiles();
  const realModel = Boolean(process.env.EVAL_OPENAI_API_KEY);

  async function database(mode: Mode): Promise<EvalDatabase> {
    const settings = readSettings({
      DATABASE_URL: `postgres://neon:neon@localhost/eval_${mode}`,
      NEON_FETCH_ENDPOINT: `${neon.url}/sql`,
      DB_TIMEOUT_MS: "60000",
      // A real embedding model when one is given (EVAL_OPENAI_BASE_URL, EVAL_OPENAI_API_KEY), else the stub.
      OPENAI_BASE_URL: realModel ? process.env.EVAL_OPENAI_BASE_URL : stub.url,
      OPENAI_API_KEY: mode === "hybrid" ? (realModel ? process.env.EVAL_OPENAI_API_KEY : "sk-eval") : "",
      ...(process.env.EVAL_OPENAI_EMBEDDING_MODEL ? { OPENAI_EMBEDDING_MODEL: process.env.EVAL_OPENAI_EMBEDDING_MODEL } : {}),
      LOG_LEVEL: "warn",
    });
    const db = createDatabase(settings.database);
    const ai = createAiClient(settings.ai);
    await indexCorpus({ db, ai, storage: discardingBucket, settings }, files);
    return { mode, db, ai, settings };
  }

  return {
    files,
    /** What "hybrid" embeds with: the stub's hashed vectors, or the real model named by the environment. */
    embeddings: realModel ? `${process.env.EVAL_OPENAI_EMBEDDING_MODEL ?? "text-embedding-3-small"} (EVAL_OPENAI_BASE_URL)` : "stub",
    database,
    close: async () => {
      await stub.close();
      await neon.close();
    },
  };
}
