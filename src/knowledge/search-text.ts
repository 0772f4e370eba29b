/**
 * The part of a clinical description that should drive retrieval: what it affirms about the
 * patient. Negated findings ("denies alcohol use", "no history of mania", "psychosis ruled out")
 * and family history ("FHx: bipolar disorder in mother") name disorders the patient is NOT
 * described as having; searched as they are, they would rank those disorders first. The sentence,
 * clause and negation analysis is the crisis detector's (src/safety), so both read a note alike.
 */
import { deniedStretches } from "../safety/negation";
import { normalize, splitClauses, splitSentences } from "../safety/text";
import type { Span } from "../safety/types";

/**
 * Clinical shorthand of referral letters and progress notes, in the words the documents use, so a
 * terse note ("3/12 hx low mood, EMW, nil etOH") finds what the same note in prose would. Only
 * abbreviations with one reading in mental-health notes: "ASD" (autism or acute stress) is left as is.
 */
const SHORTHAND: Array<[RegExp, string]> = [
  [/\bEMW\b/g, "early morning waking"],
  [/\bet\s?OH\b/gi, "alcohol"],
  [/\bAVH\b/g, "auditory and visual hallucinations"],
  [/\bAH\b/g, "auditory hallucinations"],
  [/\bVH\b/g, "visual hallucinations"],
  [/\bSI\b/g, "suicidal ideation"],
  [/\bHI\b/g, "homicidal ideation"],
  [/\b(?:DSH|NSSI)\b/g, "self-harm"],
  [/\bOD\b/g, "overdose"],
  [/\b(?:IPV|DV)\b/g, "domestic violence"],
  [/\b(?:RTA|RTC|MVA)\b/g, "road traffic accident"],
  [/\bADLs?\b/g, "activities of daily living"],
  [/\bLOC\b/g, "loss of consciousness"],
  [/\bh\/o\b|\bhx\b/gi, "history"],
  [/\bsx\b/gi, "symptoms"],
  [/\bc\/o\b/gi, "complains of"],
  [/↓/g, " reduced "],
  [/↑/g, " increased "],
  // British durations: 3/12 months, 2/52 weeks, 10/7 days.
  [/\b(\d{1,2})\/12\b/g, "$1 months"],
  [/\b(\d{1,2})\/52\b/g, "$1 weeks"],
  [/\b(\d{1,2})\/7\b/g, "$1 days"],
];

/**
 * Nationality, race and ethnicity words: a description's demographics must not steer which
 * disorder it finds (the demographic-swap test of `npm run eval` checks that they do not), and
 * the knowledge base has no use for them, so they only make a description look unlike any document.
 */
const ORIGIN =
  /\b(?:asian|hispanic|latin[oax]|latinx|caucasian|african|american|arab|indigenous|aboriginal|m[aā]ori|pacific\s+islander|british|english|scottish|welsh|irish|european|polish|turkish|kurdish|syrian|afghan|somali|nigerian|ghanaian|ethiopian|eritrean|kenyan|jamaican|caribbean|haitian|mexican|puerto\s+rican|cuban|dominican|brazilian|colombian|ecuadorian|peruvian|chinese|japanese|korean|vietnamese|filipin[oa]|thai|indian|pakistani|bangladeshi|sri\s+lankan|nepali|iranian|iraqi|lebanese|palestinian|israeli|jewish|muslim|hindu|sikh|romanian|russian|ukrainian|italian|german|french|spanish|portuguese|greek|dutch|swedish|norwegian|australian|canadian|heritage|origin|descent|born|ethnicity|race)(?:-(?:born|american|australian|british|canadian))?\b/gi;
/** "Black" and "White" as people describe themselves, capitalised: "white matter" and "a black eye" stay. */
const COLOUR_ORIGIN = /\b(?:Black|White)\b(?!\s+(?:matter|eye|out|cells?|noise|lie))/g;

/**
 * Sex- and gender-marked words for people, in one neutral word each: "since her husband died" and
 * "since his wife died" are the same case and must find the same documents. Where a presentation
 * belongs to one sex, its own words say so (pregnancy, menstrual cycle, erection) and are kept.
 */
const GENDERED: Array<[RegExp, string]> = [
  [/\b(?:men|women|males?|females?|gentlem[ae]n|lad(?:y|ies))\b/gi, "adults"],
  [/\b(?:man|woman)\b/gi, "adult"],
  [/\b(?:boys?|girls?|sons?|daughters?)\b/gi, "child"],
  [/\b(?:husbands?|wi(?:fe|ves))\b/gi, "spouse"],
  [/\b(?:boyfriends?|girlfriends?)\b/gi, "partner"],
  [/\b(?:mothers?|fathers?|mums?|moms?|dads?|mummy|daddy|stepmother|stepfather|stepmum|stepdad)\b/gi, "parent"],
  [/\b(?:grandmothers?|grandfathers?|grandmas?|grandpas?|grandads?|nans?|nannas?)\b/gi, "grandparent"],
  [/\b(?:brothers?|sisters?)\b/gi, "sibling"],
  [/\b(?:aunts?|uncles?)\b/gi, "relative"],
  [/\b(?:widow|widower)\b/gi, "widowed"],
  [/\b(?:Mr|Mrs|Ms|Miss)\b\.?/g, " "],
  [/\b(?:him|her)sel(?:f|ves)\b/gi, "themself"],
  // Referral shorthand for age and sex: "34M", "71F".
  [/\b(\d{1,3})\s?[MF]\b/g, "$1-year-old"],
];

/** From a family-history marker to the end of its clause: other people's diagnoses. */
const FAMILY_HISTORY = /\b(?:family\s+(?:psych(?:iatric)?\s+)?(?:history|hx)|FHx|FH(?=\s*[:-]|\s+of\b))\b/i;

function withoutSpans(text: string, spans: Span[]): string {
  if (spans.length === 0) return text;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let kept = "";
  let at = 0;
  for (const span of sorted) {
    if (span.start > at) kept += text.slice(at, span.start);
    kept += " ";
    at = Math.max(at, span.end);
  }
  return kept + text.slice(at);
}

/**
 * The description as retrieval reads it: shorthand spelled out, gendered words for people made
 * neutral; denied findings, family history and origin words left out (clauses joined by "; ").
 */
export function searchText(text: string): string {
  const kept: string[] = [];
  let expanded = normalize(text);
  for (const [pattern, words] of [...SHORTHAND, ...GENDERED]) expanded = expanded.replace(pattern, words);
  for (const sentence of splitSentences(expanded)) {
    for (const clause of splitClauses(sentence.text)) {
      const family = FAMILY_HISTORY.exec(clause);
      const own = family ? clause.slice(0, family.index) : clause;
      const affirmed = withoutSpans(own, deniedStretches(own)).replace(ORIGIN, " ").replace(COLOUR_ORIGIN, " ").replace(/\s+/g, " ").trim();
      if (/[A-Za-z0-9]/.test(affirmed)) kept.push(affirmed);
    }
  }
  return kept.join("; ");
}
