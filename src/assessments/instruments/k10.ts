/**
 * K10: non-specific psychological distress (Kessler et al. 2002), scored 1–5 per item (10–50).
 * No item asks about self-harm, so the K10 never fills the safety block itself; its very-high
 * band tells the clinician to ask about suicidal thoughts directly.
 */
import { ascending } from "../answer-scales";
import type { InstrumentDefinition } from "../instrument-definition";
import { LOINC } from "../loinc";

const HOW_OFTEN = ascending(["None of the time", "A little of the time", "Some of the time", "Most of the time", "All of the time"], 1);

const ITEMS = [
  "…tired out for no good reason?",
  "…nervous?",
  "…so nervous that nothing could calm you down?",
  "…hopeless?",
  "…restless or fidgety?",
  "…so restless you could not sit still?",
  "…depressed?",
  "…that everything was an effort?",
  "…so sad that nothing could cheer you up?",
  "…worthless?",
];

export const k10: InstrumentDefinition = {
  id: "k10",
  name: "K10",
  fullName: "Kessler Psychological Distress Scale",
  domain: "psychological distress",
  purpose: "Measures non-specific psychological distress (anxiety and depressive symptoms) in the past 30 days.",
  timeframe: "last 30 days",
  instructions: "During the last 30 days, about how often did you feel…",
  items: ITEMS.map((text, index) => ({ number: index + 1, text, options: HOW_OFTEN })),
  scoring:
    "Sum of the 10 items (each 1–5), 10–50. Levels as the Australian Bureau of Statistics reports them: 10–15 low, " +
    "16–21 moderate, 22–29 high, 30–50 very high. Another common reading (CRUfAD): under 20 likely well, 20–24 mild, " +
    "25–29 moderate, 30 or more severe disorder likely. No item asks about self-harm.",
  bands: [
    { min: 10, max: 15, severity: "low", interpretation: "Low psychological distress." },
    {
      min: 16,
      max: 21,
      severity: "moderate",
      interpretation: "Moderate psychological distress: monitor, and offer support if it persists.",
    },
    { min: 22, max: 29, severity: "high", interpretation: "High psychological distress: assess for anxiety and depressive disorders." },
    {
      min: 30,
      max: 50,
      severity: "very high",
      interpretation:
        "Very high psychological distress: assess promptly for a mental disorder; the K10 does not ask about suicide, so ask directly.",
    },
  ],
  cutoff: {
    score: 22,
    direction: "at_or_above",
    rule: "22 or more: high or very high psychological distress.",
    source:
      "Andrews G, Slade T. Interpreting scores on the Kessler Psychological Distress Scale (K10). Aust N Z J Public Health 2001;25:494-7.",
  },
  loinc: LOINC.k10,
  licence: "Free to use; © Ronald C. Kessler, Harvard Medical School (National Comorbidity Survey site). Cite Kessler et al. 2002.",
  source:
    "Kessler RC, Andrews G, Colpe LJ et al. Short screening scales to monitor population prevalences and trends in non-specific psychological distress. Psychol Med 2002;32:959-76.",
};
