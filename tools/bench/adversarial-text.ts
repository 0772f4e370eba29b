/**
 * Adversarial input for the scanners over user text, at each route's maximum size: the inputs
 * reported as taking the Worker down, their neighbours, and fixed-seed mixtures. One list for both
 * users: test/scanner-cost.test.ts holds every family to a time bound inside workerd, and the
 * benchmark's scanner part (tools/bench/scanners.ts) reports the worst family in chars/ms.
 */
import fc from "fast-check";
import { DocumentInput } from "../../src/knowledge/document-input.ts";
import { IMPORT_MAX_BYTES } from "../../src/knowledge/fetch-source.ts";

/** A session transcript is model output: ~3.5 hours of speech, the most a 25 MiB upload can hold. */
export const TRANSCRIPT_CHARS = 200_000;
export const DOCUMENT_MAX_CHARS = DocumentInput.shape.content.maxLength ?? 500_000;
/** The upload route's body cap: front matter is parsed before the content's length is checked. */
export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

export type Family = [name: string, text: string];

/** `unit` repeated to exactly `size` characters, after an optional leading run. */
export function fill(unit: string, size: number, lead = ""): string {
  const body = size - lead.length;
  return lead + unit.repeat(Math.ceil(body / Math.max(1, unit.length))).slice(0, body);
}

/** Repeated mixtures of the given pieces, the same ones on every run (fixed seed). */
function mixtures(pieces: string[], size: number, count: number): Family[] {
  const unit = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 12 }).map((parts) => parts.join(""));
  return fc
    .sample(unit, { numRuns: count, seed: 42 })
    .map((u, i) => [`mixture ${i + 1} (${JSON.stringify(u.slice(0, 24))}…)`, fill(u, size)]);
}

const CRISIS_PIECES = [
  " A.",
  "Dr. ",
  "!!",
  "?)",
  "SI",
  " now",
  " last week",
  "no ",
  "denies ",
  "but ",
  "mother ",
  "Patient: ",
  "C-SSRS",
  "IPV ",
  "overdosed ",
  "cutting ",
  ", ",
  ";",
  " ",
  "\n",
  "x",
];

/** Crisis-detector input of `size` characters (20,000 for diagnose, {@link TRANSCRIPT_CHARS} for a transcript). */
export function crisisFamilies(size: number): Family[] {
  return [
    ["x run then ' A.' repeated (the reported input)", fill(" A.", size, "x".repeat(Math.round((size * 2) / 3)))],
    ["a run of '!'", `${"!".repeat(size - 1)}x`],
    ["a run of '?' and '.'", `x ${"?.".repeat(Math.floor(size / 2) - 1)}`],
    ["'SI now' repeated", fill("SI now ", size)],
    ["'SI,' without spaces", fill("SI,", size)],
    ["a negated list of findings", fill(`no SI${", SI".repeat(70)}. `, size)],
    ["abbreviations and initials", fill("e.g. Dr. A. B. pt. ", size)],
    ["tiny clauses", fill("a;", size)],
    ["questions answered yes", fill("Any thoughts of suicide? Yes. ", size)],
    ["C-SSRS then spaces", `C-SSRS${" ".repeat(size - 7)}x`],
    ["speaker label then spaces", `speaker${" ".repeat(size - 8)}x`],
    ["time markers and findings", fill("history of cutting, last episode two days ago, SI today ", size)],
    ["a session transcript", fill("Therapist: How did the week go? Patient: Work was busy, sleep was okay, no major changes.\n", size)],
    ...mixtures(CRISIS_PIECES, size, 5),
  ];
}

const HTML_PIECES = ["<", ">", "<!--", "-->", "<p", "</p>", "<h2>", "<script", "</script>", "<title>", "&amp;", "&#x", "text ", "\n", " "];

/** A page for HTML-to-text at the import's size cap. */
export const HTML_FAMILIES: Family[] = [
  ["'<!--' never closed", fill("<!--", IMPORT_MAX_BYTES)],
  ["'<' never closed", fill("<", IMPORT_MAX_BYTES)],
  ["'<p' never closed", fill("<p", IMPORT_MAX_BYTES)],
  ["'<h1' never closed", fill("<h1", IMPORT_MAX_BYTES)],
  ["'<script' never closed", fill("<script", IMPORT_MAX_BYTES)],
  ["'<title>' never closed", fill("<title>", IMPORT_MAX_BYTES)],
  ["nested openers", fill("<p<div<h2<!--<script<", IMPORT_MAX_BYTES)],
  ["closed tags", fill("<p>a</p><!-- c --><br/>", IMPORT_MAX_BYTES)],
  ["closed tags and words", fill("<p>Keep a <b>diary</b> &amp; review it.</p><!-- c -->\n", IMPORT_MAX_BYTES)],
  ["entities without ';'", fill("&#x1234abcd&amp", IMPORT_MAX_BYTES)],
  ["blank lines and tabs", fill("\n \t\n", IMPORT_MAX_BYTES)],
  ...mixtures(HTML_PIECES, IMPORT_MAX_BYTES, 3),
];

/** Markdown for chunking at the document content cap. */
export const DOCUMENT_FAMILIES: Family[] = [
  ["one-letter paragraphs", fill("a\n\n", DOCUMENT_MAX_CHARS)],
  ["headings only", fill("# h\n\n", DOCUMENT_MAX_CHARS)],
  ["one long sentence-free paragraph", fill("x", DOCUMENT_MAX_CHARS)],
  ["sentences without breaks", fill(". ", DOCUMENT_MAX_CHARS)],
  [
    "a criteria document",
    fill("## Criterion A\n\nExcessive anxiety and worry, more days than not, for at least 6 months.\n\n", DOCUMENT_MAX_CHARS),
  ],
];

/** Uploads whose front matter is parsed, at the upload route's body cap. */
export const FRONT_MATTER_FAMILIES: Family[] = [
  ["'---' lines", fill("---\n", UPLOAD_MAX_BYTES)],
  ["an unclosed front matter", `---\n${fill("key: value\n", UPLOAD_MAX_BYTES - 4)}`],
];
