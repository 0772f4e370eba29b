/**
 * The repository's knowledge corpus and evaluation set, bundled into the test Worker by Vite
 * (workerd has no filesystem), and a loader that indexes the corpus into a test's database
 * through the app's own ingestion pipeline.
 */
import { env } from "cloudflare:test";
import outOfScope from "../../data/eval/out-of-scope.json";
import vignettes from "../../data/eval/vignettes.json";
import { createAiClient } from "../../src/ai/client";
import { type CorpusFile, indexCorpus } from "../../src/knowledge/corpus";
import { createDatabase } from "../../src/lib/db";
import { readSettings } from "../../src/lib/settings";
import type { TestApi } from "./api";

const files = import.meta.glob("../../data/knowledge/**/*.md", { query: "?raw", import: "default", eager: true }) as Record<string, string>;

export const corpusFiles: CorpusFile[] = Object.entries(files).map(([path, text]) => ({ key: path.replace(/^.*data\//, ""), text }));

export const evaluationSet = vignettes as Array<{ id: string; vignette: string; expected_disorder: string }>;
/** Presentations the knowledge base does not cover: an honest answer says so (coverage "low"). */
export const outOfScopeSet = outOfScope as Array<{ id: string; vignette: string }>;

/** Indexes the corpus into the api's database; with `embed`, through the OpenAI stub's embeddings. */
export async function loadCorpus(api: TestApi, { embed = false } = {}) {
  // Setup, not the behaviour under test: a loaded machine may take longer than the app's query timeout.
  const settings = readSettings({ ...api.env, DB_TIMEOUT_MS: "30000", ...(embed ? {} : { OPENAI_API_KEY: "" }) });
  return indexCorpus(
    { db: createDatabase(settings.database), ai: createAiClient(settings.ai), storage: env.STORAGE, settings },
    corpusFiles,
  );
}
