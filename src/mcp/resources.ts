/** Each knowledge document as an MCP resource, `knowledge://documents/{id}`: listed, and read as markdown. */
import { type McpServer, ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import type { AuthorizedContext } from "../auth/guard";
import { findDocument, listDocumentSummaries } from "../knowledge/knowledge.data";
import type { KnowledgeDocumentRow } from "../knowledge/knowledge.table";
import { problemFor } from "../lib/error-handler";

const TEMPLATE = "knowledge://documents/{id}";
/** The corpus is tens of documents; a list far past that would be an accident, not a knowledge base. */
const MAX_LISTED = 1000;

export const documentUri = (id: string) => `knowledge://documents/${id}`;

/** The document's text with what a reader needs to cite it: codes, evidence level, source. */
function asMarkdown(row: KnowledgeDocumentRow): string {
  const facts = [
    ["Type", row.type],
    ["Disorder", row.disorder],
    ["DSM-5-TR / ICD-10-CM", row.dsm5Code],
    ["ICD-11", row.icd11Code],
    ["Evidence level", row.evidenceLevel],
    ["Source", row.source],
  ].filter(([, value]) => value);
  return [`# ${row.title}`, facts.map(([label, value]) => `- ${label}: ${value}`).join("\n"), row.content].join("\n\n");
}

/**
 * Runs a resource callback; a failure becomes a JSON-RPC error carrying the problem a REST client
 * would get (the SDK would otherwise send the raw error message, which for a query names its SQL).
 */
async function answering<T>(c: AuthorizedContext, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof McpError) throw error;
    throw new McpError(ErrorCode.InternalError, problemFor(error, c.get("requestId")).problem.detail);
  }
}

export function registerResources(server: McpServer, c: AuthorizedContext) {
  server.registerResource(
    "knowledge-document",
    new ResourceTemplate(TEMPLATE, {
      list: () =>
        answering(c, async () => ({
          resources: (await listDocumentSummaries(c.var.db, MAX_LISTED)).map((row) => ({
            uri: documentUri(row.id),
            name: row.title,
            description: row.type,
            mimeType: "text/markdown",
          })),
        })),
    }),
    {
      title: "Knowledge document",
      description: "A document of the clinical knowledge base (criteria summary, guideline or assessment tool) as markdown.",
      mimeType: "text/markdown",
    },
    (uri, { id }) =>
      answering(c, async () => {
        const parsed = z.uuid().safeParse(id);
        const [row] = parsed.success ? await findDocument(c.var.db, parsed.data) : [];
        if (!row)
          throw new McpError(
            ErrorCode.InvalidParams,
            "No knowledge document has that id; list the resources, or use search_clinical_guidelines, to find one.",
          );
        return { contents: [{ uri: uri.href, mimeType: "text/markdown", text: asMarkdown(row) }] };
      }),
  );
}
