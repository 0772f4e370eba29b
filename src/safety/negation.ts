/**
 * Negation: which findings a "denies", "no", "never", "negative for", "SI: none"... takes back.
 * A trigger's scope ends at a clause break, at a new assertion ("reports", "endorses"...), at a
 * comma that starts something other than a list of symptoms, or after a few words.
 */
import { execAll, lastEndingBy } from "./spans";
import type { Candidate, Span } from "./types";

/** Look like negation but are not ("no one would care if I died", "cannot rule out SI"): masked first. */
const PSEUDO_NEGATION =
  /\b(?:not\s+(?:only|just|sure|certain|clear|necessarily)|no\s+(?:one|matter|changes?|improvement|better|longer\s+den(?:ies|ying))|nobody|no-one|if\s+not|whether\s+or\s+not|(?:does|did|do)(?:\s+not|n't)\s+deny|not\s+denying|not\s+ruled\s+out|(?:can't|cannot|can\s+not|couldn't|could\s+not|unable\s+to)\s+(?:rule\s+out|stop|help|get\s+rid|shake|contract|guarantee|commit|agree|promise|keep)|(?:don't|doesn't|won't|didn't|do\s+not|does\s+not|will\s+not|did\s+not|never)\s+(?:stop|go\s+away))\b/gi;

/**
 * Negation triggers. A reporting verb right after one belongs to it ("does not endorse", "never
 * reported"), so that verb does not end the scope the way "endorses" does in "denies HI, endorses SI".
 */
const NEGATION =
  /\b(?:den(?:y|ies|ied|ying)|no(?!\s*[,.!?:;])|not|never|without|w\/o|negative\s+for|neg\s+for|free\s+of|absence\s+of|ruled\s+out|rules\s+out|nor|neither|(?:does|did|do|has|have|had|is|was|are|were|would|could|should)(?:\s+not|n't)|can't|cannot|won't|no\s+longer|(?:asked|asking|screened|screening|assessed|assessing|evaluated|evaluating|inquired|queried|questioned)\s+(?:about|for|regarding|re|if|whether))(?:\s+(?:endors(?:e|ed|es|ing)|report(?:s|ed|ing)?|express(?:es|ed|ing)?|voic(?:e|es|ed|ing)|describ(?:e|es|ed|ing)|admit(?:s|ted|ting)?(?:\s+to)?|acknowledg(?:e|es|ed|ing)|experienc(?:e|es|ed|ing)|exhibit(?:s|ed|ing)?|display(?:s|ed|ing)?|demonstrat(?:e|es|ed|ing)|verbali[sz](?:e|es|ed|ing)|disclos(?:e|es|ed|ing)|indicat(?:e|es|ed|ing)|stat(?:e|es|ed|ing)|present(?:s|ed|ing)?\s+with|have|having|had))?\b/gi;

/** End a negation's scope: a contrast, or a new assertion ("denies HI, endorses SI"). */
const SCOPE_END =
  /\b(?:but|however|although|though|except|whereas|apart\s+from|aside\s+from|other\s+than|besides|nevertheless|nonetheless|report(?:s|ed|ing)?|endors(?:e|es|ed|ing)|admit(?:s|ted|ting)?|acknowledg(?:e|es|ed|ing)|stat(?:es|ed|ing)|says|said|describ(?:es|ed|ing)|disclos(?:es|ed|ing)|express(?:es|ed|ing)|present(?:s|ed|ing)|continu(?:es|ed)|still|positive\s+for|complain(?:s|ed|ing)?\s+of|c\/o|now\s+(?:has|have|with|endorses|reports)|and\s+(?:he|she|they|I|pt|patient|client|is|was|has|had|feels|felt|wants|wanted|wishes|thinks|started|began|now|then|later|also))\b/i;

/** Ideation whose own "never" or "don't" is part of what it says ("you'll never see me again"): masked for findings. */
const FINDING_PSEUDO_NEGATION =
  /\b(?:(?:never|won't|will\s+not)\s+(?:ever\s+)?see\s+me|(?:don't|do\s+not|doesn't|does\s+not)\s+think\s+(?:anyone|anybody|people|they)\s+would\s+(?:notice|care|miss))\b/gi;

/**
 * A finding's negation also ends at a concession: "denies SI despite an overdose last week", "denies
 * intent while giving away her belongings". (Retrieval's denied stretches end at SCOPE_END alone.)
 */
const FINDING_SCOPE_END = new RegExp(
  `${SCOPE_END.source}|\\b(?:despite|in\\s+spite\\s+of|while|whilst|even\\s+so|regardless\\s+of)\\b`,
  "i",
);

/** A finding that closes a denied list as a gerund: "..., or wanting to die", "..., nor feeling like a burden". */
const LISTED_GERUND = /^\s*(?:or|nor)\s+(?:any\s+)?[A-Za-z]+ing\b/i;

/** A word that starts a new predicate after a comma: "denies SI, has been stockpiling pills", "..., she gave away her dog". */
const NEW_PREDICATE =
  /^(?:he|she|they|I|pt|patient|client|is|was|are|were|has|had|have|feels|felt|says|said|thinks|thought|wants|wanted|wishes|wished|hopes|hoped|prays|believes|seems|keeps|kept|gave|gives|wrote|writes|took|takes|bought|buys|can't|cannot|won't|will|would|could|just|recently|then)$/i;

/**
 * After the finding: "SI: none", "SI/HI denied", "HI (-)", "suicidal ideation is denied", "SI resolved".
 * Each run of spaces can be read only one way (a mark is followed by its own spaces), so a
 * failing test costs one pass over its window.
 */
const POST_NEGATION = new RegExp(
  "^(?:\\s*(?:\\/|,|&|and|or)\\s*(?:SI|HI|AVH|AH|VH|NSSI|IPV|DV|homicidal\\s+ideation|suicidal\\s+ideation|self[-\\s]?harm|plan|intent))*\\s*" +
    "(?:\\((?:\\s*-\\s*|\\s*neg(?:ative)?\\s*|\\s*none\\s*|\\s*denied\\s*|\\s*no\\s*)\\)" +
    "|(?:[:=-]\\s*)?(?:(?:is|was|are|were)\\s+)?(?:(?:pt|patient|client)\\s+)?(?:(?:none|nil|denie[sd]|negative|neg|absent|n\\/a|ruled\\s+out|not\\s+(?:present|endorsed|reported|elicited|indicated|applicable|warranted|assessed|currently|at\\s+this\\s+time))(?![A-Za-z])|no(?=\\s*(?:[.,;)]|$))|-(?=\\s*(?:[.,;)\\/]|$)))" +
    "|(?:,\\s*)?(?:(?:now|since|which)\\s+)?(?:has\\s+|have\\s+)?(?:resolved|remitted|subsided)\\b)",
  "i",
);
/**
 * "History of SI, currently denies": the history stands, the present does not. Only when nothing
 * follows the denial: "endorses SI, currently denies plan" must stay current.
 */
export const POST_NOT_CURRENT =
  /(?:^|,|\band\b)\s*(?:but\s+)?(?:(?:currently|now|today)\s+den(?:ies|ied|ying)(?:\s+(?:it|this|any|them|SI))?|den(?:ies|ied|ying)\s+(?:current(?:ly)?|now|today|at\s+this\s+time)(?:\s+(?:SI|it|this))?|none\s+(?:currently|now|since|today|at\s+this\s+time))\s*(?:[.;!]\s*)?$/i;

/** Words a negated list of symptoms is made of: "denies depression, anxiety, SI". */
const LIST_WORDS = new Set(
  (
    "or and nor any current past recent active passive plan plans intent intention means ideation ideations thoughts thought behavior behaviors behaviour behaviours urges " +
    "avh ah vh hallucinations hallucination auditory visual delusions delusion paranoia paranoid psychosis psychotic symptoms mania manic depression depressed depressive anxiety " +
    "anxious hopelessness helplessness worthlessness hopeless worthless aggression aggressive violence violent substance use alcohol drugs drug etoh history of hx feeling feelings " +
    "fever fevers chills pain nausea vomiting suicidal homicidal abuse trauma neglect weapons weapon firearms firearm guns access to irritability impulsivity agitation insomnia " +
    "sleep appetite problems issues concerns thinking harm self others attempts attempt gestures physical sexual " +
    "emotional verbal domestic panic attacks ptsd ocd obsessions compulsions cutting burning scratching hitting overdose overdoses overdosing stockpiling hoarding"
  ).split(" "),
);
const VERBISH =
  /(?:ing|ed)$|^(?:is|was|are|were|has|had|have|wants|feels|felt|says|said|thinks|seems|appears|looks|sleeps|eats|cries|drinks|uses|keeps|gets|got)$/i;

export function negationSpans(clause: string): Span[] {
  const masked = clause.replace(PSEUDO_NEGATION, (s) => "~".repeat(s.length)).replace(FINDING_PSEUDO_NEGATION, (s) => "~".repeat(s.length));
  return execAll(NEGATION, masked).map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
}

const words = (s: string) =>
  s
    .trim()
    .split(/\s+/)
    .filter((w) => /[A-Za-z0-9]/.test(w));

/** A comma-delimited piece of a negated list that holds no finding: symptom words, or a word or two. */
function isListText(segment: string): boolean {
  const ws = words(segment).map((w) => w.replace(/[^A-Za-z0-9/-]/g, ""));
  // Symptom words, or all-caps abbreviations (AVH, PTSD).
  if (ws.every((w) => LIST_WORDS.has(w.toLowerCase()) || /^[A-Z]{2,5}$/.test(w))) return true;
  return ws.length <= 2 && !ws.some((w) => VERBISH.test(w));
}

const NEGATION_WINDOW_WORDS = 6;

/** A negated list longer than this is not a list: the scope has ended somewhere. Also bounds the work. */
export const NEGATION_REACH_CHARS = 300;

/**
 * Whether `candidates[index]` is negated. `candidates` are sorted by start; the earlier ones
 * let a negation run on through a list ("denies SI, HI, or thoughts of harming others").
 * Everything read lies within NEGATION_REACH_CHARS of the finding.
 */
export function isNegated(clause: string, negs: Span[], candidates: Candidate[], index: number): boolean {
  const c = candidates[index];
  if (POST_NEGATION.test(clause.slice(c.end, c.end + 120))) return true;
  const neg = negs[lastEndingBy(negs, c.start)];
  if (!neg || c.start - neg.end > NEGATION_REACH_CHARS) return false;
  const gap = clause.slice(neg.end, c.start);
  // The finding's first word is included: "No appetite and wants to die" ends the scope at "and wants".
  if (FINDING_SCOPE_END.test(clause.slice(neg.end, c.start + (/^\S+/.exec(clause.slice(c.start, c.start + 40))?.[0].length ?? 0))))
    return false;
  // The earlier findings between the negation and this one, in start order.
  let first = index;
  while (first > 0 && candidates[first - 1].start >= neg.end) first--;
  const inner = candidates.slice(first, index).filter((o) => o.end <= c.start);
  // Commas: the scope runs on through a list of findings or symptoms, and stops at anything else.
  let segStart = neg.end;
  const commas = execAll(/,/g, gap).map((m) => neg.end + m.index);
  // A predicate after a comma starts a new statement ("No sleep, wants to die"), unless it is a
  // gerund closing the denied list ("denies hopelessness, worthlessness, or wanting to die").
  const lastPiece = commas.length > 0 ? clause.slice(commas[commas.length - 1] + 1, c.end) : "";
  if (commas.length > 0 && c.verbal && !LISTED_GERUND.test(lastPiece)) return false;
  // The furthest end among the findings starting before the current comma: a piece holds a finding when that end passes its start.
  let next = 0;
  let reach = -1;
  for (const comma of commas) {
    for (; next < inner.length && inner[next].start < comma; next++) reach = Math.max(reach, inner[next].end);
    if (reach <= segStart && !isListText(clause.slice(segStart, comma))) return false;
    segStart = comma + 1;
  }
  // After the last comma, a new predicate ends the list: "denies intent, has been stockpiling pills".
  if (commas.length > 0 && NEW_PREDICATE.test(words(clause.slice(segStart, c.end))[0]?.replace(/[^A-Za-z']/g, "") ?? "")) return false;
  // Chain through earlier findings: "denies SI or thoughts of harming others".
  const from = inner.reduce((furthest, o) => Math.max(furthest, o.end), segStart);
  return words(clause.slice(from, c.start)).length <= NEGATION_WINDOW_WORDS;
}

/**
 * Denial and absence, the negations a note uses to rule something out: "denies", "no history of",
 * "negative for", "nil", "ruled out". Narrower than NEGATION on purpose: for a reader of words a
 * negated verb is often the symptom itself ("can't sleep", "does not speak at school", "no
 * interest in anything"), so "not", "never", "without" and a bare "no" are not taken as denial.
 */
const DENIAL =
  /\b(?:den(?:y|ies|ied|ying)|negative\s+for|neg\s+for|free\s+of|absence\s+of|ruled\s+out|rules\s+out|nil|no(?:\s+(?:known|personal|past|prior|previous|current|recent|reported|other|significant))?\s+(?:history|hx|h\/o|evidence|signs?|episodes?|periods?|features|reports?|use|abuse|misuse|psychotic|psychosis|mania|manic|hypomania|hypomanic|substance|substances|alcohol|etoh|drugs?|drinking|suicidal|si|hi|self[-\s]?harm|trauma|seizures?|head\s+injury|medical))\b/gi;

/** A list piece whose own words deny it, after the subject: "psychosis ruled out", "etOH: nil", "SI denied". */
const DENIED_AFTER =
  /(?:[:=-]\s*|\s)(?:(?:is|was|are|were|has\s+been|have\s+been)\s+)?(?:none|nil|denied|negative|neg|absent|ruled\s+out|excluded|not\s+(?:present|endorsed|reported|elicited)|resolved)\b/i;

/** A piece of a denied list: a few words, none a verb ("alcohol, cannabis or other drugs"). */
const isDeniedListPiece = (piece: string) => {
  const ws = words(piece);
  return ws.length <= 5 && !ws.some((w) => VERBISH.test(w.replace(/[^A-Za-z]/g, "")));
};

/**
 * The stretches of a clause that a denial takes back, for readers that match words rather than
 * findings (knowledge retrieval: "denies alcohol use" must not find alcohol use disorder). A
 * stretch ends where a finding's scope would: at a new assertion or contrast (SCOPE_END), at a
 * comma followed by anything but more list items, or NEGATION_WINDOW_WORDS words on. A comma piece
 * denied by its own last words ("psychosis ruled out by neurology") is taken back up to them.
 */
export function deniedStretches(clause: string): Span[] {
  const masked = clause.replace(PSEUDO_NEGATION, (s) => "~".repeat(s.length));
  const stretches: Span[] = [];
  for (const m of execAll(DENIAL, masked)) {
    const from = m.index + m[0].length;
    const window = clause.slice(from, from + NEGATION_REACH_CHARS);
    const scopeEnd = SCOPE_END.exec(window);
    let end = from + (scopeEnd ? scopeEnd.index : window.length);
    // Through a list ("denies alcohol, cannabis or other drugs"), and no further.
    let pieceStart = from;
    for (const comma of execAll(/,/g, clause.slice(from, end)).map((c) => from + c.index)) {
      if (pieceStart > from && !isDeniedListPiece(clause.slice(pieceStart, comma))) break;
      pieceStart = comma + 1;
    }
    if (pieceStart > from && !isDeniedListPiece(clause.slice(pieceStart, end))) end = pieceStart - 1;
    // The first piece reaches a few words at most.
    const firstEnd = pieceStart > from ? clause.indexOf(",", from) : end;
    const firstWords = execAll(/\S+/g, clause.slice(from, firstEnd)).map((w) => from + w.index + w[0].length);
    if (firstWords.length > NEGATION_WINDOW_WORDS) end = Math.min(end, firstWords[NEGATION_WINDOW_WORDS - 1]);
    stretches.push({ start: m.index, end: Math.max(from, end) });
  }
  let start = 0;
  for (const piece of clause.split(/([,;])/)) {
    const denied = piece === "," || piece === ";" ? null : DENIED_AFTER.exec(piece);
    if (denied && words(piece.slice(0, denied.index)).length <= NEGATION_WINDOW_WORDS)
      stretches.push({ start, end: start + denied.index + denied[0].length });
    start += piece.length;
  }
  return stretches;
}
