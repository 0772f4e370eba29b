/**
 * WHO-5 Well-Being Index (WHO 1998; Topp et al. 2015). Positively worded: a low score is the
 * concern, so its cut-off points down. The form prints "All of the time" (5) first; the value is
 * the score. The raw total ×4 is the percentage score that monitoring uses.
 */
import { descending } from "../answer-scales";
import type { InstrumentDefinition } from "../instrument-definition";
import { LOINC } from "../loinc";

const HOW_MUCH = descending(
  ["All of the time", "Most of the time", "More than half of the time", "Less than half of the time", "Some of the time", "At no time"],
  5,
);

const ITEMS = [
  "I have felt cheerful and in good spirits",
  "I have felt calm and relaxed",
  "I have felt active and vigorous",
  "I woke up feeling fresh and rested",
  "My daily life has been filled with things that interest me",
];

export const who5: InstrumentDefinition = {
  id: "who5",
  name: "WHO-5",
  fullName: "WHO-5 Well-Being Index",
  domain: "wellbeing",
  purpose: "Measures current mental wellbeing; a low score is a reason to screen for depression.",
  timeframe: "last 2 weeks",
  instructions: "For each of the five statements, choose the answer closest to how you have been feeling over the last two weeks.",
  items: ITEMS.map((text, index) => ({ number: index + 1, text, options: HOW_MUCH })),
  scoring:
    "Sum of the 5 items (each 0–5), 0–25; ×4 gives the percentage score (0–100, reported as `percentage`). Higher is " +
    "better. Below 13 (50% or less) is poor wellbeing; 7 or less (28% or less) suggests depression. A change of 10 " +
    "percentage points is significant.",
  bands: [
    {
      min: 0,
      max: 7,
      severity: "very poor wellbeing",
      interpretation: "Very poor wellbeing (28% or less), likely depression: assess for depression (e.g. PHQ-9 and a clinical interview).",
    },
    { min: 8, max: 12, severity: "poor wellbeing", interpretation: "Poor wellbeing (50% or less): screen for depression." },
    {
      min: 13,
      max: 25,
      severity: "adequate wellbeing",
      interpretation: "Wellbeing above the 50% threshold: no indication of low wellbeing.",
    },
  ],
  cutoff: {
    score: 12,
    direction: "at_or_below",
    rule: "Raw 12 or less (50% or less): poor wellbeing, an indication to screen for depression.",
    source: "Topp CW, Østergaard SD, Søndergaard S, Bech P. Psychother Psychosom 2015;84:167-76.",
  },
  loinc: LOINC.who5,
  licence:
    "© Psychiatric Research Unit, Mental Health Centre North Zealand (WHO Collaborating Centre). Free to use without " +
    "permission; cite the WHO-5 and Topp et al. 2015.",
  source:
    "World Health Organization Regional Office for Europe. Wellbeing measures in primary health care: the DepCare project. 1998; Topp CW et al. The WHO-5 Well-Being Index: a systematic review of the literature. Psychother Psychosom 2015;84:167-76.",
  reportsPercentage: true,
};
