/** Shapes of the crisis detector's answer and of the spans its engine works with. */

export type CrisisCategory = "suicidal_ideation" | "homicidal_ideation" | "self_harm" | "abuse" | "psychosis_with_danger";

/** The languages the crisis detector reads; a sentence in none of the others is read as English. */
export const LANGUAGES = ["en", "es", "fr", "de", "pt"] as const;
export type Language = (typeof LANGUAGES)[number];

export interface CrisisIndicator {
  category: CrisisCategory;
  field: string;
  evidence: string;
  temporal: "current" | "recent" | "historical";
  /** The language of the sentence it was found in; every indicator the text detector finds has one (questionnaire items have none). */
  language?: Language;
}

export interface CrisisResource {
  name: string;
  contact: string;
}

export interface SafetyBlock {
  crisis_detected: boolean;
  indicators: CrisisIndicator[];
  resources: CrisisResource[];
}

export type Temporal = CrisisIndicator["temporal"];

/** A half-open stretch [start, end) of a clause. */
export interface Span {
  start: number;
  end: number;
}

export interface Candidate extends Span {
  category: CrisisCategory;
  verbal: boolean;
}

export interface Finding {
  category: CrisisCategory;
  temporal: Temporal;
  evidence: string;
}
