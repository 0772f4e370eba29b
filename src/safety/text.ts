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

const ABBREVIATIONS = new Set([
  "dr",
  "mr",
  "mrs",
  "ms",
  "st",
  "vs",
  "e.g",
  "i.e",
  "etc",
  "approx",
  "pt",
  "pts",
  "jr",
  "sr",
  "prof",
  "mt",
  "a.m",
  "p.m",
  "fig",
  "hx",
  "dx",
  "tx",
  "rx",
  "sx",
  "yo",
  "y.o",
  "cf",
  "al",
  "inc",
  "ave",
  "min",
  "hr",
  "hrs",
  "wk",
  "wks",
  "mo",
  "mos",
  "yr",
  "yrs",
]);
/**
 * Speaker labels and bullets at the start of a sentence: "Patient: ...", "T: ...", "- ...".
 * ("speaker" takes its number as one optional piece so the spaces around it are read one way only.)
 */
const SPEAKER =
  /^\s*(?:\[[^\]]{0,20}\]\s*)?(?:(?:patient|pt|client|clinician|therapist|provider|doctor|dr|counsell?or|nurse|interviewer|caller|user|assistant|psychiatrist|psychologist|social\s+worker|sw|md|np|rn|q|a|p|t|c|speaker(?:\s*\d+)?)\s*(?::|>|-\s)\s*)?(?:[-*•·]\s+)?/i;

const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/;
const TERMINATOR_RUN = /[.!?]+/g;
/** Closing quotes and brackets may follow the full stop: 'She said "no."' */
const CLOSERS = `"')]`;
const SPACE = /\s/;

/** A run of . ! ? ends a sentence when, after any closers, a space or the end of the line follows. */
function endsSentence(line: string, runEnd: number): boolean {
  let k = runEnd;
  while (k < line.length && CLOSERS.includes(line[k])) k++;
  return k === line.length || SPACE.test(line[k]);
}

const isLetter = (c: string) => (c >= "A" && c <= "Z") || (c >= "a" && c <= "z");

/**
 * The word a full stop at `dot` ends ("Dr", "e.g", "A"), not looking before `from`. Read
 * backwards from the stop, so each stop costs only its own word, however long the sentence.
 */
function wordBefore(line: string, from: number, dot: number): string {
  let i = dot;
  while (i > from && (isLetter(line[i - 1]) || line[i - 1] === ".")) i--;
  while (i < dot && line[i] === ".") i++;
  return line.slice(i, dot);
}

/** "Dr.", "e.g.", initials: a full stop that does not end the sentence. */
const isAbbreviation = (word: string) => ABBREVIATIONS.has(word.toLowerCase()) || /^[A-Z]$/.test(word);

function isQuestion(sentence: string): boolean {
  let k = sentence.length;
  while (k > 0 && CLOSERS.includes(sentence[k - 1])) k--;
  return k > 0 && sentence[k - 1] === "?";
}

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const push = (s: string) => {
    const t = s.replace(SPEAKER, "").trim();
    if (/[A-Za-z]/.test(t)) out.push({ text: t, question: isQuestion(t) });
  };
  for (const line of text.split(LINE_BREAK)) {
    let start = 0;
    TERMINATOR_RUN.lastIndex = 0;
    for (let m = TERMINATOR_RUN.exec(line); m !== null; m = TERMINATOR_RUN.exec(line)) {
      const end = m.index + m[0].length;
      if (!endsSentence(line, end)) continue;
      if (m[0] === "." && isAbbreviation(wordBefore(line, start, m.index))) continue;
      push(line.slice(start, end));
      start = end;
    }
    push(line.slice(start));
  }
  return out;
}

/**
 * Clause breaks are where negation scope and temporal markers stop. "Yet" is one when it contrasts
 * ("denies intent, yet has been stockpiling pills"), not in "not yet", "as yet" or "yet another".
 */
const CLAUSE_BREAK =
  /;|\b(?:but|however|although|though|except|whereas|apart\s+from|aside\s+from|other\s+than|besides|nevertheless|nonetheless)\b|\byet\b(?!\s+(?:to|another|again|more|further|unknown|unclear)\b)/gi;
/** "Not yet", "never yet", "as yet": read from the few characters before a "yet", not by a lookbehind at every position. */
const NOT_YET = /(?:\b(?:not|never|nor|as)|n't)\s{1,3}$/i;
export const LEADING_JOINER =
  /^[\s,;:.-]*(?:(?:but|however|although|though|except|whereas|apart\s+from|aside\s+from|other\s+than|besides|nevertheless|nonetheless|yet)\b[\s,;:]*)?/i;

export function splitClauses(sentence: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of sentence.matchAll(CLAUSE_BREAK)) {
    if (/^yet$/i.test(m[0]) && NOT_YET.test(sentence.slice(Math.max(0, m.index - 10), m.index))) continue;
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
