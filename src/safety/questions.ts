/**
 * Questions. One put to the patient ("Have you thought about killing yourself?") is not a
 * disclosure: it is flagged only when the next sentence answers yes or is ambivalent ("Yes, last
 * week.", "I don't know"); "Do you feel safe at home?" answered no is flagged as abuse. A question
 * the speaker asks about themselves ("What's the point of living?") is read like any sentence.
 */
import { analyzeSentence } from "./clause";
import { evidenceOf } from "./evidence";
import { strongest, temporalMarkers } from "./temporal";
import type { Sentence } from "./text";
import type { Finding, Temporal } from "./types";

const AB = "abuse";

const AFFIRMATIVE =
  /^(?:yes|yeah|yep|yup|yea|ya|sometimes|i\s+(?:don't|do\s+not)\s+know|not\s+sure|i'm\s+not\s+sure|often|occasionally|a\s+little|a\s+bit|kind\s+of|sort\s+of|kinda|sorta|i\s+(?:have|do|did|am|guess|think\s+so)(?!\s*(?:n't|not|no\b|never))|maybe|uh[-\s]?huh|mm[-\s]?hmm|every\s+day|all\s+the\s+time|lately|constantly|definitely|of\s+course|a\s+lot|more\s+than\s+once)\b/i;
const NEGATIVE_ANSWER = /^(?:no|nope|not\s+(?:really|always|at\s+all|anymore)|sometimes|never)\b/i;
const SAFE_QUESTION =
  /\b(?:safe|unsafe)\s+(?:at\s+home|in\s+(?:your|the)\s+(?:home|relationship|house)|with\s+(?:your\s+\w+|him|her|them))\b/i;
const ABUSE_QUESTION =
  /\b(?:(?:has|have|did|does|is)\s+(?:anyone|someone|somebody|your\s+\w+|he|she)\s+(?:ever\s+)?(?:hit|hurt|hurts|hits|threaten(?:ed|s)?|abuse[ds]?|kick(?:ed|s)?|chok(?:ed|es)|strangl(?:ed|es)|forc(?:ed|es)|touch(?:ed|es))\s+you|afraid\s+of\s+(?:your\s+\w+|him|her))\b/i;

/**
 * A question is flagged only through its answer: "Any thoughts of suicide? Yes, last week."
 * Ambivalent answers ("I don't know", "maybe") count as yes: they call for assessment.
 */
export function answeredQuestion(question: Sentence, answer: Sentence | undefined): Finding[] {
  if (!answer) return [];
  const reply = answer.text;
  const evidence = evidenceOf(`${question.text} ${reply}`, 0);
  const replyMarkers = temporalMarkers(reply);
  const replyTemporal = strongest(
    replyMarkers.map((m) => m.kind),
    "current",
  );
  const fromReply = (kinds: Temporal[]) => (replyMarkers.length > 0 ? replyTemporal : strongest(kinds, "current"));
  if (AFFIRMATIVE.test(reply)) {
    const findings = analyzeSentence(question.text, true).map((f) => ({ ...f, temporal: fromReply([f.temporal]), evidence }));
    if (ABUSE_QUESTION.test(question.text) && !findings.some((f) => f.category === AB))
      findings.push({ category: AB, temporal: fromReply([]), evidence });
    return findings;
  }
  if (SAFE_QUESTION.test(question.text) && NEGATIVE_ANSWER.test(reply)) return [{ category: AB, temporal: fromReply([]), evidence }];
  return [];
}

/**
 * A question the speaker asks about themselves: first person and no "you", "myself" / "my life"
 * ("Do you think I should kill myself?"), or "what's the point".
 */
export const RHETORICAL =
  /^(?:(?![\s\S]*\byou)[\s\S]*\b(?:I|me|my|myself)\b|[\s\S]*\b(?:myself|my\s+(?:own\s+)?life)\b|[\s\S]*\bwhat(?:'s|\s+is)\s+the\s+point\b)/i;
