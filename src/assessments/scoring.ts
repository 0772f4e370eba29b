/**
 * PHQ-9 and GAD-7 scoring with the published severity bands (Kroenke, Spitzer & Williams 2001;
 * Spitzer et al. 2006). Items are scored 0-3.
 */
export const INSTRUMENTS = {
  phq9: {
    name: "PHQ-9",
    items: 9,
    bands: [
      { max: 4, severity: "minimal", interpretation: "Minimal depressive symptoms; monitor, and repeat if symptoms persist." },
      {
        max: 9,
        severity: "mild",
        interpretation: "Mild depressive symptoms; watchful waiting with a repeat PHQ-9 at follow-up, consider support.",
      },
      {
        max: 14,
        severity: "moderate",
        interpretation:
          "Moderate depressive symptoms (at or above the usual cut-off of 10); a treatment plan, counselling and/or " +
          "pharmacotherapy, is warranted.",
      },
      {
        max: 19,
        severity: "moderately severe",
        interpretation: "Moderately severe depressive symptoms; active treatment with psychotherapy and/or pharmacotherapy.",
      },
      {
        max: 27,
        severity: "severe",
        interpretation: "Severe depressive symptoms; prompt treatment, usually combined, and specialist referral as indicated.",
      },
    ],
  },
  gad7: {
    name: "GAD-7",
    items: 7,
    bands: [
      { max: 4, severity: "minimal", interpretation: "Minimal anxiety symptoms." },
      { max: 9, severity: "mild", interpretation: "Mild anxiety symptoms; monitor and repeat at follow-up." },
      {
        max: 14,
        severity: "moderate",
        interpretation: "Moderate anxiety symptoms (at or above the usual cut-off of 10); further assessment and treatment are warranted.",
      },
      { max: 21, severity: "severe", interpretation: "Severe anxiety symptoms; active treatment is warranted." },
    ],
  },
} as const;

export type Instrument = keyof typeof INSTRUMENTS;

export interface AssessmentResult {
  instrument: Instrument;
  score: number;
  max_score: number;
  severity: string;
  interpretation: string;
  flags: { item9_positive?: boolean; at_or_above_cutoff: boolean };
}

/** The usual screening cut-off for both instruments. */
const CUTOFF = 10;

export function scoreAssessment(instrument: Instrument, responses: number[]): AssessmentResult {
  const spec = INSTRUMENTS[instrument];
  const score = responses.reduce((sum, value) => sum + value, 0);
  const band = spec.bands.find((b) => score <= b.max)!;
  const flags: AssessmentResult["flags"] = { at_or_above_cutoff: score >= CUTOFF };
  // PHQ-9 item 9 (thoughts of being better off dead or of self-harm): any positive answer needs a same-day risk assessment.
  if (instrument === "phq9") flags.item9_positive = responses[8] > 0;
  return { instrument, score, max_score: spec.items * 3, severity: band.severity, interpretation: band.interpretation, flags };
}
