/** Reading and removing knowledge documents; filling in missing embeddings. */
import { and, asc, count, eq, isNull, sql } from "drizzle-orm";
import type OpenAI from "openai";
import type { Database } from "../lib/db";
import type { Settings } from "../lib/settings";
import { embeddingText, embedTexts } from "./embeddings";
import { knowledgeChunks, knowledgeDocuments } from "./knowledge.table";

export function findDocument(db: Database, id: string) {
  return db.select().from(knowledgeDocuments).where(eq(knowledgeDocuments.id, id)).limit(1);
}

export function documentByObjectKey(db: Database, objectKey: string) {
  return db.select({ id: knowledgeDocuments.id }).from(knowledgeDocuments).where(eq(knowledgeDocuments.objectKey, objectKey)).limit(1);
}

export function listDisorders(db: Database) {
  return db
    .selectDistinctOn([knowledgeDocuments.disorder], {
      name: knowledgeDocuments.disorder,
      dsm5_code: knowledgeDocuments.dsm5Code,
      icd11_code: knowledgeDocuments.icd11Code,
      category: knowledgeDocuments.category,
    })
    .from(knowledgeDocuments)
    .where(sql`${knowledgeDocuments.type} = 'dsm5_criteria' and ${knowledgeDocuments.disorder} is not null`)
    .orderBy(asc(knowledgeDocuments.disorder));
}

/** Every document's id, title and type, by title: the knowledge base as a list of resources. */
export function listDocumentSummaries(db: Database, limit: number) {
  return db
    .select({ id: knowledgeDocuments.id, title: knowledgeDocuments.title, type: knowledgeDocuments.type })
    .from(knowledgeDocuments)
    .orderBy(asc(knowledgeDocuments.title), asc(knowledgeDocuments.id))
    .limit(limit);
}

/**
 * Criteria documents for `term`: a DSM-5-TR/ICD-10-CM or ICD-11 code the document is filed
 * under, or words of the disorder's name. An exact code or name comes first, so a caller can
 * tell one clear answer from several partial ones.
 */
export function findCriteriaDocuments(db: Database, term: string, limit: number) {
  const name = term.trim().replace(/\s+/g, " ");
  const code = name.toUpperCase();
  const pattern = `%${name.replace(/[\\%_]/g, "\\$&")}%`;
  const codeMatch = sql`${code} = any(${knowledgeDocuments.codes})`;
  const exactName = sql`lower(${knowledgeDocuments.disorder}) = lower(${name})`;
  return db
    .select()
    .from(knowledgeDocuments)
    .where(and(eq(knowledgeDocuments.type, "dsm5_criteria"), sql`(${codeMatch} or ${knowledgeDocuments.disorder} ilike ${pattern})`))
    .orderBy(sql`${codeMatch} desc`, sql`${exactName} desc`, asc(knowledgeDocuments.disorder))
    .limit(limit);
}

export function countByType(db: Database) {
  return db
    .select({ type: knowledgeDocuments.type, count: count() })
    .from(knowledgeDocuments)
    .groupBy(knowledgeDocuments.type)
    .orderBy(asc(knowledgeDocuments.type));
}

export function deleteDocument(db: Database, id: string) {
  return db.delete(knowledgeDocuments).where(eq(knowledgeDocuments.id, id)).returning({ objectKey: knowledgeDocuments.objectKey });
}

/**
 * Embeds up to `limit` chunks that have no embedding yet, in one embeddings call and one UPDATE
 * statement; returns how many. The batch is kept small so each call (the vector index update
 * included) stays well inside the database timeout; callers repeat while `remaining > 0`.
 */
export async function embedMissingChunks(
  db: Database,
  ai: OpenAI,
  settings: Settings["ai"],
  limit = 64,
): Promise<{ embedded: number; remaining: number }> {
  const pending = await db
    .select({ id: knowledgeChunks.id, heading: knowledgeChunks.heading, content: knowledgeChunks.content })
    .from(knowledgeChunks)
    .where(isNull(knowledgeChunks.embedding))
    .orderBy(asc(knowledgeChunks.id))
    .limit(limit);
  if (pending.length === 0) return { embedded: 0, remaining: 0 };
  const vectors = await embedTexts(
    ai,
    settings,
    pending.map((chunk) => embeddingText(chunk.heading, chunk.content)),
  );
  const ids = sql.param(pending.map((chunk) => chunk.id));
  const texts = sql.param(vectors.map((vector) => `[${vector.join(",")}]`));
  // The update and the count of what is still missing in one round trip.
  const [, [{ remaining }]] = await db.batch([
    db.execute(
      sql`update knowledge_chunks c set embedding = v.embedding::vector from unnest(${ids}::uuid[], ${texts}::text[]) as v(id, embedding) where c.id = v.id`,
    ),
    db.select({ remaining: count() }).from(knowledgeChunks).where(isNull(knowledgeChunks.embedding)),
  ] as const);
  return { embedded: pending.length, remaining };
}
