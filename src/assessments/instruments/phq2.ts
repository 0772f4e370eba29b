/** PHQ-2: the first two PHQ-9 items as a depression pre-screen (Kroenke, Spitzer & Williams 2003). */
import { PHQ_FREQUENCY } from "../answer-scales";
import type { InstrumentDefinition } from "../instrument-definition";
import { LOINC } from "../loinc";
import { PHQ_INSTRUCTIONS, PHQ_LICENCE, PHQ9_ITEMS } from "./phq-attribution";

export const phq2: InstrumentDefinition = {
  id: "phq2",
  name: "PHQ-2",
  fullName: "Patient Health Questionnaire-2",
  domain: "depression",
  purpose: "Two-question pre-screen for depression (low mood and loss of interest); a positive screen leads to the PHQ-9.",
  timeframe: "last 2 weeks",
  instructions: PHQ_INSTRUCTIONS,
  items: PHQ9_ITEMS.slice(0, 2).map((text, index) => ({ number: index + 1, text, options: PHQ_FREQUENCY })),
  scoring:
    "Sum of the 2 items (each 0–3), 0–6. The PHQ-2 does not ask about self-harm: a positive screen needs the full " +
    "PHQ-9, item 9 included.",
  bands: [
    {
      min: 0,
      max: 2,
      severity: "negative screen",
      interpretation: "Below the PHQ-2 cut-off of 3: depression is less likely but not ruled out; use the PHQ-9 if concern remains.",
    },
    {
      min: 3,
      max: 6,
      severity: "positive screen",
      interpretation: "At or above the cut-off of 3: complete the PHQ-9 (self-harm item included) or a clinical interview for depression.",
    },
  ],
  cutoff: {
    score: 3,
    direction: "at_or_above",
    rule: "3 or more: positive screen for depression. A cut-off of 2 finds more cases at the cost of more false positives.",
    source:
      "Kroenke K, Spitzer RL, Williams JBW. The Patient Health Questionnaire-2. Med Care 2003;41:1284-92; Levis B et al. " +
      "JAMA 2020;323:2290-2300.",
  },
  loinc: LOINC.phq2,
  licence: PHQ_LICENCE,
  source:
    "Kroenke K, Spitzer RL, Williams JBW. The Patient Health Questionnaire-2: validity of a two-item depression screener. Med Care 2003;41:1284-92.",
};
