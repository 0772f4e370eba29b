/**
 * ASRS v1.1 Part A: the six questions that best predict adult ADHD (Kessler et al. 2005). Each
 * item has a shaded zone on the form (items 1–3 from "Sometimes", items 4–6 from "Often"); the
 * score is how many items fall in it, and four or more is a positive screen.
 */
import { ascending } from "../answer-scales";
import type { InstrumentDefinition } from "../instrument-definition";
import { LOINC } from "../loinc";

const FREQUENCY = ascending(["Never", "Rarely", "Sometimes", "Often", "Very often"]);
const SOMETIMES = 2;
const OFTEN = 3;

const ITEMS: Array<[string, number]> = [
  ["How often do you have trouble wrapping up the final details of a project, once the challenging parts have been done?", SOMETIMES],
  ["How often do you have difficulty getting things in order when you have to do a task that requires organization?", SOMETIMES],
  ["How often do you have problems remembering appointments or obligations?", SOMETIMES],
  ["When you have a task that requires a lot of thought, how often do you avoid or delay getting started?", OFTEN],
  ["How often do you fidget or squirm with your hands or feet when you have to sit down for a long time?", OFTEN],
  ["How often do you feel overly active and compelled to do things, like you were driven by a motor?", OFTEN],
];

export const asrs: InstrumentDefinition = {
  id: "asrs",
  name: "ASRS v1.1 Part A",
  fullName: "Adult ADHD Self-Report Scale v1.1, Part A screener",
  domain: "ADHD",
  purpose: "Six-question screen for adult ADHD; a positive screen leads to a full diagnostic assessment.",
  timeframe: "past 6 months",
  instructions:
    "Rate how you have felt and conducted yourself over the past 6 months, choosing the answer that best describes how often each happens.",
  items: ITEMS.map(([text, positiveFrom], index) => ({ number: index + 1, text, options: FREQUENCY, positiveFrom })),
  scoring:
    "Each item (0 Never – 4 Very often) counts when it reaches its shaded zone: items 1–3 at 'Sometimes' or more, items " +
    "4–6 at 'Often' or more. The score is the number of shaded items, 0–6; 4 or more is a positive screen. The sum of " +
    "the answers (0–24) is reported as a frequency subtotal.",
  minScore: 0,
  maxScore: 6,
  bands: [
    {
      min: 0,
      max: 3,
      severity: "below the screening threshold",
      interpretation: "Fewer than 4 shaded items: not suggestive of adult ADHD on this screen, which does not rule it out.",
    },
    {
      min: 4,
      max: 6,
      severity: "consistent with adult ADHD",
      interpretation:
        "Four or more shaded items: symptoms highly consistent with adult ADHD; a full diagnostic assessment (Part B, history, informants) is warranted.",
    },
  ],
  cutoff: {
    score: 4,
    direction: "at_or_above",
    rule: "4 or more of the 6 items in the shaded zone: positive screen.",
    source: "Kessler RC et al. Psychol Med 2005;35:245-56; ASRS v1.1 Symptom Checklist scoring instructions (WHO).",
  },
  subscales: [{ id: "frequency", name: "Frequency subtotal (sum of items 1–6, 0–24)", items: [1, 2, 3, 4, 5, 6] }],
  loinc: LOINC.asrs,
  licence:
    "ASRS v1.1 © World Health Organization. Available free for clinical use from the WHO / Harvard National Comorbidity " +
    "Survey site; cite Kessler et al. 2005.",
  source:
    "Kessler RC, Adler L, Ames M et al. The World Health Organization Adult ADHD Self-Report Scale (ASRS): a short screening scale for use in the general population. Psychol Med 2005;35:245-56.",
  total: (_scores, values) => ITEMS.filter(([, positiveFrom], index) => (values[index] ?? 0) >= positiveFrom).length,
  screen: ({ values }) => ({
    criteria: ITEMS.map(([, positiveFrom], index) => ({
      id: `item${index + 1}`,
      description: `Item ${index + 1} at '${FREQUENCY[positiveFrom].label}' or more (shaded)`,
      met: (values[index] ?? 0) >= positiveFrom,
    })),
  }),
};
