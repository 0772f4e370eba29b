/**
 * The scanner part of `npm run bench` (`--only scanners`): every scanner over user text run on
 * adversarial input families at its route's maximum size, in Node on the app's own modules. For
 * each family it prints the best of three runs; the worst family per scanner is the figure that
 * the contract's "a few milliseconds of CPU per kilobyte" is held against. A separate process,
 * like load.ts, so nothing else shares its event loop; prints its results as JSON on the last line.
 *
 * The families (tools/bench/adversarial-text.ts) are the ones test/scanner-cost.test.ts holds to a
 * bound inside workerd.
 */
import { chunkMarkdown } from "../../src/knowledge/chunking.ts";
import { parseFrontMatter } from "../../src/knowledge/document-input.ts";
import { IMPORT_MAX_BYTES } from "../../src/knowledge/fetch-source.ts";
import { htmlToText } from "../../src/knowledge/html-text.ts";
import { MAX_TEXT } from "../../src/rag/rag.schemas.ts";
import { assessCrisis } from "../../src/safety/crisis.ts";
import {
  crisisFamilies,
  DOCUMENT_FAMILIES,
  DOCUMENT_MAX_CHARS,
  type Family,
  FRONT_MATTER_FAMILIES,
  HTML_FAMILIES,
  TRANSCRIPT_CHARS,
  UPLOAD_MAX_BYTES,
} from "./adversarial-text.ts";
import type { ScannerResult } from "./report.ts";

function measure(scanner: string, families: Family[], run: (text: string) => unknown): ScannerResult[] {
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
  ...measure(`HTML to text (${IMPORT_MAX_BYTES / 1024 / 1024} MiB, import)`, HTML_FAMILIES, htmlToText),
  ...measure(`chunking (${DOCUMENT_MAX_CHARS.toLocaleString("en-US")} chars, content cap)`, DOCUMENT_FAMILIES, chunkMarkdown),
  ...measure(`front matter (${UPLOAD_MAX_BYTES / 1024 / 1024} MiB, upload cap)`, FRONT_MATTER_FAMILIES, parseFrontMatter),
];
console.log(JSON.stringify(results));
