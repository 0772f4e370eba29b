/** PHQ-9: depression severity (Kroenke, Spitzer & Williams 2001). Item 9 asks about self-harm. */
import { PHQ_FREQUENCY } from "../answer-scales";
import type { InstrumentDefinition } from "../instrument-definition";
import { LOINC } from "../loinc";
import { PHQ_INSTRUCTIONS, PHQ_LICENCE, PHQ9_ITEMS } from "./phq-attribution";

export const phq9: InstrumentDefinition = {
  id: "phq9",
  name: "PHQ-9",
  fullName: "Patient Health Questionnaire-9",
  domain: "depression",
  purpose: "Screens for depression and grades its severity; also used to follow treatment response.",
  timeframe: "last 2 weeks",
  instructions: PHQ_INSTRUCTIONS,
  items: PHQ9_ITEMS.map((text, index) => ({ number: index + 1, text, options: PHQ_FREQUENCY })),
  scoring: "Sum of the 9 items (each 0–3), 0–27. Any answer above 0 on item 9 needs a same-day risk assessment, whatever the total.",
  bands: [
    { min: 0, max: 4, severity: "minimal", interpretation: "Minimal depressive symptoms; monitor, and repeat if symptoms persist." },
    {
      min: 5,
      max: 9,
      severity: "mild",
      interpretation: "Mild depressive symptoms; watchful waiting with a repeat PHQ-9 at follow-up, consider support.",
    },
    {
      min: 10,
      max: 14,
      severity: "moderate",
      interpretation:
        "Moderate depressive symptoms (at or above the usual cut-off of 10); a treatment plan, counselling and/or " +
        "pharmacotherapy, is warranted.",
    },
    {
      min: 15,
      max: 19,
      severity: "moderately severe",
      interpretation: "Moderately severe depressive symptoms; active treatment with psychotherapy and/or pharmacotherapy.",
    },
    {
      min: 20,
      max: 27,
      severity: "severe",
      interpretation: "Severe depressive symptoms; prompt treatment, usually combined, and specialist referral as indicated.",
    },
  ],
  cutoff: {
    score: 10,
    direction: "at_or_above",
    rule: "10 or more: probable major depression (sensitivity and specificity both about 88% in the validation study).",
    source: "Kroenke K, Spitzer RL, Williams JBW. The PHQ-9. J Gen Intern Med 2001;16:606-13; Levis B et al. BMJ 2019;365:l1476.",
  },
  loinc: LOINC.phq9,
  licence: PHQ_LICENCE,
  source:
    "Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity measure. J Gen Intern Med 2001;16:606-13.",
  safetyItems: [
    {
      item: 9,
      category: "suicidal_ideation",
      evidence: "PHQ-9 item 9 positive: thoughts of being better off dead or of self-harm",
      positive: (value) => value > 0,
      temporal: "recent",
      flag: "item9_positive",
    },
  ],
};
