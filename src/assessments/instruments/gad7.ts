/** GAD-7: generalised anxiety severity (Spitzer et al. 2006). */
import { PHQ_FREQUENCY } from "../answer-scales";
import type { InstrumentDefinition } from "../instrument-definition";
import { LOINC } from "../loinc";
import { GAD7_ITEMS, PHQ_INSTRUCTIONS, PHQ_LICENCE } from "./phq-attribution";

export const gad7: InstrumentDefinition = {
  id: "gad7",
  name: "GAD-7",
  fullName: "Generalized Anxiety Disorder 7-item scale",
  domain: "anxiety",
  purpose: "Screens for generalised anxiety disorder and grades anxiety severity; also picks up panic, social anxiety and PTSD.",
  timeframe: "last 2 weeks",
  instructions: PHQ_INSTRUCTIONS,
  items: GAD7_ITEMS.map((text, index) => ({ number: index + 1, text, options: PHQ_FREQUENCY })),
  scoring: "Sum of the 7 items (each 0–3), 0–21.",
  bands: [
    { min: 0, max: 4, severity: "minimal", interpretation: "Minimal anxiety symptoms." },
    { min: 5, max: 9, severity: "mild", interpretation: "Mild anxiety symptoms; monitor and repeat at follow-up." },
    {
      min: 10,
      max: 14,
      severity: "moderate",
      interpretation: "Moderate anxiety symptoms (at or above the usual cut-off of 10); further assessment and treatment are warranted.",
    },
    { min: 15, max: 21, severity: "severe", interpretation: "Severe anxiety symptoms; active treatment is warranted." },
  ],
  cutoff: {
    score: 10,
    direction: "at_or_above",
    rule: "10 or more: probable generalised anxiety disorder (sensitivity 89%, specificity 82% in the validation study).",
    source: "Spitzer RL, Kroenke K, Williams JBW, Löwe B. Arch Intern Med 2006;166:1092-7.",
  },
  loinc: LOINC.gad7,
  licence: PHQ_LICENCE,
  source:
    "Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized anxiety disorder: the GAD-7. Arch Intern Med 2006;166:1092-7.",
};
