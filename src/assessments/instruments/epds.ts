/**
 * EPDS: perinatal depression (Cox, Holden & Sagovsky 1987). Items 3 and 5–10 print their answers
 * from the highest score down (reverse-scored); every answer's value is its score on the EPDS key,
 * so the first answer printed for item 3 ("Yes, most of the time") is sent as 3. Item 10 asks
 * about thoughts of self-harm.
 */
import { ascending, descending } from "../answer-scales";
import type { InstrumentDefinition } from "../instrument-definition";
import { LOINC } from "../loinc";

/** [statement, answers as printed, reverse-scored?] */
const ITEMS: Array<[string, string[], boolean]> = [
  [
    "I have been able to laugh and see the funny side of things",
    ["As much as I always could", "Not quite so much now", "Definitely not so much now", "Not at all"],
    false,
  ],
  [
    "I have looked forward with enjoyment to things",
    ["As much as I ever did", "Rather less than I used to", "Definitely less than I used to", "Hardly at all"],
    false,
  ],
  [
    "I have blamed myself unnecessarily when things went wrong",
    ["Yes, most of the time", "Yes, some of the time", "Not very often", "No, never"],
    true,
  ],
  ["I have been anxious or worried for no good reason", ["No, not at all", "Hardly ever", "Yes, sometimes", "Yes, very often"], false],
  ["I have felt scared or panicky for no very good reason", ["Yes, quite a lot", "Yes, sometimes", "No, not much", "No, not at all"], true],
  [
    "Things have been getting on top of me",
    [
      "Yes, most of the time I haven't been able to cope at all",
      "Yes, sometimes I haven't been coping as well as usual",
      "No, most of the time I have coped quite well",
      "No, I have been coping as well as ever",
    ],
    true,
  ],
  [
    "I have been so unhappy that I have had difficulty sleeping",
    ["Yes, most of the time", "Yes, sometimes", "Not very often", "No, not at all"],
    true,
  ],
  ["I have felt sad or miserable", ["Yes, most of the time", "Yes, quite often", "Not very often", "No, not at all"], true],
  ["I have been so unhappy that I have been crying", ["Yes, most of the time", "Yes, quite often", "Only occasionally", "No, never"], true],
  ["The thought of harming myself has occurred to me", ["Yes, quite often", "Sometimes", "Hardly ever", "Never"], true],
];

export const epds: InstrumentDefinition = {
  id: "epds",
  name: "EPDS",
  fullName: "Edinburgh Postnatal Depression Scale",
  domain: "perinatal depression",
  purpose: "Screens for depression (and anxiety) in pregnancy and the year after birth; validated in fathers too.",
  timeframe: "past 7 days",
  instructions: "Mark the answer that comes closest to how you have felt in the past 7 days, not just how you feel today.",
  items: ITEMS.map(([text, labels, reversed], index) => ({
    number: index + 1,
    text,
    options: reversed ? descending(labels, 3) : ascending(labels),
  })),
  scoring:
    "Sum of the 10 items (each 0–3 on the EPDS key), 0–30. Items 3 and 5–10 are reverse-scored: their first printed " +
    "answer scores 3. Send each answer's score (its `value`). Any answer other than 'Never' on item 10 needs a same-day " +
    "risk assessment, whatever the total. Items 3–5 form the anxiety subscale (EPDS-3A).",
  bands: [
    {
      min: 0,
      max: 9,
      severity: "below the screening cut-off",
      interpretation: "Below the cut-off of 10: depression is unlikely; repeat at the next perinatal contact if symptoms persist.",
    },
    {
      min: 10,
      max: 12,
      severity: "possible depression",
      interpretation: "Possible depression: assess further with a clinical interview and repeat the EPDS at follow-up.",
    },
    {
      min: 13,
      max: 30,
      severity: "probable depression",
      interpretation:
        "Probable depression (13 or more): a full clinical assessment for a depressive disorder and a treatment plan are warranted.",
    },
  ],
  cutoff: {
    score: 10,
    direction: "at_or_above",
    rule:
      "10 or more: possible depression, the screening cut-off that misses fewest cases; 13 or more: probable depression. " +
      "An individual-participant meta-analysis found 11 or more maximised sensitivity plus specificity.",
    source: "Cox JL, Holden JM, Sagovsky R. Br J Psychiatry 1987;150:782-6; Levis B et al. BMJ 2020;371:m4022.",
  },
  subscales: [{ id: "epds3a", name: "Anxiety (EPDS-3A, items 3–5)", items: [3, 4, 5] }],
  loinc: LOINC.epds,
  licence:
    "© 1987 The Royal College of Psychiatrists. May be photocopied by individual researchers or clinicians for their own " +
    "use without seeking permission, provided the source is cited: Cox, Holden & Sagovsky, Br J Psychiatry 1987.",
  source:
    "Cox JL, Holden JM, Sagovsky R. Detection of postnatal depression: development of the 10-item Edinburgh Postnatal Depression Scale. Br J Psychiatry 1987;150:782-6. EPDS-3A: Matthey S. Using the Edinburgh Postnatal Depression Scale to screen for anxiety disorders. Depress Anxiety 2008;25:926-31.",
  safetyItems: [
    {
      item: 10,
      category: "self_harm",
      evidence: "EPDS item 10 positive: the thought of harming herself or himself has occurred in the past 7 days",
      positive: (value) => value > 0,
      temporal: "recent",
      flag: "item10_positive",
    },
  ],
};
