/** Shapes of the crisis detector's answer and of the spans its engine works with. */

export type CrisisCategory = "suicidal_ideation" | "homicidal_ideation" | "self_harm" | "abuse" | "psychosis_with_danger";

export interface CrisisIndicator {
  category: CrisisCategory;
  field: string;
  evidence: string;
  temporal: "current" | "recent" | "historical";
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
