/** The knowledge base's answers: a document, an indexed upload, a search hit (also the MCP tools' outputs). */
import { z } from "@hono/zod-openapi";
import { KNOWLEDGE_TYPES } from "./knowledge.table";

export const KnowledgeDocumentSchema = z
  .object({
    id: z.uuid(),
    type: z.enum(KNOWLEDGE_TYPES),
    title: z.string(),
    disorder: z.string().nullable(),
    dsm5_code: z.string().nullable(),
    icd11_code: z.string().nullable(),
    category: z.string().nullable(),
    evidence_level: z.string().nullable(),
    source: z.string().nullable(),
    content: z.string(),
    object_key: z.string(),
  })
  .openapi("KnowledgeDocument");

export const IngestResultSchema = z
  .object({ id: z.uuid(), object_key: z.string(), chunks: z.number().int(), embedded: z.boolean() })
  .openapi("IngestResult");

export const SearchResultSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    type: z.enum(KNOWLEDGE_TYPES),
    snippet: z.string(),
    score: z.number(),
    dsm5_code: z.string().nullable(),
    icd11_code: z.string().nullable(),
  })
  .openapi("SearchResult");
