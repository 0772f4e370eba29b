/**
 * Time markers ("last week", "in 2019", "history of", "currently") and what they make of a
 * finding: current > recent > historical when a finding gets several; no marker means current.
 * "Recent" is within about three months (the C-SSRS looks back 3 months for behaviour).
 */
import { NUM, UNIT } from "./lexicon";
import { execAll } from "./spans";
import type { Span, Temporal } from "./types";

const NUM_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, few: 3, couple: 2, several: 4, many: 10 };

function toNumber(s: string | undefined): number {
  if (!s) return 1;
  const t = s.toLowerCase().replace(/^a\s+/, "").replace(/\s+of$/, "");
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
    re: /\b(?:history\s+of|hx\s+of|h\/o|hx|pmh|pph|in\s+the\s+past|past|previous(?:ly)?|prior(?!\s+to)|remote(?:ly)?|lifetime|former(?:ly)?|used\s+to|long\s+ago|(?:years|decades)\s+ago|as\s+an?\s+(?:child|kid|teen|teenager|adolescent|young\s+(?:adult|man|woman)|youth|minor)|in\s+(?:his|her|their|my)\s+(?:teens|twenties|youth|childhood|adolescence)|(?:during|in)\s+(?:childhood|adolescence|high\s+school|middle\s+school|college)|childhood|growing\s+up|when\s+(?:he|she|they|I)\s+(?:was|were)\s+(?:\d+|young|little|an?\s+(?:child|kid|teen|teenager))|at\s+(?:the\s+)?age\s+(?:of\s+)?\d+|(?:in|during|back\s+in|circa|around)\s+(?:(?:early|late|mid)[-\s]?)?(?:19|20)\d{2})\b/gi,
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

export function strongest(kinds: Temporal[], fallback: Temporal): Temporal {
  if (kinds.includes("current")) return "current";
  if (kinds.includes("recent")) return "recent";
  if (kinds.includes("historical")) return "historical";
  return fallback;
}
