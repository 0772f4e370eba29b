/**
 * Time markers ("last week", "in 2019", "history of", "currently") and what they make of a
 * finding: current > recent > historical when a finding gets several; no marker means current.
 * "Recent" is within about three months (the C-SSRS looks back 3 months for behaviour).
 */
import { NUM, UNIT } from "./lexicon";
import { execAll, firstStartingFrom, lastEndingBy } from "./spans";
import type { Span, Temporal } from "./types";

const NUM_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  few: 3,
  couple: 2,
  several: 4,
  many: 10,
};

function toNumber(s: string | undefined): number {
  if (!s) return 1;
  const t = s
    .toLowerCase()
    .replace(/^a\s+/, "")
    .replace(/\s+of$/, "");
  return /^\d+$/.test(t) ? Number(t) : (NUM_WORDS[t] ?? 1);
}

/** Within about three months is recent (hours, days, weeks, ≤ 3 months); longer is historical. */
function byQuantity(m: RegExpExecArray): Temporal {
  const unit = (m.groups?.u ?? "").toLowerCase();
  if (/^(?:h|d|n|w)/.test(unit)) return "recent";
  if (/^mo/.test(unit)) return toNumber(m.groups?.n) <= 3 ? "recent" : "historical";
  return "historical";
}

const TEMPORAL_MARKERS: Array<{ re: RegExp; kind: Temporal | ((m: RegExpExecArray) => Temporal) }> = [
  { re: new RegExp(`\\b(?<n>${NUM})\\s+(?<u>${UNIT})\\s+(?:ago|prior|before|earlier|back)\\b`, "gi"), kind: byQuantity },
  { re: new RegExp(`\\b(?:past|last|previous|prior|preceding)\\s+(?:(?<n>${NUM})\\s+)?(?<u>${UNIT})\\b`, "gi"), kind: byQuantity },
  {
    re: /\b(?:yesterday|last\s+(?:night|evening)|this\s+(?:morning|afternoon|evening|week|weekend|month)|earlier\s+(?:today|this\s+week)|over\s+the\s+weekend|recent(?:ly)?|lately|the\s+other\s+(?:day|night)|(?:on|last|this\s+past)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|prior\s+to\s+(?:admission|arrival|presentation|(?:this|the)\s+(?:visit|admission|appointment|session))|PTA|since\s+(?:discharge|(?:the\s+|our\s+)?last\s+(?:visit|session|appointment)))\b/gi,
    kind: "recent",
  },
  {
    re: /\b(?:currently|current|presently|at\s+present|right\s+now|now|today|tonight|at\s+(?:this\s+time|the\s+moment)|ongoing|active(?:ly)?|still|continues\s+to|continuing|persistent|in\s+session|this\s+session|on\s+(?:exam|interview|evaluation|assessment))\b/gi,
    kind: "current",
  },
  {
    // Bare years and dates are not read: a note dated this year must not turn current risk historical.
    re: /\b(?:history\s+of|hx\s+of|h\/o|hx|pmh|pph|in\s+the\s+past|past|previous(?:ly)?|prior(?!\s+to)|remote(?:ly)?|lifetime|formerly|former(?!\s+(?:partner|husband|wife|boyfriend|girlfriend|spouse|fianc\w*|friends?|employer|boss|colleagues?|co-?workers?|teachers?|coach|carers?|roommates?|flatmates?|classmates?))|used\s+to|long\s+ago|(?:years|decades)\s+ago|as\s+an?\s+(?:child|kid|teen|teenager|adolescent|young\s+(?:adult|man|woman|girl|boy)|youth|minor|(?:little\s+)?(?:girl|boy)|schoolgirl|schoolboy)|aged\s+\d{1,2}\b|(?:in|during|throughout)\s+(?:his|her|their|my)\s+(?:(?:early|late|mid)[-\s]?)?(?:teens|teenage\s+years|twenties|thirties|[1-9]0s|youth|childhood|adolescence)|historically|(?:his|her|their|my)\s+first\s+(?:husband|wife|marriage|partner|boyfriend|girlfriend)|(?:during|in)\s+(?:childhood|adolescence|high\s+school|middle\s+school|college)|childhood|growing\s+up|when\s+(?:he|she|they|I)\s+(?:was|were)\s+(?:\d+|young|younger|little|an?\s+(?:child|kid|teen|teenager))|at\s+(?:the\s+)?age\s+(?:of\s+)?\d+|(?:in|during|back\s+in|circa|around)\s+(?:(?:early|late|mid)[-\s]?)?(?:19|20)\d{2})\b/gi,
    kind: "historical",
  },
];

export interface Marker extends Span {
  kind: Temporal;
}

export function temporalMarkers(text: string): Marker[] {
  const found: Marker[] = [];
  // Earlier patterns win overlaps: "past week" is recent, not "past" (historical).
  const taken = new Uint8Array(text.length);
  for (const { re, kind } of TEMPORAL_MARKERS) {
    for (const m of execAll(re, text)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (taken.subarray(start, end).includes(1)) continue;
      taken.fill(1, start, end);
      found.push({ start, end, kind: typeof kind === "function" ? kind(m) : kind });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** A set of kinds as bits, so dating a finding many times costs nothing more than dating it once. */
export const KIND_BITS: Record<Temporal, number> = { current: 1, recent: 2, historical: 4 };

/** current > recent > historical; `fallback` when the set is empty. */
export function strongestOf(bits: number, fallback: Temporal): Temporal {
  if (bits & KIND_BITS.current) return "current";
  if (bits & KIND_BITS.recent) return "recent";
  if (bits & KIND_BITS.historical) return "historical";
  return fallback;
}

export function strongest(kinds: Temporal[], fallback: Temporal): Temporal {
  return strongestOf(
    kinds.reduce((bits, kind) => bits | KIND_BITS[kind], 0),
    fallback,
  );
}

const distance = (a: Span, b: Span) => (a.end <= b.start ? b.start - a.end : a.start >= b.end ? a.start - b.end : 0);

/**
 * The kinds (as bits) each finding of a clause is dated with; `findings` sorted by start. A time
 * marker dates every finding in its comma-delimited stretch ("suicide attempt by overdose as a
 * teenager"); a marker in a stretch with no finding dates the nearest one ("history of cutting,
 * last episode two days ago"), looking back at most `reach` characters. Negated findings count
 * as nearest, so "today" in "no SI today, cutting last week" cannot drift onto the cutting.
 *
 * The markers of a stretch are gathered first and its findings dated once, so a stretch full of
 * both ("SI now SI now ...") costs markers + findings, not their product.
 */
export function dateFindings(clause: string, findings: Span[], reach: number): Uint8Array {
  const bits = new Uint8Array(findings.length);
  const stretches: Span[] = [];
  let stretchStart = 0;
  for (const m of execAll(/,/g, clause)) {
    stretches.push({ start: stretchStart, end: m.index });
    stretchStart = m.index + 1;
  }
  stretches.push({ start: stretchStart, end: clause.length });
  const stretchBits = new Uint8Array(stretches.length);
  for (const marker of temporalMarkers(clause)) {
    const s = Math.min(Math.max(0, lastEndingBy(stretches, marker.start) + 1), stretches.length - 1);
    const i = firstStartingFrom(findings, stretches[s].start);
    if (i < findings.length && findings[i].start <= stretches[s].end) {
      stretchBits[s] |= KIND_BITS[marker.kind];
      continue;
    }
    // Nearest: the neighbours in start order, and any earlier finding long enough to reach it.
    let best = -1;
    for (let j = Math.min(i, findings.length - 1); j >= 0; j--) {
      if (best < 0 || distance(marker, findings[j]) < distance(marker, findings[best])) best = j;
      if (marker.start - findings[j].start > reach) break;
    }
    if (i < findings.length && (best < 0 || distance(marker, findings[i]) < distance(marker, findings[best]))) best = i;
    if (best >= 0) bits[best] |= KIND_BITS[marker.kind];
  }
  stretchBits.forEach((kinds, s) => {
    if (!kinds) return;
    for (let i = firstStartingFrom(findings, stretches[s].start); i < findings.length && findings[i].start <= stretches[s].end; i++)
      bits[i] |= kinds;
  });
  return bits;
}
