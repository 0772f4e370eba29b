/** What a rule is: a pattern for one category, plus optional checks of the text around a match. */
import { KIN, PERP } from "../lexicon";
import type { CrisisCategory } from "../types";

export interface RuleContext {
  clause: string;
  /** A weapon, or a plan to act, is mentioned (not negated) somewhere in the sentence. */
  dangerInSentence: boolean;
  /** Whether `re` (not global) occurs anywhere in the clause; answered once per clause and regex, however many matches ask. */
  mentions(re: RegExp): boolean;
}

export type Accept = (m: RegExpExecArray, ctx: RuleContext) => boolean;

export interface RuleSpec {
  pattern: string;
  /** Clinical abbreviations are read only in capitals. */
  caseSensitive?: boolean;
  /** A predicate ("wants to die"): a negation before a comma cannot reach it ("No sleep, wants to die"). */
  verbal?: boolean;
  /** Drop when the subject is someone else ("mother attempted suicide"); default: all but abuse and psychosis. */
  patientOnly?: boolean;
  accept?: Accept;
}

export interface Rule {
  category: CrisisCategory;
  re: RegExp;
  verbal: boolean;
  patientOnly: boolean;
  accept?: Accept;
}

export interface CategoryRules {
  category: CrisisCategory;
  specs: RuleSpec[];
}

/** The text right after / before a match, a few words' worth: accept checks never look further. */
export const after = (m: RegExpExecArray, ctx: RuleContext, chars = 40) =>
  ctx.clause.slice(m.index + m[0].length, m.index + m[0].length + chars);
export const before = (m: RegExpExecArray, ctx: RuleContext, chars = 40) => ctx.clause.slice(Math.max(0, m.index - chars), m.index);

/** "suicide risk assessment", "self-harm screening": an instrument or process, not a finding. */
const PROCESS_AFTER =
  /^\s+(?:risk|screen\w*|assessments?|precautions?|prevention|protocols?|watch|hotlines?|lifelines?|surveys?|inventory|scales?|questionnaires?|severity|education|training)\b/i;
export const notProcess: Accept = (m, ctx) => !PROCESS_AFTER.test(after(m, ctx));

/** Safety planning and teaching name the warning signs without anyone showing them. */
const TEACHING =
  /\b(?:warning\s+signs?|safety\s+plan\w*|psycho-?educat\w*|educat\w+|leaflet|handout|signs\s+(?:of|to\s+watch)|such\s+as|e\.g\.)\b/i;
export const notTeaching: Accept = (_m, ctx) => !ctx.mentions(TEACHING);

/** Someone named as the actor just before the act: "her boyfriend held a knife to her throat". */
const OTHER_ACTOR = new RegExp(
  `\\b(?:${PERP}|${KIN})(?:'s)?\\s+(?:(?:has|had|then|also|allegedly|reportedly|once|repeatedly|again)\\s+)?$`,
  "i",
);
const SUBJECT_PRONOUN = /\b(he|she|I|they)\b/gi;
const OWN_OF: Record<string, string> = { he: "his", she: "her", i: "my", they: "their" };

/**
 * Whether an act on "his/her/my ..." is done to oneself. "She held a knife to her throat" is; "he
 * held a knife to her throat" and "her boyfriend put a belt round her neck" are someone else's act
 * on her (abuse, not self-harm). Read from a person named right before the act, else the nearest
 * subject pronoun in the clause; with neither, the act is the patient's own.
 */
export function selfDirected(m: RegExpExecArray, ctx: RuleContext): boolean {
  const own = /\b(his|her|my|their)\b/i.exec(m[0].slice(Math.max(0, m[0].search(/\s/))))?.[1]?.toLowerCase();
  if (!own) return true;
  const lead = before(m, ctx, 60);
  if (OTHER_ACTOR.test(lead)) return false;
  const subject = [...lead.matchAll(SUBJECT_PRONOUN)].at(-1)?.[1]?.toLowerCase();
  return subject === undefined || OWN_OF[subject] === own;
}

/** `mentions` for one clause: each regex tested at most once, however many rules ask (English and the other languages alike). */
export function clauseMentions(clause: string): (re: RegExp) => boolean {
  const answers = new Map<RegExp, boolean>();
  return (re) => {
    let answer = answers.get(re);
    if (answer === undefined) {
      answer = re.test(clause);
      answers.set(re, answer);
    }
    return answer;
  };
}
