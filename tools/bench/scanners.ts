/**
 * The scanner part of `npm run bench` (`--only scanners`): every scanner over user text run on
 * adversarial input families at its route's maximum size, in Node on the app's own modules. For
 * each family it prints the best of three runs; the worst family per scanner is the figure that
 * the contract's "a few milliseconds of CPU per kilobyte" is held against. A separate process,
 * like load.ts, so nothing else shares its event loop; prints its results as JSON on the last line.
 *
 * test/scanner-cost.test.ts holds the same families to a bound inside workerd.
 */
import fc from "fast-check";
import { chunkMarkdown } from "../../src/knowledge/chunking.ts";
import { DocumentInput, parseFrontMatter } from "../../src/knowledge/document-input.ts";
import { IMPORT_MAX_BYTES } from "../../src/knowledge/fetch-source.ts";
import { htmlToText } from "../../src/knowledge/html-text.ts";
import { MAX_TEXT } from "../../src/rag/rag.schemas.ts";
import { assessCrisis } from "../../src/safety/crisis.ts";
import type { ScannerResult } from "./report.ts";

const TRANSCRIPT_CHARS = 200_000;
const DOCUMENT_MAX_CHARS = DocumentInput.shape.content.maxLength ?? 500_000;
const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

const fill = (unit: string, size: number, lead = "") =>
  lead + unit.repeat(Math.ceil((size - lead.length) / unit.length)).slice(0, size - lead.length);

/** Repeated mixtures of the given pieces, the same ones on every run (fixed seed). */
function mixtures(pieces: string[], size: number, count: number): Array<[string, string]> {
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
const crisisFamilies = (size: number): Array<[string, string]> => [
  ["x run then ' A.' repeated", fill(" A.", size, "x".repeat(Math.round((size * 2) / 3)))],
  ["a run of '!'", `${"!".repeat(size - 1)}x`],
  ["'SI now' repeated", fill("SI now ", size)],
  ["'SI,' without spaces", fill("SI,", size)],
  ["a negated list of findings", fill(`no SI${", SI".repeat(70)}. `, size)],
  ["abbreviations and initials", fill("e.g. Dr. A. B. pt. ", size)],
  ["tiny clauses", fill("a;", size)],
  ["questions answered yes", fill("Any thoughts of suicide? Yes. ", size)],
  ["C-SSRS then spaces", `C-SSRS${" ".repeat(size - 7)}x`],
  ["time markers and findings", fill("history of cutting, last episode two days ago, SI today ", size)],
  ["a session transcript", fill("Therapist: How did the week go? Patient: Work was busy, sleep was okay, no major changes.\n", size)],
  ...mixtures(CRISIS_PIECES, size, 5),
];

const HTML_PIECES = ["<", ">", "<!--", "-->", "<p", "</p>", "<h2>", "<script", "</script>", "<title>", "&amp;", "&#x", "text ", "\n", " "];
const htmlFamilies: Array<[string, string]> = [
  ["'<!--' never closed", fill("<!--", IMPORT_MAX_BYTES)],
  ["'<' never closed", fill("<", IMPORT_MAX_BYTES)],
  ["'<p' never closed", fill("<p", IMPORT_MAX_BYTES)],
  ["'<script' never closed", fill("<script", IMPORT_MAX_BYTES)],
  ["'<title>' never closed", fill("<title>", IMPORT_MAX_BYTES)],
  ["nested openers", fill("<p<div<h2<!--<script<", IMPORT_MAX_BYTES)],
  ["closed tags and words", fill("<p>Keep a <b>diary</b> &amp; review it.</p><!-- c -->\n", IMPORT_MAX_BYTES)],
  ...mixtures(HTML_PIECES, IMPORT_MAX_BYTES, 3),
];

const documentFamilies: Array<[string, string]> = [
  ["one-letter paragraphs", fill("a\n\n", DOCUMENT_MAX_CHARS)],
  ["headings only", fill("# h\n\n", DOCUMENT_MAX_CHARS)],
  ["sentences without breaks", fill("Sentence. ", DOCUMENT_MAX_CHARS)],
  [
    "a criteria document",
    fill("## Criterion A\n\nExcessive anxiety and worry, more days than not, for at least 6 months.\n\n", DOCUMENT_MAX_CHARS),
  ],
];

const frontMatterFamilies: Array<[string, string]> = [
  ["'---' lines", fill("---\n", UPLOAD_MAX_BYTES)],
  ["an unclosed front matter", `---\n${fill("key: value\n", UPLOAD_MAX_BYTES - 4)}`],
];

function measure(scanner: string, families: Array<[string, string]>, run: (text: string) => unknown): ScannerResult[] {
  return families.map(([family, text]) => {
    let best = Number.POSITIVE_INFINITY;
    for (let attempt = 0; attempt < 3; attempt++) {
      const started = performance.now();
      run(text);
      best = Math.min(best, performance.now() - started);
    }
    const ms = Math.round(best * 10) / 10;
    const result = { scanner, family, chars: text.length, ms, charsPerMs: Math.round(text.length / Math.max(best, 0.001)) };
    process.stderr.write(`  ${scanner} · ${family}: ${ms} ms, ${result.charsPerMs} chars/ms\n`);
    return result;
  });
}

// Compiles the detector's regexes first, as any isolate's first request would.
assessCrisis({ symptoms: "warm-up" });
const results = [
  ...measure(`crisis detector (${MAX_TEXT.toLocaleString("en-US")} chars, diagnose)`, crisisFamilies(MAX_TEXT), (text) =>
    assessCrisis({ symptoms: text }),
  ),
  ...measure(`crisis detector (${TRANSCRIPT_CHARS.toLocaleString("en-US")} chars, transcript)`, crisisFamilies(TRANSCRIPT_CHARS), (text) =>
    assessCrisis({ transcript: text }),
  ),
  ...measure(`HTML to text (${IMPORT_MAX_BYTES / 1024 / 1024} MiB, import)`, htmlFamilies, htmlToText),
  ...measure(`chunking (${DOCUMENT_MAX_CHARS.toLocaleString("en-US")} chars, content cap)`, documentFamilies, chunkMarkdown),
  ...measure(`front matter (${UPLOAD_MAX_BYTES / 1024 / 1024} MiB, upload cap)`, frontMatterFamilies, parseFrontMatter),
];
console.log(JSON.stringify(results));
