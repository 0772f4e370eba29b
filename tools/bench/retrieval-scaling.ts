/**
 * The retrieval part of `npm run bench` (`--only retrieval`), in its own process: Postgres time
 * per hybrid retrieval as the corpus grows, run directly against PGlite in Node (no Worker, no
 * HTTP), with the app's own statement (`searchStatement`, as diagnose sends it).
 *
 * Today's corpus is indexed from data/knowledge with the app's parser and chunker and the OpenAI
 * stub's deterministic embeddings (what the bench's stack stores too). It is then grown to 10× and
 * 100× its chunks with synthetic documents: text drawn from the corpus's own words (so full-text
 * matching stays plausible) and random unit vectors. Each size is queried with the HNSW index as
 * the planner uses it and with index scans disabled (an exact nearest-neighbour scan).
 *
 * Input: one JSON argument `{queries?: number, scales?: number[]}` (queries at today's size; larger
 * sizes use fewer, see below). Prints `{rows, chunks, dimensions, queries}`.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { vector } from "@electric-sql/pglite-pgvector";
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { documentCodes, documentFromMarkdown } from "../../src/knowledge/document-input.ts";
import { embeddingText } from "../../src/knowledge/embeddings.ts";
import { documentChunks } from "../../src/knowledge/ingest.ts";
import { EMBEDDING_DIMENSIONS, KNOWLEDGE_TYPES, type KnowledgeType } from "../../src/knowledge/knowledge.table.ts";
import { searchStatement } from "../../src/knowledge/search.ts";
import type { Database } from "../../src/lib/db.ts";
import { embed } from "../openai-stub/embeddings.ts";

export interface RetrievalRow {
  label: string;
  chunks: number;
  /** What the planner actually ran for the vector part (from EXPLAIN). */
  plan: string;
  p50: number;
  p99: number;
  cpuMs: number;
  queries: number;
  /** Share of the exact scan's returned documents the HNSW run also returned. */
  sameAsExact?: number;
  /** Time to build the HNSW index at this size. */
  indexBuildMs?: number;
}

/** As diagnose asks (src/rag/retrieval.ts: sources per answer). */
const LIMIT = 8;
const SYNTHETIC_CHUNKS_PER_DOCUMENT = 8;
const SYNTHETIC_WORDS_PER_CHUNK = 170;
const INSERT_BATCH = 100;

type Mode = "planner" | "hnsw" | "exact";
/** Planner settings per mode: no sequential scans forces the HNSW index; no index scans forces an exact scan. */
const MODE_SETTINGS: Record<Mode, string> = { planner: "", hnsw: "set enable_seqscan = off", exact: "set enable_indexscan = off" };

const root = path.resolve(import.meta.dirname, "../..");
const input = JSON.parse(process.argv[2] ?? "{}") as { queries?: number; scales?: number[] };
const scales = input.scales ?? [1, 10, 100];

const pglite = await PGlite.create({ extensions: { vector, pg_trgm } });
const drizzleDb = drizzle({ client: pglite });
await migrate(drizzleDb, { migrationsFolder: path.join(root, "migrations") });
// The app's statement builder only calls `execute`, which the PGlite driver has with the same result shape.
const db = drizzleDb as unknown as Database;

const realChunks = await indexCorpus();
const vocabulary = realChunks.flatMap((chunk) => chunk.toLowerCase().match(/[a-z]+/g) ?? []);
const vignettes = (JSON.parse(await readFile(path.join(root, "data/eval/vignettes.json"), "utf8")) as Array<{ vignette: string }>).map(
  (v) => v.vignette,
);
const queryCount = input.queries ?? 100;
const queries = Array.from({ length: queryCount }, (_, i) => vignettes[i % vignettes.length]).map((text) => ({
  text,
  embedding: embed(text, EMBEDDING_DIMENSIONS),
}));

const rows: RetrievalRow[] = [];
let chunks = realChunks.length;
for (const scale of scales) {
  const target = realChunks.length * scale;
  let indexBuildMs: number | undefined;
  if (target > chunks) {
    indexBuildMs = await withIndexRebuilt(() => addSyntheticChunks(target - chunks));
    chunks = target;
  }
  // Statistics as autovacuum would keep them on a server (PGlite runs no autovacuum): without
  // them the planner's choice between the HNSW index and a scan is not the production one.
  await pglite.exec("analyze knowledge_chunks; analyze knowledge_documents");
  const label = scale === 1 ? "today's corpus" : `${scale}× (synthetic)`;
  // Exact scans grow linearly: fewer queries at the larger sizes keep the part within minutes.
  const sample = queries.slice(0, Math.max(10, Math.round(queries.length / Math.sqrt(scale))));
  const exact = await measure("exact", sample);
  const hnsw = await measure("hnsw", sample);
  const planner = await measure("planner", sample);
  const recall =
    hnsw.results.reduce(
      (sum, ids, i) => sum + ids.filter((id) => exact.results[i].includes(id)).length / Math.max(1, exact.results[i].length),
      0,
    ) / hnsw.results.length;
  rows.push({ label, chunks, queries: sample.length, plan: `planner's choice: ${planner.plan}`, ...planner.figures });
  rows.push({
    label,
    chunks,
    queries: sample.length,
    plan: `forced: ${hnsw.plan}`,
    ...hnsw.figures,
    sameAsExact: Math.round(recall * 1000) / 1000,
    indexBuildMs,
  });
  rows.push({ label, chunks, queries: sample.length, plan: `forced: ${exact.plan}`, ...exact.figures });
  console.error(
    `  retrieval ${label} (${chunks} chunks, ${sample.length} queries): planner ${planner.plan} p50 ${planner.figures.p50} ms; HNSW p50 ${hnsw.figures.p50} ms p99 ${hnsw.figures.p99} ms; exact p50 ${exact.figures.p50} ms p99 ${exact.figures.p99} ms${indexBuildMs ? `; index build ${indexBuildMs} ms` : ""}`,
  );
}
await pglite.close();
console.log(JSON.stringify({ rows, chunks: realChunks.length, dimensions: EMBEDDING_DIMENSIONS, queries: queryCount }));

/** Today's corpus with the app's parser and chunker; returns the chunks' texts. */
async function indexCorpus(): Promise<string[]> {
  const texts: string[] = [];
  for (const type of KNOWLEDGE_TYPES) {
    const folder = path.join(root, "data/knowledge", type);
    const files = await readdir(folder).catch(() => [] as string[]);
    for (const file of files.filter((name) => name.endsWith(".md"))) {
      const parsed = documentFromMarkdown(await readFile(path.join(folder, file), "utf8"), { type: type as KnowledgeType });
      if (!parsed.success) throw new Error(`${file}: not a valid knowledge document`);
      const doc = parsed.data;
      // The chunks ingestion stores (titled headings, the synonyms chunk).
      const docChunks = documentChunks(doc);
      const id = await insertDocument(
        doc.type,
        doc.title,
        doc.content,
        `knowledge/${type}/${file}`,
        documentCodes(doc),
        doc.disorder ?? null,
      );
      await insertChunks(
        docChunks.map((chunk) => ({
          documentId: id,
          ordinal: chunk.ordinal,
          heading: chunk.heading,
          content: chunk.content,
          embedding: embed(embeddingText(chunk.heading, chunk.content), EMBEDDING_DIMENSIONS),
        })),
      );
      texts.push(...docChunks.map((chunk) => chunk.content));
    }
  }
  return texts;
}

async function insertDocument(
  type: string,
  title: string,
  content: string,
  objectKey: string,
  codes: string[],
  disorder: string | null,
): Promise<string> {
  const result = await pglite.query<{ id: string }>(
    "insert into knowledge_documents (type, title, content, object_key, codes, disorder) values ($1::knowledge_type, $2, $3, $4, $5::text[], $6) returning id",
    [type, title, content, objectKey, codes, disorder],
  );
  return result.rows[0].id;
}

interface ChunkRow {
  documentId: string;
  ordinal: number;
  heading: string;
  content: string;
  embedding: number[];
}

async function insertChunks(chunkRows: ChunkRow[]): Promise<void> {
  for (let start = 0; start < chunkRows.length; start += INSERT_BATCH) {
    const batch = chunkRows.slice(start, start + INSERT_BATCH);
    const values = batch
      .map((_, i) => `($${i * 5 + 1}::uuid, $${i * 5 + 2}::int, $${i * 5 + 3}, $${i * 5 + 4}, $${i * 5 + 5}::vector)`)
      .join(", ");
    await pglite.query(
      `insert into knowledge_chunks (document_id, ordinal, heading, content, embedding) values ${values}`,
      batch.flatMap((c) => [c.documentId, c.ordinal, c.heading, c.content, `[${c.embedding.join(",")}]`]),
    );
  }
}

async function addSyntheticChunks(count: number): Promise<void> {
  const documents = Math.ceil(count / SYNTHETIC_CHUNKS_PER_DOCUMENT);
  let made = 0;
  for (let d = 0; d < documents && made < count; d++) {
    const title = `Synthetic ${words(4)}`;
    const perDoc = Math.min(SYNTHETIC_CHUNKS_PER_DOCUMENT, count - made);
    const contents = Array.from({ length: perDoc }, () => words(SYNTHETIC_WORDS_PER_CHUNK));
    const type = KNOWLEDGE_TYPES[d % KNOWLEDGE_TYPES.length];
    const id = await insertDocument(type, title, contents.join("\n\n"), `synthetic/${d}-${crypto.randomUUID()}.md`, [], null);
    await insertChunks(
      contents.map((content, ordinal) => ({
        documentId: id,
        ordinal,
        heading: `${title} › ${words(3)}`,
        content,
        embedding: randomUnitVector(EMBEDDING_DIMENSIONS),
      })),
    );
    made += perDoc;
  }
}

/** Drops the HNSW index, runs `work`, rebuilds it exactly as the migration defined it; returns the build time. */
async function withIndexRebuilt(work: () => Promise<void>): Promise<number> {
  const {
    rows: [index],
  } = await pglite.query<{ indexdef: string }>("select indexdef from pg_indexes where indexname = 'knowledge_chunks_embedding_idx'");
  await pglite.exec("drop index knowledge_chunks_embedding_idx");
  await work();
  // Enough memory that the graph is built in memory rather than spilled page by page.
  await pglite.exec("set maintenance_work_mem = '1GB'");
  const started = performance.now();
  await pglite.exec(index.indexdef);
  const ms = Math.round(performance.now() - started);
  await pglite.exec("reset maintenance_work_mem");
  return ms;
}

async function measure(
  mode: Mode,
  sample: typeof queries,
): Promise<{ plan: string; figures: { p50: number; p99: number; cpuMs: number }; results: string[][] }> {
  if (MODE_SETTINGS[mode]) await pglite.exec(MODE_SETTINGS[mode]);
  const explain = await pglite.query<{ "QUERY PLAN": string }>(`explain ${statementText(sample[0])}`);
  const usesIndex = explain.rows.some((row) => row["QUERY PLAN"].includes("knowledge_chunks_embedding_idx"));
  for (const query of sample.slice(0, 3)) await run(query);
  const times: number[] = [];
  const results: string[][] = [];
  const cpuBefore = process.cpuUsage();
  for (const query of sample) {
    const started = performance.now();
    results.push(await run(query));
    times.push(performance.now() - started);
  }
  const cpu = process.cpuUsage(cpuBefore);
  await pglite.exec("reset enable_seqscan; reset enable_indexscan");
  times.sort((a, b) => a - b);
  const at = (p: number) => Math.round(times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)] * 100) / 100;
  return {
    plan: usesIndex ? "HNSW index" : "exact scan",
    figures: { p50: at(0.5), p99: at(0.99), cpuMs: Math.round(((cpu.user + cpu.system) / 1000 / sample.length) * 100) / 100 },
    results,
  };
}

async function run(query: { text: string; embedding: number[] }): Promise<string[]> {
  const result = (await searchStatement(db, {
    query: query.text,
    embedding: query.embedding,
    limit: LIMIT,
    snippets: false,
  })) as unknown as { rows: Array<{ id: string }> };
  return result.rows.map((row) => row.id);
}

/** The statement as SQL text with its parameters inlined, for EXPLAIN (parameters cannot be bound there). */
function statementText(query: { text: string; embedding: number[] }): string {
  let captured: { sql: string; params: unknown[] } | undefined;
  const capturing = { execute: (statement: SQL) => (captured = new PgDialect().sqlToQuery(statement)) } as unknown as Database;
  searchStatement(capturing, { query: query.text, embedding: query.embedding, limit: LIMIT, snippets: false });
  const { sql, params } = captured!;
  return sql.replace(/\$(\d+)/g, (_m, n: string) => literal(params[Number(n) - 1]));
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return `array[${value.map(literal).join(",")}]::text[]`;
  return `'${String(value).replaceAll("'", "''")}'`;
}

function words(count: number): string {
  return Array.from({ length: count }, () => vocabulary[Math.floor(Math.random() * vocabulary.length)]).join(" ");
}

function randomUnitVector(dimensions: number): number[] {
  const values = Array.from(
    { length: dimensions },
    () => Math.sqrt(-2 * Math.log(1 - Math.random())) * Math.cos(2 * Math.PI * Math.random()),
  );
  const norm = Math.hypot(...values);
  return values.map((value) => Number((value / norm).toFixed(6)));
}
