/**
 * What an instrument definition holds: the published items with their answers, how the answers
 * score, the bands and cut-off with their sources, the LOINC codes, the licence, and which items
 * ask about self-harm. One file per instrument under instruments/ fills it in; scoring.ts and
 * validation.ts read it, so a new instrument is data plus, at most, a rule hook.
 */
import type { CrisisCategory, CrisisIndicator } from "../safety/crisis";

/** One printed answer. `value` is what a client sends; `score` is what it counts for. */
export interface AnswerOption {
  value: number;
  label: string;
  score: number;
}

export interface Item {
  /** 1-based, as the published form numbers it. */
  number: number;
  text: string;
  /** In the order the published form prints them. */
  options: readonly AnswerOption[];
  /** Asked only when an earlier item has this answer (the C-SSRS screener's branching); otherwise skipped (null). */
  askedIf?: { item: number; value: number };
  /** ASRS Part A: the answer value from which the item falls in the form's shaded zone. */
  positiveFrom?: number;
}

export interface Band {
  min: number;
  max: number;
  severity: string;
  interpretation: string;
}

export interface Cutoff {
  score: number;
  /** Which side of `score` is the concern: WHO-5 flags low wellbeing, every other instrument high scores. */
  direction: "at_or_above" | "at_or_below";
  rule: string;
  source: string;
}

export interface Subscale {
  id: string;
  name: string;
  items: readonly number[];
}

/** An item whose positive answer fills the safety block, as PHQ-9 item 9 always has. */
export interface SafetyItem {
  item: number;
  category: CrisisCategory;
  evidence: string;
  positive: (value: number) => boolean;
  /** When the answer dates the finding (C-SSRS behaviour: within 3 months or earlier). */
  temporal: CrisisIndicator["temporal"] | ((values: ReadonlyArray<number | null>) => CrisisIndicator["temporal"]);
  /** A flag of the result that mirrors the item (`item9_positive`, kept from the first version of the API). */
  flag?: "item9_positive" | "item10_positive";
}

export interface Criterion {
  id: string;
  description: string;
  met: boolean;
}

/** The answers as the scorer sees them: each item's value (null when skipped by branching), its score, and the total. */
export interface Answers {
  values: ReadonlyArray<number | null>;
  scores: ReadonlyArray<number | null>;
  total: number;
}

export interface InstrumentDefinition {
  id: string;
  name: string;
  fullName: string;
  domain: string;
  purpose: string;
  timeframe: string;
  instructions: string;
  items: readonly Item[];
  /** How the total is made and read, for a person. */
  scoring: string;
  /** Lowest and highest total (default: the sums of the items' lowest and highest scores). */
  minScore?: number;
  maxScore?: number;
  bands: readonly Band[];
  cutoff: Cutoff;
  subscales?: readonly Subscale[];
  loinc: { panel: string | null; total: string | null; note: string };
  licence: string;
  source: string;
  safetyItems?: readonly SafetyItem[];
  /** WHO-5 reports its raw total ×4 as a percentage. */
  reportsPercentage?: boolean;
  /** The total when it is not the sum of the item scores (ASRS counts shaded items, C-SSRS grades risk). */
  total?: (scores: ReadonlyArray<number | null>, values: ReadonlyArray<number | null>) => number;
  /** The band when it is not read off the total (MDQ's three-part rule). Returns an index into `bands`. */
  band?: (answers: Answers) => number;
  /** A positive screen when it is not the cut-off alone (MDQ), and the rule's parts as criteria. */
  screen?: (answers: Answers) => { positive?: boolean; criteria: Criterion[] };
}

/** When the instrument was last checked against its sources (items, scoring, cut-offs, LOINC, licence). */
export const LAST_REVIEWED = "2026-12";
