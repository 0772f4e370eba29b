/**
 * The parts of a structured treatment plan the server decides: the review date from today, and,
 * offline, the measurement plan for the diagnosis and a template built from the retrieved guidelines.
 */
import type { z } from "zod";
import type { SearchHit } from "../knowledge/search";
import type { PlanMeasure, TreatmentPlan } from "./rag.schemas";

type Plan = z.infer<typeof TreatmentPlan>;
type Measure = z.infer<typeof PlanMeasure>;

const DAY_MS = 24 * 60 * 60 * 1000;
/** Outside this a review date is not a plan: held to 1–26 weeks. */
const MIN_REVIEW_WEEKS = 1;
const MAX_REVIEW_WEEKS = 26;
/** Response is usually judged at 4–8 weeks. */
const OFFLINE_REVIEW_WEEKS = 6;

export function reviewDate(weeks: number, now = new Date()): string {
  const held = Math.min(MAX_REVIEW_WEEKS, Math.max(MIN_REVIEW_WEEKS, Math.round(weeks)));
  return new Date(now.getTime() + held * 7 * DAY_MS).toISOString().slice(0, 10);
}

/** Validated measures by the conditions they follow; the first that matches the diagnosis wins. */
const MEASURES: Array<[RegExp, Measure[]]> = [
  [
    /\b(ptsd|post-?traumatic|trauma|F43\.1|6B40)/i,
    [{ instrument: "PCL-5", frequency: "every month", target: "a drop of 10 points or more; below 33" }],
  ],
  [/\b(ocd|obsessive|compulsive|F42|6B20)/i, [{ instrument: "Y-BOCS", frequency: "every month", target: "a 35% reduction or more" }]],
  [
    /\b(bipolar|mania|manic|F31|6A6)/i,
    [{ instrument: "Daily mood chart, reviewed", frequency: "every session", target: "no mood episode" }],
  ],
  [
    /\b(alcohol|substance|opioid|cannabis|F1\d|6C4)/i,
    [{ instrument: "AUDIT-C or a substance-use calendar", frequency: "every month", target: "use within the agreed goal" }],
  ],
  [
    /\b(depress\w*|dysthymi\w*|MDD|F3[23]|6A7)/i,
    [{ instrument: "PHQ-9", frequency: "every two weeks", target: "below 10, or a 50% reduction" }],
  ],
  [
    /\b(anxiety|anxious|GAD|panic|phobi\w*|F4[01]|6B0)/i,
    [{ instrument: "GAD-7", frequency: "every two weeks", target: "below 10, or a 50% reduction" }],
  ],
];
const DEFAULT_MEASURES: Measure[] = [
  { instrument: "PHQ-9", frequency: "every two weeks", target: "below 10" },
  { instrument: "GAD-7", frequency: "every two weeks", target: "below 10" },
];

function measuresFor(diagnosis: string): Measure[] {
  return MEASURES.find(([pattern]) => pattern.test(diagnosis))?.[1] ?? DEFAULT_MEASURES;
}

const MAX_PROBLEM_CHARS = 300;

/** Offline: the template from the diagnosis as stated and the retrieved guidelines, nothing invented. */
export function offlinePlanTemplate(diagnosis: string, guidelines: SearchHit[], now = new Date()) {
  const measures = measuresFor(diagnosis);
  const stated = diagnosis.length > MAX_PROBLEM_CHARS ? `${diagnosis.slice(0, MAX_PROBLEM_CHARS)}…` : diagnosis;
  const template: Pick<Plan, "problems" | "smart_goals" | "objectives" | "interventions" | "measures" | "review_date"> = {
    problems: [{ description: `As stated by the clinician: ${stated}`, supporting_sources: guidelines.slice(0, 1).map((hit) => hit.id) }],
    smart_goals: measures.map((measure) => ({
      goal: `Reduce symptoms as measured by the ${measure.instrument}`,
      specific: "The target symptoms agreed with the client at the start of treatment",
      measurable: `${measure.instrument}: ${measure.target}`,
      achievable: "Agreed with the client, with the interventions below",
      relevant: "The presenting problem",
      time_bound: `By the review in ${OFFLINE_REVIEW_WEEKS} weeks`,
    })),
    objectives: [
      { description: "Agree the treatment goals and a shared formulation with the client", target_week: 1 },
      ...measures.map((measure) => ({ description: `Complete the ${measure.instrument} ${measure.frequency}`, target_week: 2 })),
      { description: "Practise the skills of the chosen intervention between sessions", target_week: 4 },
    ],
    interventions: guidelines.map((hit) => ({
      name: hit.title,
      evidence_level: hit.evidence_level,
      frequency: "As the cited guideline recommends (typically weekly sessions)",
      citations: [hit.id],
    })),
    measures,
    review_date: reviewDate(OFFLINE_REVIEW_WEEKS, now),
  };
  return template;
}
