/**
 * The detector's engine for a sentence in Spanish, French, German or Portuguese: the English
 * engine's steps (clause.ts) over a language pack. The sentence is folded (lower case, no accents,
 * offsets kept), cut into clauses at the pack's contrastive words, and every rule is matched. A
 * match is dropped when its rule refuses it, when it is about someone else (a relative, partner or
 * friend just before it, or after "antecedentes familiares de"), or when a negation cue governs
 * it: before it within six words, not past a new assertion or (for a predicate) a comma, or right
 * after it ("Ideación suicida: negativa"). Time markers in the finding's comma-delimited stretch,
 * else in its clause, date it; none means current. Evidence quotes the original text.
 *
 * Cost: every pattern is bounded (plain alternatives, gaps of a few words); whatever is read around
 * a finding is a window of at most LEAD_CHARS or NEGATION_CHARS; time markers are found once per
 * clause. So a sentence costs its length times a constant, whatever it holds.
 */

import { evidenceOf } from "../evidence";
import { clauseMentions } from "../rules/rule";
import { execAll, firstStartingFrom, lastEndingBy } from "../spans";
import { KIND_BITS, strongestOf } from "../temporal";
import type { CrisisCategory, Finding, Span, Temporal } from "../types";
import { fold } from "./fold";
import type { ForeignRuleContext, ForeignRuleSpec, LanguagePack } from "./pack";

interface CompiledRule {
  category: CrisisCategory;
  re: RegExp;
  verbal: boolean;
  patientOnly: boolean;
  ownNegation: boolean;
  accept?: ForeignRuleSpec["accept"];
}

interface CompiledPack {
  pack: LanguagePack;
  rules: CompiledRule[];
  thirdParty: RegExp;
  anyKin: RegExp;
}

interface Candidate extends Span {
  category: CrisisCategory;
  verbal: boolean;
  ownNegation: boolean;
}

/** How far before a finding its subject is looked for, and a negation cue. */
const LEAD_CHARS = 100;
const NEGATION_CHARS = 120;
const NEGATION_WORDS = 6;

const compiled = new Map<LanguagePack, CompiledPack>();

function compile(pack: LanguagePack): CompiledPack {
  let done = compiled.get(pack);
  if (done) return done;
  done = {
    pack,
    rules: pack.rules.flatMap(({ category, specs }) =>
      specs.map((spec) => ({
        category,
        re: new RegExp(spec.pattern, "g"),
        verbal: spec.verbal ?? false,
        patientOnly: spec.patientOnly ?? category !== "abuse",
        ownNegation: spec.ownNegation ?? false,
        accept: spec.accept,
      })),
    ),
    // The kin word and at most four words after it, none a comma away: "su hermano [se suicidó]", "mi novio dice que [se quiere morir]".
    // A comma only before "dass", "que", a pronoun: "mein Freund sagt, dass er sterben will", "hat versucht, sich umzubringen".
    thirdParty: new RegExp(
      `\\b${pack.kin}\\b((?:(?:\\s*,\\s*(?=dass\\b|que\\b|qu'|er\\b|sie\\b|il\\b|elle\\b|sich\\b)|\\s+)[^\\s,.;:]+){0,4})(\\s*,)?\\s*$`,
    ),
    anyKin: new RegExp(`\\b${pack.kin}\\b`),
  };
  compiled.set(pack, done);
  return done;
}

function contextOf(clause: string): ForeignRuleContext {
  return { clause, mentions: clauseMentions(clause) };
}

/** Someone else's act or wish: a relative just before it (and no "I" in between), or a family history. */
function aboutSomeoneElse(cp: CompiledPack, ctx: ForeignRuleContext, c: Candidate): boolean {
  const { clause } = ctx;
  const { pack } = cp;
  if (ctx.mentions(cp.anyKin)) {
    const lead = clause.slice(Math.max(0, c.start - LEAD_CHARS), c.start);
    const m = cp.thirdParty.exec(lead);
    const span = clause.slice(c.start, c.end);
    // A comma just before the finding only in German's "hat versucht, sich umzubringen".
    const commaOk = !m?.[2] || (pack.commaContinuation?.test(span) ?? false);
    if (m && commaOk && !pack.firstPerson.test(`${m[1]} ${span}`)) return true;
  }
  if (!ctx.mentions(pack.familyHistory)) return false;
  return pack.familyHistory.test(clause.slice(Math.max(0, c.start - LEAD_CHARS), c.start));
}

const wordCount = (s: string) => execAll(/[a-z0-9]+/g, s).length;

function isNegated(cp: CompiledPack, clause: string, negs: Span[], c: Candidate): boolean {
  const { pack } = cp;
  if (c.ownNegation) return false;
  if (pack.postNegation.test(clause.slice(c.end, c.end + 40))) return true;
  // A cue inside the match: "il ne veut pas mourir", "er will nicht sterben".
  const inside = negs[firstStartingFrom(negs, c.start + 1)];
  if (inside && inside.end <= c.end) return true;
  const neg = negs[lastEndingBy(negs, c.start)];
  if (!neg || c.start - neg.end > NEGATION_CHARS) return false;
  const gap = clause.slice(neg.end, c.start);
  const firstWord = /^\S+/.exec(clause.slice(c.start, c.start + 40))?.[0] ?? "";
  if (pack.scopeEnd.test(`${gap}${firstWord}`)) return false;
  const comma = gap.lastIndexOf(",");
  if (comma >= 0 && c.verbal && !pack.commaContinuation?.test(clause.slice(neg.end + comma + 1, c.end))) return false;
  return wordCount(gap) <= NEGATION_WORDS;
}

interface Marker extends Span {
  kind: Temporal;
}

function markersOf(pack: LanguagePack, clause: string): Marker[] {
  const taken = new Uint8Array(clause.length);
  const found: Marker[] = [];
  for (const kind of ["current", "recent", "historical"] as const) {
    for (const m of execAll(pack[kind], clause)) {
      const start = m.index;
      const end = start + m[0].length;
      if (end === start || taken.subarray(start, end).includes(1)) continue;
      taken.fill(1, start, end);
      found.push({ start, end, kind });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Dates the findings of a clause: the markers of a finding's comma-delimited stretch, else those of
 * its clause; none: current. Each marker and each finding is placed once (binary search over the
 * commas), so a clause full of both costs their sum, not their product.
 */
function dater(clause: string, markers: Marker[]): (c: Candidate) => Temporal {
  const stretches: Span[] = [];
  let from = 0;
  for (const m of execAll(/,/g, clause)) {
    stretches.push({ start: from, end: m.index });
    from = m.index + 1;
  }
  stretches.push({ start: from, end: clause.length });
  const bits = new Uint8Array(stretches.length);
  let all = 0;
  const stretchOf = (pos: number) => Math.max(0, lastEndingBy(stretches, pos) + 1);
  for (const m of markers) {
    all |= KIND_BITS[m.kind];
    bits[stretchOf(m.start)] |= KIND_BITS[m.kind];
  }
  return (c) => strongestOf(bits[stretchOf(c.start)] || all, "current");
}

/** Clauses of the folded sentence as spans, cut at the pack's contrastive words and at ";". */
function clauseSpans(pack: LanguagePack, folded: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (const m of execAll(pack.clauseBreak, folded)) {
    if (m.index > start) out.push({ start, end: m.index });
    start = m.index + (m[0] === ";" ? 1 : 0);
  }
  out.push({ start, end: folded.length });
  return out.filter((s) => /[a-z]{2}/.test(folded.slice(s.start, s.end)));
}

function analyzeClause(cp: CompiledPack, clause: string, original: string): Finding[] {
  const ctx = contextOf(clause);
  if (ctx.mentions(cp.pack.notAFinding)) return [];
  const found: Candidate[] = [];
  for (const r of cp.rules) {
    for (const m of execAll(r.re, clause)) {
      if (!m[0]) continue;
      if (r.accept && !r.accept(m, ctx)) continue;
      const c = { start: m.index, end: m.index + m[0].length, category: r.category, verbal: r.verbal, ownNegation: r.ownNegation };
      if (r.patientOnly && aboutSomeoneElse(cp, ctx, c)) continue;
      found.push(c);
    }
  }
  if (found.length === 0) return [];
  // One candidate per stretch of text and category.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const candidates: Candidate[] = [];
  const lastOf = new Map<CrisisCategory, Candidate>();
  for (const c of found) {
    const same = lastOf.get(c.category);
    if (same && c.start < same.end) {
      same.end = Math.max(same.end, c.end);
      same.ownNegation ||= c.ownNegation;
    } else {
      const copy = { ...c };
      candidates.push(copy);
      lastOf.set(c.category, copy);
    }
  }
  const negs = execAll(cp.pack.negation, clause).map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const live = candidates.filter((c) => !isNegated(cp, clause, negs, c));
  if (live.length === 0) return [];
  const dateOf = dater(clause, markersOf(cp.pack, clause));
  // One finding per category and time in a clause; the evidence is the original clause.
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const c of live) {
    const temporal = dateOf(c);
    const key = `${c.category}\u0000${temporal}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ category: c.category, temporal, evidence: evidenceOf(original, c.start) });
  }
  return out;
}

/** The findings of one sentence in the pack's language. */
export function analyzeForeignSentence(pack: LanguagePack, sentence: string): Finding[] {
  const cp = compile(pack);
  const folded = fold(sentence);
  return clauseSpans(pack, folded).flatMap((s) => analyzeClause(cp, folded.slice(s.start, s.end), sentence.slice(s.start, s.end)));
}

/**
 * A question put to the patient is not a disclosure: it counts only when the next sentence says
 * yes or is ambivalent ("¿Has pensado en quitarte la vida? Sí, a veces."). One the speaker asks of
 * themselves ("¿Para qué seguir viviendo?") is read like any sentence.
 */
export function analyzeForeignQuestion(pack: LanguagePack, question: string, answer: string | undefined): Finding[] {
  if (!pack.secondPerson.test(fold(question))) return analyzeForeignSentence(pack, question);
  if (answer === undefined || !pack.affirmative.test(fold(answer).trim())) return [];
  return analyzeForeignSentence(pack, question);
}
