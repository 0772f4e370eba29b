/**
 * What the detector needs to read one language besides English: its rules and the cues the engine
 * reads around a finding (negation, time, someone else, a clause break). Every pattern is written
 * against folded text (fold.ts: lower case, no accents), as plain alternatives and bounded gaps,
 * so each reads a run of text one way only.
 */
import type { CrisisCategory, Language } from "../types";

export interface ForeignRuleContext {
  /** The folded clause. */
  clause: string;
  /** Whether `re` (not global) occurs anywhere in the clause; answered once per clause and regex. */
  mentions(re: RegExp): boolean;
}

export interface ForeignRuleSpec {
  pattern: string;
  /** A predicate ("quiere morir"): a negation before a comma cannot reach it ("No duerme, quiere morir"). */
  verbal?: boolean;
  /** Drop when the subject is someone else ("su hermano se suicidó"); default: all but abuse. */
  patientOnly?: boolean;
  /** The phrase's own "no" is what it says ("no quiero seguir viviendo"): no negation inside or just before it takes it back. */
  ownNegation?: boolean;
  accept?: (m: RegExpExecArray, ctx: ForeignRuleContext) => boolean;
}

export interface ForeignCategoryRules {
  category: Exclude<CrisisCategory, "psychosis_with_danger">;
  specs: ForeignRuleSpec[];
}

export interface LanguagePack {
  language: Exclude<Language, "en">;
  /** Frequent words of the language (folded), for telling which language a sentence is in. */
  stopwords: string[];
  /** Letters only this language writes (unfolded), each worth a stopword: ñ ¿ ¡ for Spanish. */
  letters: RegExp;
  rules: ForeignCategoryRules[];
  /** Contrastive words that end a clause, as "but" does in English ("pero", "mais", "aber", "mas"). Global. */
  clauseBreak: RegExp;
  /** Negation cues before a finding ("no", "nunca", "niega", "sin"). Global. */
  negation: RegExp;
  /** Right after a finding: "Ideación suicida: negativa". Anchored at the start. */
  postNegation: RegExp;
  /** A new assertion or contrast that ends a negation's scope ("refiere", "pero"). */
  scopeEnd: RegExp;
  /** After a comma, the negation runs on into this (an infinitive clause: "nie daran gedacht, mich umzubringen"). */
  commaContinuation?: RegExp;
  /** A relative, partner, friend or colleague, as a word (folded). */
  kin: string;
  /** "Antecedentes familiares de", "Familienanamnese". */
  familyHistory: RegExp;
  /** The patient speaking or spoken of in the first person: a finding with it is the patient's own. */
  firstPerson: RegExp;
  /** Time markers, each global; earlier kinds win an overlap (current, then recent, then historical). */
  current: RegExp;
  recent: RegExp;
  historical: RegExp;
  /** A story, a course or a prevention programme: "el personaje de la novela se suicida". */
  notAFinding: RegExp;
  /** A question put to the patient ("¿Has pensado en…?") rather than asked of oneself. */
  secondPerson: RegExp;
  /** An answer that says yes or is ambivalent: "Sí", "A veces", "No sé". Anchored at the start. */
  affirmative: RegExp;
}
