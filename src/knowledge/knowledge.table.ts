/** The knowledge base: source documents (their files live in R2) and their searchable chunks. */
import { sql } from "drizzle-orm";
import { boolean, customType, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid, vector } from "drizzle-orm/pg-core";

export const KNOWLEDGE_TYPES = ["dsm5_criteria", "treatment_guideline", "clinical_guideline", "assessment_tool", "reference"] as const;
export type KnowledgeType = (typeof KNOWLEDGE_TYPES)[number];

/**
 * The text-embedding-3 family is asked for exactly this many dimensions (`dimensions`), the
 * shortened form OpenAI documents for this trade: text-embedding-3-small keeps most of its
 * retrieval quality at 512 (MTEB 61.6 vs 62.3 at its native 1536) while every query sends, parses
 * and compares a third of the floats, and a 2 KB vector stays inside its table row (migration
 * 0005: uncompressed `plain` storage) instead of being fetched from TOAST for every chunk an exact
 * scan reads. That halved the vector half of a hybrid search on PGlite (docs/performance.md).
 * Changing it needs a migration.
 */
export const EMBEDDING_DIMENSIONS = 512;

export const knowledgeType = pgEnum("knowledge_type", KNOWLEDGE_TYPES);

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const knowledgeDocuments = pgTable(
  "knowledge_documents",
  {
    id: uuid().primaryKey().defaultRandom(),
    type: knowledgeType().notNull(),
    title: text().notNull(),
    disorder: text(),
    dsm5Code: text("dsm5_code"),
    icd11Code: text("icd11_code"),
    /** Every code that should find this document, upper-cased: principal, specifier and legacy codes. */
    codes: text().array().notNull().default(sql`'{}'::text[]`),
    category: text(),
    evidenceLevel: text("evidence_level"),
    source: text(),
    content: text().notNull(),
    objectKey: text("object_key").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index("knowledge_documents_type_idx").on(t.type),
    index("knowledge_documents_codes_idx").using("gin", t.codes),
    index("knowledge_documents_title_trgm_idx").using("gin", t.title.op("gin_trgm_ops")),
    index("knowledge_documents_disorder_trgm_idx").using("gin", t.disorder.op("gin_trgm_ops")),
  ],
);

export const knowledgeChunks = pgTable(
  "knowledge_chunks",
  {
    id: uuid().primaryKey().defaultRandom(),
    documentId: uuid("document_id")
      .notNull()
      .references(() => knowledgeDocuments.id, { onDelete: "cascade" }),
    ordinal: integer().notNull(),
    heading: text(),
    content: text().notNull(),
    /** Null until embedded (a database seeded offline); the re-embed command fills it in. */
    embedding: vector({ dimensions: EMBEDDING_DIMENSIONS }),
    searchVector: tsvector("search_vector")
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('english', coalesce(heading, '')), 'A') || setweight(to_tsvector('english', content), 'B')`,
      ),
  },
  (t) => [
    index("knowledge_chunks_document_idx").on(t.documentId, t.ordinal),
    index("knowledge_chunks_search_idx").using("gin", t.searchVector),
    index("knowledge_chunks_embedding_idx").using("hnsw", t.embedding.op("vector_cosine_ops")),
  ],
);

/**
 * How many chunks each full-text lexeme occurs in, kept by triggers on knowledge_chunks (migration
 * 0005). Search asks only for a query's rarest lexemes that the corpus has (see search.ts): a
 * long clinical description then ranks chunks on its most telling words at a fraction of the cost.
 */
export const knowledgeLexemes = pgTable("knowledge_lexemes", {
  lexeme: text().primaryKey(),
  chunks: integer().notNull(),
});

/**
 * The full-text index as postings: one row per lexeme of each chunk, kept by the same triggers as
 * the lexeme counts (migration 0006). Search looks up a query's rarest terms here by primary key:
 * testing each chunk's tsvector against each term cost a scan of every chunk per term.
 */
export const knowledgePostings = pgTable(
  "knowledge_postings",
  {
    lexeme: text().notNull(),
    chunkId: uuid("chunk_id")
      .notNull()
      .references(() => knowledgeChunks.id, { onDelete: "cascade" }),
    documentId: uuid("document_id").notNull(),
    /** The lexeme stands in the chunk's heading (the document title and section: weight A). */
    inHeading: boolean("in_heading").notNull(),
    /** The chunk is the document's synonyms chunk (ingest.ts). */
    inSynonyms: boolean("in_synonyms").notNull(),
  },
  (t) => [primaryKey({ columns: [t.lexeme, t.chunkId] }), index("knowledge_postings_chunk_idx").on(t.chunkId)],
);

export type KnowledgeDocumentRow = typeof knowledgeDocuments.$inferSelect;
