import { createRoute, z } from "@hono/zod-openapi";
import { adminOnly, readAccess, readTokenChecked } from "../auth/guard";
import { bearerSecurity, jsonContent, problemResponses } from "../lib/schemas";
import { COVERAGE_LEVELS } from "./coverage";
import { DocumentInput } from "./document-input";
import { IngestResultSchema, KnowledgeDocumentSchema, SearchResultSchema } from "./knowledge.schemas";
import { KNOWLEDGE_TYPES } from "./knowledge.table";

const tags = ["Knowledge"];
const security = bearerSecurity;

const documentId = z.object({ id: z.uuid("must be a document id (UUID)") });

export const disorders = createRoute({
  method: "get",
  path: "/knowledge/disorders",
  tags,
  security,
  summary: "Disorders in the knowledge base with their DSM-5-TR and ICD-11 codes",
  middleware: readAccess,
  responses: {
    200: jsonContent(
      z.object({
        disorders: z.array(
          z.object({
            name: z.string(),
            dsm5_code: z.string().nullable(),
            icd11_code: z.string().nullable(),
            category: z.string().nullable(),
          }),
        ),
      }),
      "Disorders",
    ),
    ...problemResponses(401, 403, 503),
  },
});

export const types = createRoute({
  method: "get",
  path: "/knowledge/types",
  tags,
  security,
  summary: "Document types and how many documents each has",
  middleware: readAccess,
  responses: {
    200: jsonContent(z.object({ types: z.array(z.object({ type: z.enum(KNOWLEDGE_TYPES), count: z.number().int() })) }), "Types"),
    ...problemResponses(401, 403, 503),
  },
});

export const getDocument = createRoute({
  method: "get",
  path: "/knowledge/documents/{id}",
  tags,
  security,
  summary: "One knowledge document",
  middleware: readAccess,
  request: { params: documentId },
  responses: { 200: jsonContent(KnowledgeDocumentSchema, "The document"), ...problemResponses(400, 401, 403, 404, 503) },
});

export const search = createRoute({
  method: "get",
  path: "/search/knowledge",
  tags,
  security,
  summary: "Hybrid (full-text + vector) search over the knowledge base; exact codes hit directly",
  middleware: readTokenChecked,
  request: {
    query: z.object({
      q: z.string().trim().min(1, "q must not be empty").max(1000, "q must be at most 1000 characters"),
      type: z.enum(KNOWLEDGE_TYPES, { error: `type must be one of ${KNOWLEDGE_TYPES.join(", ")}` }).optional(),
      limit: z.coerce.number().int().min(1).max(100).default(10),
    }),
  },
  responses: {
    200: jsonContent(
      z.object({
        query: z.string(),
        mode: z.enum(["hybrid", "lexical"]),
        coverage: z.enum(COVERAGE_LEVELS).openapi({ description: "How well the best results fit the query (§3 Coverage)" }),
        results: z.array(SearchResultSchema),
      }),
      "Ranked results",
    ),
    ...problemResponses(400, 401, 403, 503),
  },
});

const UploadForm = z.object({
  file: z.any().openapi({ type: "string", format: "binary", description: "markdown, text or JSON" }),
  type: z.enum(KNOWLEDGE_TYPES).optional(),
  title: z.string().max(300).optional(),
});

export const createDocument = createRoute({
  method: "post",
  path: "/knowledge/documents",
  tags,
  security,
  summary: "Add a document (JSON, or a markdown/text/JSON file upload): stored in R2, chunked, embedded, indexed",
  middleware: adminOnly,
  request: {
    body: {
      content: {
        "application/json": { schema: DocumentInput },
        "multipart/form-data": { schema: UploadForm },
      },
    },
  },
  responses: { 201: jsonContent(IngestResultSchema, "Indexed"), ...problemResponses(400, 401, 403, 413, 415, 503) },
});

export const importDocument = createRoute({
  method: "post",
  path: "/knowledge/import",
  tags,
  security,
  summary: "Fetch a document from an HTTPS URL (timeout, size cap, allowed types) and index it",
  middleware: adminOnly,
  request: {
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z
            .object({ url: z.url().max(2000), type: z.enum(KNOWLEDGE_TYPES), title: z.string().trim().min(1).max(300).optional() })
            .strict(),
        },
      },
    },
  },
  responses: { 201: jsonContent(IngestResultSchema, "Indexed"), ...problemResponses(400, 401, 403, 413, 415, 502, 503, 504) },
});

export const removeDocument = createRoute({
  method: "delete",
  path: "/knowledge/documents/{id}",
  tags,
  security,
  summary: "Remove a document: its rows and its R2 object",
  middleware: adminOnly,
  request: { params: documentId },
  responses: { 204: { description: "Removed" }, ...problemResponses(400, 401, 403, 404, 503) },
});

export const reembed = createRoute({
  method: "post",
  path: "/knowledge/reembed",
  tags,
  security,
  summary: "Embed chunks that have no embedding yet (a database seeded offline becomes hybrid)",
  middleware: adminOnly,
  responses: {
    200: jsonContent(z.object({ embedded: z.number().int(), remaining: z.number().int() }), "Progress; call again while remaining > 0"),
    ...problemResponses(401, 403, 502, 503),
  },
});
