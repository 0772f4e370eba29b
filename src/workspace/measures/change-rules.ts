/**
 * How a repeated score is read against the client's first one: the published reliable-change,
 * response, remission and clinically-meaningful rules, one entry per instrument with its sources.
 * An instrument missing here has no rule in our table and gets null, never an invented threshold.
 * Every instrument listed scores higher for worse symptoms, so a fall is an improvement.
 * Written in our own words from the cited papers and guidance; checked against them from memory
 * (no network), on the same date as the instrument definitions (LAST_REVIEWED).
 */
import type { Instrument } from "../../assessments/instrument-registry";

export interface ChangeRule {
  /** A change of at least this many points from baseline, either way, is more than measurement error. */
  reliable_change_points: number;
  /** Response: at least this percentage fall from baseline (null: no published response rule in our table). */
  response_reduction_percent: number | null;
  /** Remission: a score below this (null: no rule). */
  remission_below: number | null;
  /** A fall of at least this many points is clinically meaningful (null: no rule separate from the above). */
  clinically_meaningful_points: number | null;
  /** The rule in words, as a clinician reads it beside the chart. */
  summary: string;
  sources: readonly string[];
}

export const CHANGE_RULES: Partial<Record<Instrument, ChangeRule>> = {
  phq9: {
    reliable_change_points: 5,
    response_reduction_percent: 50,
    remission_below: 5,
    clinically_meaningful_points: null,
    summary:
      "A change of 5 points or more is reliable; a fall of 50% or more from baseline is a response; a score below 5 is " +
      "remission. (NHS Talking Therapies uses 6 points for reliable change.)",
    sources: [
      "Löwe B, Unützer J, Callahan CM, Perkins AJ, Kroenke K. Monitoring depression treatment outcomes with the Patient Health Questionnaire-9. Med Care 2004;42:1194-201.",
      "Kroenke K, Spitzer RL. The PHQ-9: a new depression diagnostic and severity measure. Psychiatr Ann 2002;32:509-15.",
    ],
  },
  gad7: {
    reliable_change_points: 4,
    response_reduction_percent: null,
    remission_below: 5,
    clinically_meaningful_points: null,
    summary:
      "A change of 4 points or more is reliable (the minimal clinically important difference); a score below 5 (the " +
      "minimal band) is remission.",
    sources: [
      "Toussaint A, Hüsing P, Gumz A, et al. Sensitivity to change and minimal clinically important difference of the 7-item Generalized Anxiety Disorder Questionnaire (GAD-7). J Affect Disord 2020;265:395-401.",
      "Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized anxiety disorder: the GAD-7. Arch Intern Med 2006;166:1092-7 (the 0–4 minimal band).",
    ],
  },
  pcl5: {
    reliable_change_points: 10,
    response_reduction_percent: null,
    remission_below: null,
    clinically_meaningful_points: 10,
    summary:
      "The National Center for PTSD gives 5–10 points as reliable change and 10–20 as clinically significant, with 10 as " +
      "the minimum clinically meaningful change; we mark 10 points or more as both, the conservative end. Studies in " +
      "veterans found larger reliable changes (15–18 points).",
    sources: [
      "National Center for PTSD. Using the PTSD Checklist for DSM-5 (PCL-5): monitoring change. US Department of Veterans Affairs.",
      "Marx BP, Lee DJ, Norman SB, et al. Reliable and clinically significant change in the Clinician-Administered PTSD Scale for DSM-5 and PTSD Checklist for DSM-5 among male veterans. Psychol Assess 2022;34:197-203.",
    ],
  },
};

export type ReliableChange = "improved" | "worsened" | "no_reliable_change";

export interface ChangeReading {
  change_from_baseline: number;
  reliable_change: ReliableChange | null;
  response: boolean | null;
  remission: boolean | null;
  clinically_meaningful: boolean | null;
}

/**
 * One score read against the baseline. The baseline itself has nothing to compare with, so all
 * classifications are null there, as they are for an instrument without a rule.
 */
export function readChange(rule: ChangeRule | undefined, baseline: number, score: number, isBaseline: boolean): ChangeReading {
  const change = score - baseline;
  if (!rule || isBaseline)
    return { change_from_baseline: change, reliable_change: null, response: null, remission: null, clinically_meaningful: null };
  const reliable: ReliableChange =
    Math.abs(change) < rule.reliable_change_points ? "no_reliable_change" : change < 0 ? "improved" : "worsened";
  return {
    change_from_baseline: change,
    reliable_change: reliable,
    // A baseline of 0 cannot fall by a percentage: no response can be read.
    response:
      rule.response_reduction_percent === null || baseline === 0 ? null : -change / baseline >= rule.response_reduction_percent / 100,
    remission: rule.remission_below === null ? null : score < rule.remission_below,
    clinically_meaningful: rule.clinically_meaningful_points === null ? null : -change >= rule.clinically_meaningful_points,
  };
}
