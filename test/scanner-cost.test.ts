/**
 * What reading user text costs (docs/api.md: no request, however crafted, takes more than a
 * few milliseconds of CPU per kilobyte). Every scanner over user text is fed adversarial text at
 * its route's maximum size: long runs, many abbreviations, many time markers, unclosed and nested
 * tags, the rules' own vocabulary glued by long runs of separators. Each call must finish far
 * inside a generous bound; a scanner that backtracks or loops super-linearly takes seconds to
 * hours on these inputs (the crisis detector took 145 s on the first one).
 *
 * Times are the best of two runs: a run preempted on a busy machine must not fail the test, while
 * a super-linear scanner is slow every time. A failure names the shrunk input family; the
 * fast-check seed in the report replays it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chunkMarkdown } from "../src/knowledge/chunking";
import { parseFrontMatter } from "../src/knowledge/document-input";
import { IMPORT_MAX_BYTES } from "../src/knowledge/fetch-source";
import { htmlToText } from "../src/knowledge/html-text";
import { MAX_TEXT } from "../src/rag/rag.schemas";
import { assessCrisis } from "../src/safety/crisis";
import { RULE_SETS, RULES } from "../src/safety/rules";
import {
  crisisFamilies,
  DOCUMENT_FAMILIES,
  DOCUMENT_MAX_CHARS,
  FRONT_MATTER_FAMILIES,
  fill,
  HTML_FAMILIES,
  TRANSCRIPT_CHARS,
  UPLOAD_MAX_BYTES,
} from "../tools/bench/adversarial-text";
import { authHeader, createAdmin, createVerifiedTherapist } from "./support/accounts";
import { createTestApi } from "./support/api";

/**
 * Generous (the scanners take tens of milliseconds here, and other test files share the cores),
 * yet far below what the super-linear scanners took: 145 s for the first crisis family, seconds
 * for a run of "!", minutes for 2 MiB of "<!--".
 */
const BOUND_MS = 2000;
const TRANSCRIPT_BOUND_MS = 10_000;
const TIMEOUT = 180_000;

function bestOfTwo(run: () => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 2; attempt++) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

/** A repeated unit of 1 to `maxTokens` tokens, optionally after a long run of one character. */
function adversarial(tokens: fc.Arbitrary<string>, leads: string[], size: number, maxTokens = 8): fc.Arbitrary<string> {
  return fc
    .record({
      unit: fc.array(tokens, { minLength: 1, maxLength: maxTokens }).map((parts) => parts.join("")),
      lead: fc.option(fc.record({ char: fc.constantFrom(...leads), share: fc.double({ min: 0.1, max: 0.9, noNaN: true }) }), {
        nil: undefined,
      }),
    })
    .filter(({ unit }) => unit.length > 0)
    .map(({ unit, lead }) => fill(unit, size, lead ? lead.char.repeat(Math.floor(size * lead.share)) : ""));
}

const describeInput = (text: string) => `${JSON.stringify(text.slice(0, 60))}… (${text.length} chars)`;

// ---------------------------------------------------------------------------------------------
// Crisis detector (diagnose: symptoms and patient context, 20,000 characters each)
// ---------------------------------------------------------------------------------------------

/** Every word the rules are written with, so generated text reaches every rule and its checks. */
const RULE_WORDS = [
  ...new Set(
    RULE_SETS.flatMap(({ specs }) => specs.flatMap((spec) => spec.pattern.replace(/\\[a-zA-Z]/g, " ").match(/[A-Za-z][A-Za-z'-]+/g) ?? [])),
  ),
];
const SEPARATORS = [" ", "  ", ", ", ",", ". ", ".", "!", "?", ";", ":", "-", "'", '"', ")", "(", "/", "\n", "\t", "~", "1", "x"];
const STRUCTURE = [
  " A.",
  "Dr. ",
  "e.g. ",
  "A.",
  "!!",
  "?)",
  ".)",
  "...",
  "SI",
  " now",
  " today",
  " last week",
  " in 2019",
  " 2 days ago",
  "history of ",
  "no ",
  "denies ",
  "not ",
  "but ",
  "mother ",
  "family history of ",
  "Patient: ",
  "Therapist: ",
  "speaker",
  "C-SSRS",
  "PHQ-9 item 9",
  "Yes. ",
  "Any thoughts of suicide? ",
  "IPV ",
  "overdosed ",
  "cutting ",
  "wants to kill him ",
  "mom hit her ",
  "voices tell him to ",
  "paranoid ",
  "gun ",
];
const crisisToken = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...STRUCTURE) },
  { weight: 3, arbitrary: fc.constantFrom(...SEPARATORS) },
  { weight: 2, arbitrary: fc.constantFrom(...RULE_WORDS) },
);

/** The inputs the issue reported, their neighbours and fixed mixtures, at the diagnose route's maximum size. */
const CRISIS_FAMILIES = crisisFamilies(MAX_TEXT);

describe("crisis detector", () => {
  it.each(CRISIS_FAMILIES)(
    "%s: 20,000 characters within the bound",
    (_name, text) => {
      expect(bestOfTwo(() => assessCrisis({ symptoms: text, patient_context: text }))).toBeLessThan(BOUND_MS);
    },
    TIMEOUT,
  );

  it(
    "stays within the bound on generated adversarial text in both fields",
    () => {
      fc.assert(
        fc.property(
          adversarial(crisisToken, ["x", " ", ".", "!", "A", ",", "\n"], MAX_TEXT),
          adversarial(crisisToken, ["x", " "], MAX_TEXT),
          (symptoms, context) => {
            const ms = bestOfTwo(() => assessCrisis({ symptoms, patient_context: context }));
            expect(ms, `${describeInput(symptoms)} / ${describeInput(context)}`).toBeLessThan(BOUND_MS);
          },
        ),
        { numRuns: 25 },
      );
    },
    TIMEOUT,
  );

  it(
    "reads a session-length transcript in linear time",
    () => {
      fc.assert(
        fc.property(adversarial(crisisToken, ["x", " ", "!"], TRANSCRIPT_CHARS), (transcript) => {
          expect(
            bestOfTwo(() => assessCrisis({ transcript })),
            describeInput(transcript),
          ).toBeLessThan(TRANSCRIPT_BOUND_MS);
        }),
        { numRuns: 4, examples: [[fill(" A.", TRANSCRIPT_CHARS, "x".repeat(100_000))], [fill("SI now ", TRANSCRIPT_CHARS)]] },
      );
    },
    TIMEOUT,
  );

  // Each rule on its own, fed each of its own words followed by a long run of a separator (or
  // word and separator repeated): a pattern whose quantifiers can split such a run several ways
  // (`\s*(?:\s+was)?`) takes the square of the run, which a random sample of inputs rarely hits.
  it(
    "runs every rule pattern in bounded time on its own words and long separator runs",
    () => {
      const size = 10_000;
      const slow: string[] = [];
      RULES.forEach(({ re }, i) => {
        for (const word of new Set(re.source.replace(/\\[a-zA-Z]/g, " ").match(/[A-Za-z][A-Za-z'-]*/g) ?? [])) {
          for (const separator of [" ", ", ", ":", "-", "\n", "'"]) {
            for (const text of [fill(separator, size, word), fill(`${word}${separator}`, size)]) {
              const ms = bestOfTwo(() => {
                re.lastIndex = 0;
                for (let m = re.exec(text); m !== null; m = re.exec(text)) if (m[0] === "") re.lastIndex++;
              });
              if (ms > 50) slow.push(`rule ${i} /${re.source.slice(0, 60)}…/ on ${describeInput(text)}: ${Math.round(ms)} ms`);
            }
          }
        }
      });
      expect(slow).toEqual([]);
    },
    TIMEOUT,
  );
});

// ---------------------------------------------------------------------------------------------
// HTML import (2 MiB)
// ---------------------------------------------------------------------------------------------

const TAG_PIECES = [
  "<",
  ">",
  "<!--",
  "-->",
  "<!-- x -->",
  "<p",
  "<p>",
  "</p",
  "</p>",
  "<div class='a'>",
  "<h1",
  "<h2>",
  "</h2>",
  "<script",
  "<script>",
  "</script>",
  "<style",
  "</style>",
  "<noscript",
  "<template",
  "<title",
  "<title>",
  "</title>",
  "<br/>",
  "<li>",
  "<pre",
  "<table",
  "<a href=x>",
  "<<",
  ">>",
  "&",
  "&amp;",
  "&#x",
  "&#x41;",
  "&#65",
  "&abc",
  ";",
  " ",
  "\n",
  "\t",
  "text",
  "x",
];
const tagToken = fc.constantFrom(...TAG_PIECES);

describe("HTML to text", () => {
  it.each(HTML_FAMILIES)(
    "%s: 2 MiB within the bound",
    (_name, html) => {
      expect(bestOfTwo(() => htmlToText(html))).toBeLessThan(BOUND_MS);
    },
    TIMEOUT,
  );

  it(
    "stays within the bound on generated tag soup",
    () => {
      fc.assert(
        fc.property(adversarial(tagToken, ["<", "x", " ", "&"], IMPORT_MAX_BYTES, 12), (html) => {
          expect(
            bestOfTwo(() => htmlToText(html)),
            describeInput(html),
          ).toBeLessThan(BOUND_MS);
        }),
        { numRuns: 20 },
      );
    },
    TIMEOUT,
  );
});

// ---------------------------------------------------------------------------------------------
// Documents: front matter (upload cap) and chunking (content cap)
// ---------------------------------------------------------------------------------------------

const MARKDOWN_PIECES = [
  "a",
  "word ",
  "\n",
  "\n\n",
  "\r\n",
  "# ",
  "## Heading\n",
  "#######",
  ". ",
  "!",
  "?",
  " ",
  "\t",
  "---\n",
  "key: value\n",
  "- item\n",
  "x",
];
const markdownToken = fc.constantFrom(...MARKDOWN_PIECES);

describe("documents", () => {
  it.each(DOCUMENT_FAMILIES)(
    "chunks %s (the content cap) within the bound",
    (_name, markdown) => {
      expect(bestOfTwo(() => chunkMarkdown(markdown))).toBeLessThan(BOUND_MS);
    },
    TIMEOUT,
  );

  it(
    "chunks generated markdown at the content cap within the bound",
    () => {
      fc.assert(
        fc.property(adversarial(markdownToken, ["\n", " ", "#", "x"], DOCUMENT_MAX_CHARS), (markdown) => {
          expect(
            bestOfTwo(() => chunkMarkdown(markdown)),
            describeInput(markdown),
          ).toBeLessThan(BOUND_MS);
        }),
        { numRuns: 20 },
      );
    },
    TIMEOUT,
  );

  it(
    "parses front matter of an upload at the body cap within the bound",
    () => {
      fc.assert(
        fc.property(adversarial(markdownToken, ["-", "\n", "x"], UPLOAD_MAX_BYTES), (text) => {
          expect(
            bestOfTwo(() => parseFrontMatter(text)),
            describeInput(text),
          ).toBeLessThan(BOUND_MS);
        }),
        { numRuns: 10, examples: FRONT_MATTER_FAMILIES.map(([, text]) => [text]) },
      );
    },
    TIMEOUT,
  );
});

// ---------------------------------------------------------------------------------------------
// Through the app
// ---------------------------------------------------------------------------------------------

const api = await createTestApi();
const clinician = await createVerifiedTherapist(api, (await createAdmin(api)).tokens.access_token);

describe("diagnose with the reported symptoms", () => {
  it("answers promptly, and /health answers alongside it", async () => {
    const symptoms = fill(" A.", MAX_TEXT, "x".repeat(13_333));
    const started = performance.now();
    const [diagnose, health] = await Promise.all([
      api.json("/api/v1/rag/diagnose", { symptoms }, { headers: authHeader(clinician.tokens.access_token) }),
      api.client.health.$get(),
    ]);
    const elapsed = performance.now() - started;
    expect(diagnose.res.status, JSON.stringify(diagnose.body).slice(0, 300)).toBe(200);
    expect(diagnose.body).toHaveProperty("safety", { crisis_detected: false, indicators: [], resources: [] });
    expect(health.status).toBe(200);
    expect(elapsed).toBeLessThan(10_000);
  }, 30_000);
});
