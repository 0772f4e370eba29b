import type { Context } from "hono";
import { audit } from "../audit/audit";
import { accountCheck } from "../auth/auth.data";
import { assertCurrentUser, type CallerChecked, callerUserId, withCallerAccount } from "../auth/guard";
import type { AppEnv } from "../env";
import { bodyKind, readFormData } from "../lib/form-data";
import { log } from "../lib/log";
import type { AppRouteHandler } from "../lib/openapi";
import { ProblemError } from "../lib/problem";
import { mayEmbedSearchQuery } from "../lib/rate-limits";
import { type DocumentInput, documentFromText, withoutClaimedCodes } from "./document-input";
import { fetchSource } from "./fetch-source";
import { ingestDocument, type SourceFile } from "./ingest";
import { countByType, deleteDocument, embedMissingChunks, findDocument, listDisorders } from "./knowledge.data";
import type { createDocument, disorders, getDocument, importDocument, reembed, removeDocument, search, types } from "./knowledge.routes";
import type { KnowledgeDocumentRow, KnowledgeType } from "./knowledge.table";
import { type SendSearch, searchKnowledge } from "./search-knowledge.flow";

const UPLOAD_TYPES: Record<string, { contentType: string; extension: string }> = {
  md: { contentType: "text/markdown; charset=utf-8", extension: "md" },
  markdown: { contentType: "text/markdown; charset=utf-8", extension: "md" },
  txt: { contentType: "text/plain; charset=utf-8", extension: "txt" },
  json: { contentType: "application/json", extension: "json" },
};

/** A document as the API shows it (the REST route, the MCP tool and resource). */
export function toDocument(row: KnowledgeDocumentRow) {
  return {
    id: row.id,
    type: row.type,
    title: row.title,
    disorder: row.disorder,
    dsm5_code: row.dsm5Code,
    icd11_code: row.icd11Code,
    category: row.category,
    evidence_level: row.evidenceLevel,
    source: row.source,
    content: row.content,
    object_key: row.objectKey,
  };
}

function ingestDeps<E extends AppEnv>(c: Context<E>) {
  return { db: c.var.db, ai: c.var.ai, storage: c.var.storage, settings: c.var.settings };
}

export const listDisordersHandler: AppRouteHandler<typeof disorders> = async (c) => {
  const rows = await listDisorders(c.var.db);
  return c.json({ disorders: rows.map((row) => ({ ...row, name: row.name! })) }, 200);
};

export const listTypesHandler: AppRouteHandler<typeof types> = async (c) => c.json({ types: await countByType(c.var.db) }, 200);

export const getDocumentHandler: AppRouteHandler<typeof getDocument> = async (c) => {
  const [row] = await findDocument(c.var.db, c.req.valid("param").id);
  if (!row) throw new ProblemError(404, { code: "not_found", detail: "No knowledge document has that id." });
  return c.json(toDocument(row), 200);
};

/**
 * Before a search's query may go to the model provider, the caller's account must be current: a
 * token whose login has ended, or whose account was deactivated, is refused with 401 and its text
 * never leaves the Worker. A personal token's owner was checked by the guard. An access token's
 * account is checked here first when the query may be embedded (a model is configured): one
 * more database round trip, the guard's prepared account check (~0.6–0.7 ms of local Neon CPU,
 * docs/performance.md; in production one Neon HTTP request in the Worker's region), ahead of an
 * embeddings call that takes tens to hundreds of milliseconds. Returns whether it checked.
 */
async function checkAccountBeforeEmbedding(c: Context<AppEnv & CallerChecked>): Promise<boolean> {
  const caller = c.var.caller;
  if (caller.kind !== "access_token" || !c.var.ai) return false;
  const [account] = await accountCheck(c.var.db, caller.claims.sub, caller.claims.sid);
  assertCurrentUser(account, caller.claims);
  return true;
}

export const searchHandler: AppRouteHandler<typeof search> = async (c) => {
  const { q, type, limit } = c.req.valid("query");
  const checked = await checkAccountBeforeEmbedding(c);
  const accountId = callerUserId(c.var.caller);
  const deps = { ...c.var, requestId: c.get("requestId"), accountId, mayEmbedSearch: () => mayEmbedSearchQuery(c, accountId) };
  // Otherwise nothing left the Worker: an access token's check still due travels in the search's batch (one round trip).
  const send: SendSearch | undefined = checked ? undefined : async (statement) => (await withCallerAccount(c, statement)).result;
  const { mode, coverage, hits } = await searchKnowledge(deps, { query: q, type, limit }, send);
  return c.json(
    {
      query: q,
      mode,
      coverage,
      results: hits.map(({ id, title, type: hitType, snippet, score, dsm5_code, icd11_code }) => ({
        id,
        title,
        type: hitType,
        snippet,
        score,
        dsm5_code,
        icd11_code,
      })),
    },
    200,
  );
};

export const createDocumentHandler: AppRouteHandler<typeof createDocument> = async (c) => {
  let input: DocumentInput;
  let source: SourceFile;
  if (bodyKind(c.req.header("content-type")) === "json") {
    // The route's JSON validator has already checked this body against DocumentInput.
    input = c.req.valid("json") as DocumentInput;
    source = { body: JSON.stringify(input, null, 2), contentType: "application/json", extension: "json" };
  } else {
    const form = await readFormData(c);
    const file = form.get("file");
    if (!(file instanceof File))
      throw new ProblemError(400, {
        code: "validation_error",
        detail: "Send the document as a multipart field named `file`.",
        errors: [{ path: "body.file", message: "required" }],
      });
    const extension = file.name.split(".").pop()?.toLowerCase() ?? "";
    const kind = UPLOAD_TYPES[extension];
    if (!kind)
      throw new ProblemError(415, { code: "unsupported_media_type", detail: "Upload markdown (.md), text (.txt) or JSON (.json) files." });
    const bytes = new Uint8Array(await file.arrayBuffer());
    const choice = {
      type: (form.get("type") as KnowledgeType | null) ?? undefined,
      title: (form.get("title") as string | null) ?? undefined,
    };
    input = documentFromText(
      new TextDecoder().decode(bytes),
      kind.extension === "json" ? "json" : kind.extension === "txt" ? "text" : "markdown",
      choice,
    );
    source = { body: bytes, contentType: kind.contentType, extension: kind.extension };
  }
  const result = await ingestDocument(ingestDeps(c), input, source);
  audit(c, {
    userId: c.var.account.id,
    action: "knowledge.create",
    target: `document:${result.id}`,
    outcome: "success",
    detail: { chunks: result.chunks, embedded: result.embedded },
  });
  return c.json(result, 201);
};

export const importDocumentHandler: AppRouteHandler<typeof importDocument> = async (c) => {
  const { url, type, title } = c.req.valid("json");
  const fetched = await fetchSource(url, {
    allowLocal: c.var.settings.appEnv !== "production",
    allowedHosts: c.var.settings.importAllowedHosts,
  });
  const format =
    fetched.contentType === "application/json"
      ? "json"
      : fetched.contentType === "text/html"
        ? "html"
        : fetched.contentType === "text/plain"
          ? "text"
          : "markdown";
  // A page's own codes would make it the exact match for them in search; only an admin's upload may claim codes.
  const input = withoutClaimedCodes(documentFromText(fetched.text, format, { type, title }));
  const result = await ingestDocument(
    ingestDeps(c),
    { ...input, source: input.source ?? fetched.url },
    {
      body: fetched.bytes,
      contentType: fetched.contentType,
      extension: { json: "json", html: "html", text: "txt", markdown: "md" }[format],
    },
  );
  audit(c, {
    userId: c.var.account.id,
    action: "knowledge.import",
    target: `document:${result.id}`,
    outcome: "success",
    detail: { url: fetched.url, chunks: result.chunks },
  });
  return c.json(result, 201);
};

export const removeDocumentHandler: AppRouteHandler<typeof removeDocument> = async (c) => {
  const { id } = c.req.valid("param");
  const [removed] = await deleteDocument(c.var.db, id);
  if (!removed) throw new ProblemError(404, { code: "not_found", detail: "No knowledge document has that id." });
  // The document is gone from search once its rows are; a stale source file is only logged.
  const fileRemoved = await c.var.storage.delete(removed.objectKey).then(
    () => true,
    () => {
      log("error", "orphan object left after deleting a document", { object_key: removed.objectKey });
      return false;
    },
  );
  audit(c, {
    userId: c.var.account.id,
    action: "knowledge.delete",
    target: `document:${id}`,
    outcome: "success",
    detail: { file_removed: fileRemoved },
  });
  return c.body(null, 204);
};

export const reembedHandler: AppRouteHandler<typeof reembed> = async (c) => {
  const { ai, settings } = c.var;
  if (!ai)
    throw new ProblemError(503, {
      code: "ai_not_configured",
      detail: "Set OPENAI_API_KEY (and OPENAI_BASE_URL for a compatible server) to compute embeddings.",
      headers: { "Retry-After": "3600" },
    });
  const progress = await embedMissingChunks(c.var.db, ai, settings.ai);
  audit(c, { userId: c.var.account.id, action: "knowledge.reembed", outcome: "success", detail: progress });
  return c.json(progress, 200);
};
