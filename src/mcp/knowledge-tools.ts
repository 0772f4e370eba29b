/** The knowledge-base tools: search, diagnostic criteria, treatment guideline passages. */
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { AuthorizedContext } from "../auth/guard";
import { COVERAGE_LEVELS } from "../knowledge/coverage";
import { findCriteriaDocuments } from "../knowledge/knowledge.data";
import { toDocument } from "../knowledge/knowledge.handlers";
import { KnowledgeDocumentSchema, SearchResultSchema } from "../knowledge/knowledge.schemas";
import { KNOWLEDGE_TYPES, type KnowledgeType } from "../knowledge/knowledge.table";
import { searchDepsOf, searchKnowledge } from "../knowledge/search-knowledge.flow";
import { ProblemError } from "../lib/problem";
import { useCaseDeps } from "../use-case/deps";
import { documentUri } from "./resources";
import { toolCall } from "./tool-call";

const MAX_QUERY = 1000;
/** Criteria documents a partial name may match before the tool asks the caller to choose. */
const MAX_CANDIDATES = 8;

const query = (name: string) =>
  z.string().trim().min(1, `${name} must not be empty`).max(MAX_QUERY, `${name} must be at most ${MAX_QUERY} characters`);

/** What a caller typed, quoted in a message: short, on one line. */
const quoted = (text: string) => `"${text.replace(/\s+/g, " ").slice(0, 80)}${text.length > 80 ? "…" : ""}"`;

const search = (c: AuthorizedContext, query: string, type: KnowledgeType | undefined, limit: number, snippets: boolean) =>
  searchKnowledge(searchDepsOf(useCaseDeps(c)), { query, type, limit, snippets });

const SearchInput = z.strictObject({
  query: query("query").describe("Symptoms, a disorder, a treatment or a DSM-5-TR/ICD-10-CM/ICD-11 code"),
  type: z.enum(KNOWLEDGE_TYPES).optional().describe("Only documents of this type"),
  limit: z.number().int().min(1).max(20).default(5).describe("How many results (1-20, default 5)"),
});
const SearchOutput = z.object({
  query: z.string(),
  mode: z.enum(["hybrid", "lexical"]),
  coverage: z
    .enum(COVERAGE_LEVELS)
    .describe('How well the results fit the query; "low": the knowledge base has nothing that fits, say so rather than use them'),
  results: z.array(SearchResultSchema.extend({ uri: z.string() })),
});

const CriteriaInput = z.strictObject({
  disorder: z
    .string()
    .trim()
    .min(1, "disorder must not be empty")
    .max(200, "disorder must be at most 200 characters")
    .describe('A disorder name or part of it ("generalized anxiety"), or a DSM-5-TR/ICD-10-CM or ICD-11 code ("F41.1", "6B00")'),
});

const ProtocolsInput = z.strictObject({
  diagnosis: query("diagnosis").describe('A diagnosis name or code, e.g. "Generalized anxiety disorder (F41.1)"'),
});
const ProtocolsOutput = z.object({
  mode: z.enum(["hybrid", "lexical"]),
  protocols: z.array(
    z.object({
      id: z.uuid(),
      uri: z.string(),
      title: z.string(),
      disorder: z.string().nullable(),
      dsm5_code: z.string().nullable(),
      icd11_code: z.string().nullable(),
      evidence_level: z.string().nullable(),
      passage: z.string(),
      score: z.number(),
    }),
  ),
});

const SEARCH_INSTEAD = "Try search_clinical_guidelines with the disorder's name or its symptoms.";

/** The single criteria document `term` names, or a problem saying why there is none. */
async function criteriaFor(c: AuthorizedContext, term: string) {
  const rows = await findCriteriaDocuments(c.var.db, term, MAX_CANDIDATES);
  const exact = rows.find((row) => row.codes.includes(term.toUpperCase()) || row.disorder?.toLowerCase() === term.toLowerCase());
  if (exact) return exact;
  if (rows.length === 1) return rows[0];
  if (rows.length === 0)
    throw new ProblemError(404, {
      code: "not_found",
      detail: `No diagnostic criteria match ${quoted(term)}. ${SEARCH_INSTEAD} Codes work too (e.g. F41.1 or 6B00).`,
    });
  const names = rows.map((row) => `${row.disorder}${row.dsm5Code ? ` (${row.dsm5Code})` : ""}`).join("; ");
  throw new ProblemError(400, {
    code: "ambiguous_disorder",
    detail: `${quoted(term)} matches several disorders: ${names}. Ask again with one of these names or codes.`,
  });
}

export function registerKnowledgeTools(server: McpServer, c: AuthorizedContext) {
  server.registerTool(
    "search_clinical_guidelines",
    {
      title: "Search clinical guidelines",
      description:
        "Ranked search of the clinical knowledge base (DSM-5-TR criteria summaries, treatment and clinical guidelines, assessment " +
        "tools): full text plus semantic similarity, exact codes first. Each result has an id, a title and a snippet; read a " +
        'whole document as the resource at its uri. `coverage` says how well the results fit: with "low", tell the user the ' +
        "knowledge base has no good match instead of presenting the nearest result as one.",
      inputSchema: SearchInput,
      outputSchema: SearchOutput,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    toolCall(c, "search_clinical_guidelines", async ({ query: text, type, limit }: z.infer<typeof SearchInput>) => {
      const { mode, coverage, hits } = await search(c, text, type, limit, true);
      const results = hits.map(({ id, title, type: hitType, snippet, score, dsm5_code, icd11_code }) => ({
        id,
        uri: documentUri(id),
        title,
        type: hitType,
        snippet,
        score,
        dsm5_code,
        icd11_code,
      }));
      return {
        data: { query: text, mode, coverage, results },
        detail: { sources: results.map((result) => result.id) },
      };
    }),
  );

  server.registerTool(
    "get_diagnostic_criteria",
    {
      title: "Get diagnostic criteria",
      description:
        "The DSM-5-TR criteria summary of one disorder (with its DSM-5-TR/ICD-10-CM and ICD-11 codes), found by name, part of " +
        "a name, or code.",
      inputSchema: CriteriaInput,
      outputSchema: KnowledgeDocumentSchema.extend({ uri: z.string() }),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    toolCall(c, "get_diagnostic_criteria", async ({ disorder }: z.infer<typeof CriteriaInput>) => {
      const row = await criteriaFor(c, disorder);
      return { data: { ...toDocument(row), uri: documentUri(row.id) }, detail: { sources: [row.id] } };
    }),
  );

  server.registerTool(
    "find_treatment_protocols",
    {
      title: "Find treatment protocols",
      description:
        "Treatment guideline passages for a diagnosis, best match first, each with the guideline's evidence level " +
        "(A strong, B moderate, C limited or consensus) and the grades of the options it lists.",
      inputSchema: ProtocolsInput,
      outputSchema: ProtocolsOutput,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    toolCall(c, "find_treatment_protocols", async ({ diagnosis }: z.infer<typeof ProtocolsInput>) => {
      const { mode, hits } = await search(c, diagnosis, "treatment_guideline", 3, false);
      if (hits.length === 0)
        throw new ProblemError(404, {
          code: "not_found",
          detail: `No treatment guideline matches ${quoted(diagnosis)}. ${SEARCH_INSTEAD}`,
        });
      const protocols = hits.map(({ id, title, disorder, dsm5_code, icd11_code, evidence_level, passage, score }) => ({
        id,
        uri: documentUri(id),
        title,
        disorder,
        dsm5_code,
        icd11_code,
        evidence_level,
        passage,
        score,
      }));
      return { data: { mode, protocols }, detail: { sources: protocols.map((protocol) => protocol.id) } };
    }),
  );
}
