/**
 * A note states only what its source says (docs/api.md §10, §12). Every statement carries the
 * character spans of the source text (or transcript) it rests on; the spans are computed HERE,
 * from the verbatim quotes the model gives, never taken from the model: a model's offsets cannot
 * be checked cheaply and are often off by a few characters, a quote either is in the source or is
 * not. A statement with a quote we cannot find is unsupported and kept out of the sections.
 *
 * Risk is a special case: a note must never say "denies suicidal ideation" unless the session
 * said so. Risk statements therefore come from the crisis detector (with the spans of the
 * sentences it matched), and a model statement about risk survives only when one of its located
 * quotes is itself about risk (the source says it, in its own words).
 */
import type { CrisisIndicator, SafetyBlock } from "../safety/crisis";
import { NOT_DOCUMENTED } from "./notes.schemas";

export interface Span {
  start: number;
  end: number;
}
export interface Statement {
  text: string;
  spans: Span[];
}
/** What the model writes for a statement: its words and the source's, verbatim. */
export interface ModelStatement {
  text: string;
  quotes: string[];
}

/** A sentence of the source with where it is: `source.slice(start, end) === text`. */
export interface SourceSentence extends Span {
  text: string;
}

const MAX_SENTENCES = 400;
const SENTENCE_BREAK = /\n+|(?<=[.!?])\s+/g;

/** Sentences at ., ! or ? followed by a space, and at line breaks, with their offsets; one pass. */
export function sourceSentences(source: string): SourceSentence[] {
  const out: SourceSentence[] = [];
  let from = 0;
  const take = (end: number) => {
    const raw = source.slice(from, end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (/[A-Za-z]/.test(text) && out.length < MAX_SENTENCES) out.push({ text, start: from + lead, end: from + lead + text.length });
  };
  SENTENCE_BREAK.lastIndex = 0;
  for (let m = SENTENCE_BREAK.exec(source); m !== null; m = SENTENCE_BREAK.exec(source)) {
    take(m.index);
    from = m.index + m[0].length;
  }
  take(source.length);
  return out;
}

/**
 * Case, typographic quotes and dashes, and runs of whitespace folded, one character of the result
 * for one of the source, so a match in the folded text maps back to source offsets (`at`).
 */
interface Folded {
  text: string;
  at: number[];
}
const foldChar = (c: string) =>
  c
    .replace(/[\u2018\u2019\u2032\u02BC`]/, "'")
    .replace(/[\u201C\u201D]/, '"')
    .replace(/[\u2010-\u2015\u2212]/, "-")
    .toLowerCase();

function fold(text: string): Folded {
  let out = "";
  const at: number[] = [];
  let space = false;
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i])) {
      space = out.length > 0;
      continue;
    }
    if (space) {
      out += " ";
      at.push(i);
      space = false;
    }
    const c = foldChar(text[i]);
    // toLowerCase keeps the length of every character that matters here; guard anyway.
    for (let k = 0; k < c.length; k++) {
      out += c[k];
      at.push(i);
    }
  }
  return { text: out, at };
}

/** A quote too short to tell one place of the source from another ("a", "no") supports nothing. */
const MIN_QUOTE_LETTERS = 4;
/** Quote marks and ellipses a model wraps a quote in are not part of it. */
const WRAPPING = /^[\s"'“”‘’«»…]+|[\s"'“”‘’«»…]+$/g;

/** Finds quotes in one source: exact first, then with case, whitespace and typography folded. */
export class SourceLocator {
  private folded: Folded | null = null;
  constructor(readonly source: string) {}

  locate(quote: string): Span | null {
    const wanted = quote.replace(WRAPPING, "").replace(/\.\.\.$/, "");
    if ((wanted.match(/[\p{L}\p{N}]/gu)?.length ?? 0) < MIN_QUOTE_LETTERS) return null;
    const exact = this.source.indexOf(wanted);
    if (exact >= 0) return { start: exact, end: exact + wanted.length };
    this.folded ??= fold(this.source);
    const needle = fold(wanted).text;
    const at = this.folded.text.indexOf(needle);
    if (at < 0) return null;
    return { start: this.folded.at[at], end: this.folded.at[at + needle.length - 1] + 1 };
  }
}

/** Sorted, overlapping or touching spans joined. */
function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const span of sorted) {
    const last = out.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else out.push({ ...span });
  }
  return out;
}

/**
 * Statements about suicide, self-harm, harm to others, abuse or safety: asserted ("reports SI")
 * or denied ("denies SI", "no safety concerns") alike, since a denial the session never made is
 * the most dangerous thing a note can invent. Abbreviations only in capitals, as the detector reads them.
 */
const RISK_WORDS =
  /\b(?:suicid\w*|self[- ]?harm\w*|self[- ]?injur\w*|kill\w*|homicid\w*|overdos\w*|cutting|hurt(?:ing)? (?:him|her|them)sel(?:f|ves)|harm(?:ing)? (?:to )?(?:others|someone|anyone|him|her|them|sel(?:f|ves)|(?:him|her|them)sel(?:f|ves))|abus\w*|violen\w*|unsafe|safe(?:ty)?|danger\w*|wish(?:es|ed)? (?:to be|(?:she|he|they) (?:was|were)) dead|want(?:s|ed)? to die|end (?:his|her|their|my) life)\b/i;
const RISK_ABBREVIATIONS = /\b(?:SI|HI|NSSI|SIB|DV|IPV)\b/;
const mentionsRisk = (text: string) => RISK_WORDS.test(text) || RISK_ABBREVIATIONS.test(text);
/** A denial or absence ("denies SI", "no safety concerns", "negative for HI"). */
const DENIAL = /\b(?:den(?:y|ies|ied|ying)|no|not|never|none|negative for|without|absent)\b/i;
/**
 * A risk statement must say what its quotes say, in the same sense: "Denies suicidal ideation"
 * quoting "has been thinking about killing herself" inverts the source, the worst error a note
 * can make, so a denial must quote a denial and an assertion must quote an assertion.
 */
const sameSense = (statement: string, quoted: string) => DENIAL.test(statement) === DENIAL.test(quoted);

/** Numbers a statement states ("GAD-7 score 15", "3 weeks") must be in what it quotes. */
const NUMBER = /\d+(?:[.,]\d+)?/g;
function numbersQuoted(statement: string, quoted: string): boolean {
  const inQuotes = new Set(quoted.match(NUMBER) ?? []);
  return (statement.match(NUMBER) ?? []).every((number) => inQuotes.has(number));
}

/**
 * The model's statement with its spans, or why it has none: `unsupported` (a quote is not in the
 * source, or it has no quote, or it states a number its quotes do not), `risk` (about risk, and
 * none of its quotes is). Every quote must be found: a quote the source does not hold is
 * invented support, and the statement resting on it cannot be trusted either.
 */
function groundStatement(locator: SourceLocator, statement: ModelStatement): Statement | "unsupported" | "risk" {
  const text = statement.text.trim();
  const spans: Span[] = [];
  for (const quote of statement.quotes) {
    const span = locator.locate(quote);
    if (!span) return "unsupported";
    spans.push(span);
  }
  if (!spans.length) return "unsupported";
  const quoted = spans.map((span) => locator.source.slice(span.start, span.end)).join(" ");
  if (mentionsRisk(text) && !(mentionsRisk(quoted) && sameSense(text, quoted))) return "risk";
  if (!numbersQuoted(text, quoted)) return "unsupported";
  return { text, spans: mergeSpans(spans) };
}

/**
 * The sentences of the source that hold an indicator's evidence: the detector's clause (maybe cut
 * with "…"), or a question and its answer, read apart since a speaker label may sit between them.
 * Located here rather than carried out of the detector: it reads a normalised, label-stripped copy
 * of each sentence, so its offsets would need mapping back anyway, and this costs it nothing.
 */
function evidenceSpans(locator: SourceLocator, sentences: SourceSentence[], indicator: CrisisIndicator): Span[] {
  const spans: Span[] = [];
  for (const piece of indicator.evidence.split(/…|(?<=[.!?])\s+/)) {
    const found = piece.trim() ? locator.locate(piece) : null;
    if (!found) continue;
    const sentence = sentences.find((s) => s.start <= found.start && found.start < s.end);
    spans.push(sentence ? { start: sentence.start, end: Math.max(sentence.end, found.end) } : found);
  }
  return mergeSpans(spans);
}

const TEMPORAL_WORDS: Record<CrisisIndicator["temporal"], string> = { current: "current", recent: "recent", historical: "historical" };

/**
 * The detector's findings over the source, as statements: what it found, in the source's own
 * sentence, with that sentence's span (its evidence, unspanned, in the rare case the sentence
 * cannot be found). Only findings in the source field (not the client context) are stated here;
 * the others are in `risk` and `safety` already.
 */
export function riskStatements(source: string, safety: SafetyBlock, field: string, locator = new SourceLocator(source)): Statement[] {
  const sentences = sourceSentences(source);
  const seen = new Set<string>();
  return safety.indicators.flatMap((indicator) => {
    if (indicator.field !== field) return [];
    const spans = evidenceSpans(locator, sentences, indicator);
    // A finding is never dropped for want of a span: the detector, not the source's wording, is its support.
    const quoted = spans.length
      ? spans.map((span) => source.slice(span.start, span.end).replace(/\s+/g, " ")).join(" … ")
      : indicator.evidence;
    const text = `Risk screen (${indicator.category.replaceAll("_", " ")}, ${TEMPORAL_WORDS[indicator.temporal]}): "${quoted}"`;
    if (seen.has(text)) return [];
    seen.add(text);
    return [{ text, spans }];
  });
}

export interface GroundedNote {
  sections: Record<string, string>;
  statements: Record<string, Statement[]>;
  unsupported: string[];
}

/**
 * The note as the clinician gets it: per section, the supported statements (and, in `riskSection`,
 * the detector's), the section text rebuilt from them alone; unsupported statements apart; model
 * statements about risk that the source does not state dropped, since risk is the detector's to say.
 */
export function groundNote(
  source: string,
  sectionNames: readonly string[],
  written: Record<string, ModelStatement[] | undefined>,
  risk: { statements: Statement[]; section: string },
  locator = new SourceLocator(source),
): GroundedNote {
  const statements: Record<string, Statement[]> = {};
  const unsupported: string[] = [];
  for (const name of sectionNames) {
    const kept: Statement[] = [];
    for (const statement of written[name] ?? []) {
      if (!statement.text.trim() || statement.text.trim() === NOT_DOCUMENTED) continue;
      const grounded = groundStatement(locator, statement);
      if (grounded === "unsupported") unsupported.push(statement.text.trim());
      else if (grounded !== "risk") kept.push(grounded);
    }
    if (name === risk.section) kept.push(...risk.statements);
    statements[name] = kept;
  }
  return { sections: sectionsFrom(sectionNames, statements), statements, unsupported: [...new Set(unsupported)] };
}

/** Each section's text: its statements, in order, or NOT_DOCUMENTED when it has none. */
export function sectionsFrom(sectionNames: readonly string[], statements: Record<string, Statement[]>): Record<string, string> {
  return Object.fromEntries(
    sectionNames.map((name) => {
      const texts = (statements[name] ?? []).map((statement) => statement.text);
      return [name, texts.length ? texts.join(" ") : NOT_DOCUMENTED];
    }),
  );
}
