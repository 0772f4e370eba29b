/**
 * AUDIT-C: the AUDIT's three consumption items (Bush et al. 1998). Its cut-off depends on sex (4
 * for men, 3 for women) and the form does not record sex, so the flags use 3: a score of exactly 3
 * reads as positive for women and negative for men, and the criteria say which.
 */
import type { InstrumentDefinition } from "../instrument-definition";
import { LOINC } from "../loinc";
import { AUDIT_INSTRUCTIONS, AUDIT_ITEMS, AUDIT_LICENCE } from "./audit-items";

export const auditc: InstrumentDefinition = {
  id: "auditc",
  name: "AUDIT-C",
  fullName: "Alcohol Use Disorders Identification Test – Consumption",
  domain: "alcohol use",
  purpose: "Three-question screen for hazardous drinking and alcohol use disorders.",
  timeframe: "past year",
  instructions: AUDIT_INSTRUCTIONS,
  items: AUDIT_ITEMS.slice(0, 3),
  scoring:
    "Sum of the 3 items (each 0–4), 0–12. Positive at 4 or more for men, 3 or more for women. When all the points come " +
    "from item 1 (items 2 and 3 are 0), the patient is probably drinking within recommended limits; review recent intake.",
  bands: [
    { min: 0, max: 2, severity: "negative screen", interpretation: "Below both cut-offs: drinking is not flagged as hazardous." },
    {
      min: 3,
      max: 3,
      severity: "positive for women",
      interpretation:
        "Positive for women (cut-off 3), negative for men (cut-off 4): follow up as a positive screen if the patient is female.",
    },
    {
      min: 4,
      max: 7,
      severity: "positive screen",
      interpretation:
        "Positive screen for hazardous drinking or an alcohol use disorder: give brief advice and assess further (full AUDIT or interview).",
    },
    {
      min: 8,
      max: 12,
      severity: "positive screen, high",
      interpretation: "High score (8 or more): an alcohol use disorder is likely; assess for dependence and consider referral.",
    },
  ],
  cutoff: {
    score: 3,
    direction: "at_or_above",
    rule: "4 or more for men, 3 or more for women; the flags use 3 because the form does not record sex.",
    source:
      "Bush K et al. Arch Intern Med 1998;158:1789-95; Bradley KA et al. Alcohol Clin Exp Res 2007;31:1208-17; " +
      "Rubinsky AD et al. Alcohol Clin Exp Res 2013;37:1380-90 (high scores).",
  },
  loinc: LOINC.auditc,
  licence: AUDIT_LICENCE,
  source:
    "Bush K, Kivlahan DR, McDonell MB, Fihn SD, Bradley KA. The AUDIT alcohol consumption questions (AUDIT-C). Arch Intern Med 1998;158:1789-95.",
  screen: ({ total }) => ({
    criteria: [
      { id: "men", description: "4 or more: positive for men", met: total >= 4 },
      { id: "women", description: "3 or more: positive for women", met: total >= 3 },
    ],
  }),
};
