/**
 * The ingestion pipeline used by the seed step and the admin routes: source into R2, chunks,
 * one embeddings call for all chunks, then document and chunks in one atomic batch. If the
 * database write fails the R2 object is removed again, so a failure leaves nothing behind.
 */
import type OpenAI from "openai";
import type { Database } from "../lib/db";
import { log } from "../lib/log";
import type { Settings } from "../lib/settings";
import { type Chunk, chunkMarkdown, SYNONYMS_HEADING } from "./chunking";
import { type DocumentInput, documentCodes } from "./document-input";
import { embeddingText, embedTexts } from "./embeddings";
import { knowledgeChunks, knowledgeDocuments } from "./knowledge.table";

export interface IngestDeps {
  db: Database;
  ai: OpenAI | null;
  storage: R2Bucket;
  settings: Settings;
}

export interface SourceFile {
  /** Raw bytes as uploaded or fetched; stored in R2 unchanged. */
  body: string | Uint8Array;
  contentType: string;
  /** The R2 key; by default `knowledge/<type>/<slug>-<id>.<ext>`. */
  objectKey?: string;
  extension?: string;
}

export interface IngestResult {
  id: string;
  object_key: string;
  chunks: number;
  embedded: boolean;
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "document"
  );
}

/**
 * A document's searchable chunks: its markdown split by chunking.ts, each chunk's heading carrying
 * the document title (full-text search weights headings highest, so a section is found by its
 * document's subject too, e.g. "generalized anxiety" → its treatment), then its synonyms as a
 * chunk of their own (a description in everyday words meets a chunk that says little else).
 */
export function documentChunks(input: DocumentInput): Array<Chunk & { heading: string }> {
  const chunks = chunkMarkdown(input.content).map((chunk) => ({
    ...chunk,
    heading: chunk.heading ? `${input.title} › ${chunk.heading}` : input.title,
  }));
  if (chunks.length === 0) chunks.push({ ordinal: 0, heading: input.title, content: input.content });
  if (input.synonyms?.length)
    chunks.push({ ordinal: chunks.length, heading: `${input.title} › ${SYNONYMS_HEADING}`, content: input.synonyms.join("; ") });
  return chunks;
}

export async function ingestDocument(
  { db, ai, storage, settings }: IngestDeps,
  input: DocumentInput,
  source: SourceFile,
): Promise<IngestResult> {
  const id = crypto.randomUUID();
  const objectKey = source.objectKey ?? `knowledge/${input.type}/${slug(input.title)}-${id.slice(0, 8)}.${source.extension ?? "md"}`;
  const chunks = documentChunks(input);

  const embed = async (): Promise<number[][] | null> => {
    if (!ai) return null;
    try {
      return await embedTexts(
        ai,
        settings.ai,
        chunks.map((chunk) => embeddingText(chunk.heading, chunk.content)),
      );
    } catch (error) {
      // Still indexed for lexical search; `embedded: false` tells the caller, and re-embed fills it in.
      log("warn", "embedding failed during ingestion", { object_key: objectKey, error: (error as Error)?.name });
      return null;
    }
  };
  // Independent calls, made together: the embeddings and the source file's upload.
  const [embeddings] = await Promise.all([
    embed(),
    storage.put(objectKey, source.body, { httpMetadata: { contentType: source.contentType }, customMetadata: { document_id: id } }),
  ]);
  try {
    await db.batch([
      db.insert(knowledgeDocuments).values({
        id,
        type: input.type,
        title: input.title,
        disorder: input.disorder ?? null,
        dsm5Code: input.dsm5_code ?? null,
        icd11Code: input.icd11_code ?? null,
        codes: documentCodes(input),
        category: input.category ?? null,
        evidenceLevel: input.evidence_level ?? null,
        source: input.source ?? null,
        content: input.content,
        objectKey,
      }),
      db.insert(knowledgeChunks).values(
        chunks.map((chunk, i) => ({
          documentId: id,
          ordinal: chunk.ordinal,
          heading: chunk.heading,
          content: chunk.content,
          embedding: embeddings?.[i] ?? null,
        })),
      ),
    ]);
  } catch (error) {
    await storage.delete(objectKey).catch(() => log("error", "orphan object left after failed ingestion", { object_key: objectKey }));
    throw error;
  }
  return { id, object_key: objectKey, chunks: chunks.length, embedded: embeddings !== null };
}
