/**
 * PCL-5: PTSD symptoms by DSM-5 cluster (Weathers et al. 2013). Besides the total, the National
 * Center for PTSD gives a provisional-diagnosis rule: an item rated 2 (Moderately) or more counts
 * as a symptom, and DSM-5 needs 1 intrusion (B), 1 avoidance (C), 2 cognition/mood (D) and 2
 * arousal/reactivity (E) symptoms. Item 16 (risk-taking) is about reckless behaviour, not
 * self-harm, so it does not fill the safety block.
 */
import { ascending } from "../answer-scales";
import type { Criterion, InstrumentDefinition } from "../instrument-definition";
import { LOINC } from "../loinc";

const SEVERITY = ascending(["Not at all", "A little bit", "Moderately", "Quite a bit", "Extremely"]);

const ITEMS = [
  "Repeated, disturbing, and unwanted memories of the stressful experience?",
  "Repeated, disturbing dreams of the stressful experience?",
  "Suddenly feeling or acting as if the stressful experience were actually happening again (as if you were actually back there reliving it)?",
  "Feeling very upset when something reminded you of the stressful experience?",
  "Having strong physical reactions when something reminded you of the stressful experience (for example, heart pounding, trouble breathing, sweating)?",
  "Avoiding memories, thoughts, or feelings related to the stressful experience?",
  "Avoiding external reminders of the stressful experience (for example, people, places, conversations, activities, objects, or situations)?",
  "Trouble remembering important parts of the stressful experience?",
  "Having strong negative beliefs about yourself, other people, or the world (for example, having thoughts such as: I am bad, there is something seriously wrong with me, no one can be trusted, the world is completely dangerous)?",
  "Blaming yourself or someone else for the stressful experience or what happened after it?",
  "Having strong negative feelings such as fear, horror, anger, guilt, or shame?",
  "Loss of interest in activities that you used to enjoy?",
  "Feeling distant or cut off from other people?",
  "Trouble experiencing positive feelings (for example, being unable to feel happiness or have loving feelings for people close to you)?",
  "Irritable behavior, angry outbursts, or acting aggressively?",
  "Taking too many risks or doing things that could cause you harm?",
  'Being "superalert" or watchful or on guard?',
  "Feeling jumpy or easily startled?",
  "Having difficulty concentrating?",
  "Trouble falling or staying asleep?",
];

const CLUSTERS = [
  { id: "B", name: "Intrusion (B, items 1–5)", items: [1, 2, 3, 4, 5], needed: 1 },
  { id: "C", name: "Avoidance (C, items 6–7)", items: [6, 7], needed: 1 },
  { id: "D", name: "Negative alterations in cognition and mood (D, items 8–14)", items: [8, 9, 10, 11, 12, 13, 14], needed: 2 },
  { id: "E", name: "Alterations in arousal and reactivity (E, items 15–20)", items: [15, 16, 17, 18, 19, 20], needed: 2 },
];

/** An item rated Moderately (2) or more counts as a symptom endorsed. */
const ENDORSED = 2;

export const pcl5: InstrumentDefinition = {
  id: "pcl5",
  name: "PCL-5",
  fullName: "PTSD Checklist for DSM-5",
  domain: "trauma",
  purpose: "Screens for PTSD, supports a provisional diagnosis and tracks symptom change during treatment.",
  timeframe: "past month",
  instructions:
    "Below is a list of problems that people sometimes have in response to a very stressful experience. Please read each " +
    "problem carefully and then indicate how much you have been bothered by that problem in the past month.",
  items: ITEMS.map((text, index) => ({ number: index + 1, text, options: SEVERITY })),
  scoring:
    "Sum of the 20 items (each 0–4), 0–80, with a subtotal per DSM-5 cluster (B 1–5, C 6–7, D 8–14, E 15–20). " +
    "Provisional diagnosis: items rated 2 or more count as symptoms; 1 B, 1 C, 2 D and 2 E are needed. A change of " +
    "5–10 points is a reliable change and 10–20 clinically meaningful (the workspace's trend marks 10 or more as both). " +
    "A clinical interview (e.g. CAPS-5) " +
    "confirms the diagnosis.",
  bands: [
    {
      min: 0,
      max: 30,
      severity: "below the cut-off",
      interpretation: "Below the 31–33 range that indicates probable PTSD; the PCL-5 is not a diagnosis and symptoms may still need care.",
    },
    {
      min: 31,
      max: 32,
      severity: "borderline",
      interpretation:
        "Within the 31–33 range reported as the best cut-point across samples: probable PTSD cannot be excluded; assess with a clinical interview.",
    },
    {
      min: 33,
      max: 80,
      severity: "probable PTSD",
      interpretation: "Probable PTSD: confirm with a clinical interview (e.g. CAPS-5) and consider trauma-focused psychological treatment.",
    },
  ],
  cutoff: {
    score: 33,
    direction: "at_or_above",
    rule: "33 or more: probable PTSD (the top of the 31–33 range the National Center for PTSD gives; use 31 where missing cases costs more).",
    source: "Bovin MJ et al. Psychol Assess 2016;28:1379-91; National Center for PTSD, PCL-5 scoring guidance.",
  },
  subscales: CLUSTERS.map(({ id, name, items }) => ({ id, name, items })),
  loinc: LOINC.pcl5,
  licence:
    "Public domain: a work of the US Department of Veterans Affairs, National Center for PTSD (ptsd.va.gov). Cite Weathers et al. 2013.",
  source:
    "Weathers FW, Litz BT, Keane TM, Palmieri PA, Marx BP, Schnurr PP. The PTSD Checklist for DSM-5 (PCL-5). National Center for PTSD, 2013.",
  screen: ({ values }) => {
    const clusters: Criterion[] = CLUSTERS.map(({ id, name, items, needed }) => {
      const endorsed = items.filter((item) => (values[item - 1] ?? 0) >= ENDORSED).length;
      return {
        id: `cluster_${id}`,
        description: `${name}: ${needed} or more items rated 2 or higher (${endorsed} are)`,
        met: endorsed >= needed,
      };
    });
    return {
      criteria: [
        ...clusters,
        {
          id: "dsm5_rule",
          description: "All four clusters met: provisional PTSD diagnosis by the DSM-5 symptom rule",
          met: clusters.every((c) => c.met),
        },
      ],
    };
  },
};
