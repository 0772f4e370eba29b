/** GAD-2: the first two GAD-7 items as an anxiety pre-screen (Kroenke et al. 2007). */
import { PHQ_FREQUENCY } from "../answer-scales";
import type { InstrumentDefinition } from "../instrument-definition";
import { LOINC } from "../loinc";
import { GAD7_ITEMS, PHQ_INSTRUCTIONS, PHQ_LICENCE } from "./phq-attribution";

export const gad2: InstrumentDefinition = {
  id: "gad2",
  name: "GAD-2",
  fullName: "Generalized Anxiety Disorder 2-item scale",
  domain: "anxiety",
  purpose: "Two-question pre-screen for anxiety disorders; a positive screen leads to the GAD-7.",
  timeframe: "last 2 weeks",
  instructions: PHQ_INSTRUCTIONS,
  items: GAD7_ITEMS.slice(0, 2).map((text, index) => ({ number: index + 1, text, options: PHQ_FREQUENCY })),
  scoring: "Sum of the 2 items (each 0–3), 0–6.",
  bands: [
    {
      min: 0,
      max: 2,
      severity: "negative screen",
      interpretation: "Below the GAD-2 cut-off of 3: an anxiety disorder is less likely; use the GAD-7 if concern remains.",
    },
    {
      min: 3,
      max: 6,
      severity: "positive screen",
      interpretation:
        "At or above the cut-off of 3: complete the GAD-7 and assess for generalised anxiety, panic, social anxiety and post-traumatic stress disorders.",
    },
  ],
  cutoff: {
    score: 3,
    direction: "at_or_above",
    rule: "3 or more: positive screen for an anxiety disorder (GAD: sensitivity 86%, specificity 83% in the validation study).",
    source: "Kroenke K et al. Ann Intern Med 2007;146:317-25; Plummer F et al. Gen Hosp Psychiatry 2016;39:24-31.",
  },
  loinc: LOINC.gad2,
  licence: PHQ_LICENCE,
  source:
    "Kroenke K, Spitzer RL, Williams JBW, Monahan PO, Löwe B. Anxiety disorders in primary care: prevalence, impairment, comorbidity, and detection. Ann Intern Med 2007;146:317-25.",
};
