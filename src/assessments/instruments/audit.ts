/** AUDIT: hazardous and harmful drinking and possible dependence, with the WHO's four risk zones. */
import type { InstrumentDefinition } from "../instrument-definition";
import { LOINC } from "../loinc";
import { AUDIT_INSTRUCTIONS, AUDIT_ITEMS, AUDIT_LICENCE, AUDIT_SOURCE } from "./audit-items";

export const audit: InstrumentDefinition = {
  id: "audit",
  name: "AUDIT",
  fullName: "Alcohol Use Disorders Identification Test",
  domain: "alcohol use",
  purpose: "Screens for hazardous and harmful drinking and possible alcohol dependence, and matches the response to the risk zone.",
  timeframe: "past year",
  instructions: AUDIT_INSTRUCTIONS,
  items: AUDIT_ITEMS,
  scoring:
    "Sum of the 10 items, 0–40: items 1–8 score 0–4, items 9 and 10 score 0, 2 or 4 (send 0, 2 or 4). In an " +
    "interview, a 'Never' on item 1 (or 0 on items 2 and 3 together) skips to items 9 and 10: answer the skipped items 0. " +
    "Domain subtotals: consumption (1–3), dependence (4–6), alcohol-related harm (7–10); points on items 4–6 suggest " +
    "dependence whatever the total. A lower cut-off (7) may suit women and people over 65.",
  bands: [
    { min: 0, max: 7, severity: "low risk (zone I)", interpretation: "Low-risk drinking or abstinence: alcohol education." },
    { min: 8, max: 15, severity: "hazardous (zone II)", interpretation: "Hazardous drinking: simple advice on cutting down." },
    {
      min: 16,
      max: 19,
      severity: "harmful (zone III)",
      interpretation: "Harmful drinking: simple advice plus brief counselling and continued monitoring.",
    },
    {
      min: 20,
      max: 40,
      severity: "possible dependence (zone IV)",
      interpretation: "Possible alcohol dependence: refer to a specialist for diagnostic evaluation and treatment.",
    },
  ],
  cutoff: {
    score: 8,
    direction: "at_or_above",
    rule: "8 or more: hazardous or harmful alcohol use (WHO); 20 or more warrants evaluation for dependence.",
    source: AUDIT_SOURCE,
  },
  subscales: [
    { id: "consumption", name: "Hazardous alcohol use (items 1–3)", items: [1, 2, 3] },
    { id: "dependence", name: "Dependence symptoms (items 4–6)", items: [4, 5, 6] },
    { id: "harm", name: "Harmful alcohol use (items 7–10)", items: [7, 8, 9, 10] },
  ],
  loinc: LOINC.audit,
  licence: AUDIT_LICENCE,
  source: AUDIT_SOURCE,
};
