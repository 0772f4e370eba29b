/**
 * Text structure: sentences (newlines, . ! ?, not after "Dr." or an initial), then clauses at
 * contrastive words ("but", "however", "except", ";"...). Negation and time markers never cross a
 * clause: in "denies current SI but reports passive SI last week" the "denies" cannot reach the
 * second SI.
 */

export interface Sentence {
  text: string;
  question: boolean;
}

const ABBREVIATIONS = new Set(["dr", "mr", "mrs", "ms", "st", "vs", "e.g", "i.e", "etc", "approx", "pt", "pts", "jr", "sr", "prof", "mt", "a.m", "p.m", "fig", "hx", "dx", "tx", "rx", "sx", "yo", "y.o", "cf", "al", "inc", "ave", "min", "hr", "hrs", "wk", "wks", "mo", "mos", "yr", "yrs"]);
/** Speaker labels and bullets at the start of a sentence: "Patient: ...", "T: ...", "- ...". */
const SPEAKER =
  /^\s*(?:\[[^\]]{0,20}\]\s*)?(?:(?:patient|pt|client|clinician|therapist|provider|doctor|dr|counsell?or|nurse|interviewer|caller|user|assistant|psychiatrist|psychologist|social\s+worker|sw|md|np|rn|q|a|p|t|c|speaker\s*\d*)\s*(?::|>|-\s)\s*)?(?:[-*•·]\s+)?/i;

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const push = (s: string) => {
    const t = s.replace(SPEAKER, "").trim();
    if (/[A-Za-z]/.test(t)) out.push({ text: t, question: /\?["')\]]*$/.test(t) });
  };
  for (const line of text.split(/\r\n|[\r\n\u2028\u2029]/)) {
    let start = 0;
    for (const m of line.matchAll(/[.!?]+(?=["')\]]*(?:\s|$))/g)) {
      const idx = m.index ?? 0;
      if (m[0] === ".") {
        const word = /([A-Za-z][A-Za-z.]*)$/.exec(line.slice(start, idx))?.[1] ?? "";
        if (ABBREVIATIONS.has(word.toLowerCase()) || /^[A-Z]$/.test(word)) continue; // "Dr.", "e.g.", initials
      }
      push(line.slice(start, idx + m[0].length));
      start = idx + m[0].length;
    }
    push(line.slice(start));
  }
  return out;
}

/** Clause breaks are where negation scope and temporal markers stop. */
const CLAUSE_BREAK = /;|\b(?:but|however|although|though|except|whereas|apart\s+from|aside\s+from|other\s+than|besides|nevertheless|nonetheless)\b/gi;
export const LEADING_JOINER = /^[\s,;:.-]*(?:(?:but|however|although|though|except|whereas|apart\s+from|aside\s+from|other\s+than|besides|nevertheless|nonetheless)\b[\s,;:]*)?/i;

export function splitClauses(sentence: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of sentence.matchAll(CLAUSE_BREAK)) {
    out.push(sentence.slice(start, m.index));
    start = (m.index ?? 0) + (m[0] === ";" ? 1 : 0);
  }
  out.push(sentence.slice(start));
  return out.filter((c) => /[A-Za-z]/.test(c));
}

export function normalize(text: string): string {
  // One character for one, so offsets stay meaningful.
  return text
    .replace(/[\u2018\u2019\u2032\u02BC]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[\u00A0\u2007\u202F\t]/g, " ");
}

