/**
 * A knowledge document as authors write it, and the one place that parses documents: the JSON
 * body of the admin route, a markdown file with a flat `key: value` front matter (the format of
 * data/knowledge, see data/README.md), plain text, JSON files and HTML pages (through
 * html-text.ts). Fetching an imported page is fetch-source.ts's job; parsing it is here.
 */
import { z } from "@hono/zod-openapi";
import { ProblemError, validationProblem } from "../lib/problem";
import { htmlToText } from "./html-text";
import { KNOWLEDGE_TYPES } from "./knowledge.table";

const code = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .regex(/^[A-Za-z0-9.x-]+$/, "must be a code such as F41.1 or 6B00");
const optionalText = (max: number) => z.string().trim().min(1).max(max).optional();
/** Each code is an exact-match boost in search, so a document names the few it is about (the corpus needs 19 at most). */
const MAX_OTHER_CODES = 20;
/** A document's synonyms and lay phrases (front matter `synonyms`, separated by `;`). */
const MAX_SYNONYMS = 80;

export const DocumentInput = z
  .object({
    type: z.enum(KNOWLEDGE_TYPES, { error: `type must be one of ${KNOWLEDGE_TYPES.join(", ")}` }),
    title: z.string().trim().min(1, "title is required").max(300),
    content: z.string().trim().min(1, "content is required").max(500_000, "content must be at most 500,000 characters"),
    disorder: optionalText(200),
    dsm5_code: code.optional(),
    icd11_code: code.optional(),
    other_codes: z.array(code).max(MAX_OTHER_CODES, `other_codes takes at most ${MAX_OTHER_CODES} codes`).optional(),
    category: optionalText(200),
    evidence_level: optionalText(100),
    source: optionalText(500),
    /**
     * Other names and the lay or clinical phrases a case description uses for this subject
     * ("hoarding", "can't throw anything away"): indexed as a heading-weighted chunk of its own so
     * a description in everyday language finds the document (see ingest.ts).
     */
    synonyms: z.array(z.string().trim().min(1).max(200)).max(MAX_SYNONYMS, `synonyms takes at most ${MAX_SYNONYMS} entries`).optional(),
  })
  .strict()
  .openapi("KnowledgeDocumentInput");

export type DocumentInput = z.infer<typeof DocumentInput>;

/** Splits `---\nkey: value\n---\nbody` into fields and body; no front matter gives an empty record. */
export function parseFrontMatter(text: string): { fields: Record<string, string>; body: string } {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) return { fields: {}, body: text };
  const fields: Record<string, string> = {};
  for (const line of match[1].split(/\r?\n/)) {
    // Split on the first colon only: titles and sources contain colons of their own.
    const at = line.indexOf(":");
    if (at <= 0) continue;
    fields[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return { fields, body: match[2] };
}

/** What an admin chose in the request (form fields, import body): it wins over a document's own metadata. */
export interface AdminChoice {
  type?: DocumentInput["type"];
  title?: string;
}

/** The admin's choices that were actually made (a blank form field is no choice). */
function chosenFields(choice: AdminChoice): AdminChoice {
  return Object.fromEntries(Object.entries(choice).filter(([, value]) => value !== undefined && value !== "")) as AdminChoice;
}

/** A markdown file (front matter + body) as document input; the admin's `choice` overrides the front matter. */
export function documentFromMarkdown(text: string, choice: AdminChoice = {}) {
  const { fields, body } = parseFrontMatter(text);
  const list = (value: string | undefined, separator: string) =>
    value
      ?.split(separator)
      .map((item) => item.trim())
      .filter(Boolean);
  const codes = list(fields.other_codes, ",");
  // Semicolons, since a lay phrase may hold a comma ("hears voices, others can't").
  const synonyms = list(fields.synonyms, ";");
  return DocumentInput.safeParse({
    ...Object.fromEntries(Object.entries(fields).filter(([key]) => key !== "other_codes" && key !== "synonyms")),
    ...(codes?.length ? { other_codes: codes } : {}),
    ...(synonyms?.length ? { synonyms } : {}),
    content: body.trim() || undefined,
    ...chosenFields(choice),
  });
}

/** The document without the codes it claims for itself (for sources no admin has vouched for). */
export function withoutClaimedCodes({ dsm5_code: _dsm5, icd11_code: _icd11, other_codes: _other, ...rest }: DocumentInput): DocumentInput {
  return rest;
}

/** The codes a document is found by, upper-cased and de-duplicated. */
export function documentCodes(input: DocumentInput): string[] {
  return [
    ...new Set(
      [input.dsm5_code, input.icd11_code, ...(input.other_codes ?? [])].filter((c): c is string => !!c).map((c) => c.toUpperCase()),
    ),
  ];
}

const invalidDocument = (issues: Parameters<typeof validationProblem>[0]) => validationProblem(issues, "body", "The document is invalid");

/**
 * A document from text in any accepted format. JSON that has the document's shape is taken as
 * it is; other JSON is indexed as formatted text. What the admin chose (type, title) wins over
 * what the document says about itself.
 */
export function documentFromText(text: string, format: "markdown" | "text" | "json" | "html", choice: AdminChoice) {
  const chosen = chosenFields(choice);
  if (format === "json") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new ProblemError(400, { code: "invalid_document", detail: "The JSON file is not valid JSON." });
    }
    const asDocument = DocumentInput.safeParse({ ...(parsed as object), ...chosen });
    if (asDocument.success) return asDocument.data;
    const asText = DocumentInput.safeParse({ ...chosen, content: JSON.stringify(parsed, null, 2) });
    if (!asText.success) throw invalidDocument(asText.error.issues);
    return asText.data;
  }
  if (format === "html") {
    const { title, text: body } = htmlToText(text);
    const result = DocumentInput.safeParse({ title: title ?? undefined, content: body, ...chosen });
    if (!result.success) throw invalidDocument(result.error.issues);
    return result.data;
  }
  const result = documentFromMarkdown(text, chosen);
  if (!result.success) throw invalidDocument(result.error.issues);
  return result.data;
}
