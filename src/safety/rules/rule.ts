/** What a rule is: a pattern for one category, plus optional checks of the text around a match. */
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
