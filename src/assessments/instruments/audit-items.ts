/** The AUDIT's ten items (WHO 2001); the AUDIT-C is its first three. */
import { ascending } from "../answer-scales";
import type { Item } from "../instrument-definition";

const HOW_OFTEN = ascending(["Never", "Less than monthly", "Monthly", "Weekly", "Daily or almost daily"]);

/** Items 9 and 10 score 0, 2 or 4; the value sent is the score, as the form prints it. */
const INJURY_OR_CONCERN = [
  { value: 0, label: "No", score: 0 },
  { value: 2, label: "Yes, but not in the last year", score: 2 },
  { value: 4, label: "Yes, during the last year", score: 4 },
];

export const AUDIT_ITEMS: Item[] = [
  {
    number: 1,
    text: "How often do you have a drink containing alcohol?",
    options: ascending(["Never", "Monthly or less", "2 to 4 times a month", "2 to 3 times a week", "4 or more times a week"]),
  },
  {
    number: 2,
    text: "How many drinks containing alcohol do you have on a typical day when you are drinking?",
    options: ascending(["1 or 2", "3 or 4", "5 or 6", "7, 8, or 9", "10 or more"]),
  },
  { number: 3, text: "How often do you have six or more drinks on one occasion?", options: HOW_OFTEN },
  {
    number: 4,
    text: "How often during the last year have you found that you were not able to stop drinking once you had started?",
    options: HOW_OFTEN,
  },
  {
    number: 5,
    text: "How often during the last year have you failed to do what was normally expected from you because of drinking?",
    options: HOW_OFTEN,
  },
  {
    number: 6,
    text: "How often during the last year have you needed a first drink in the morning to get yourself going after a heavy drinking session?",
    options: HOW_OFTEN,
  },
  { number: 7, text: "How often during the last year have you had a feeling of guilt or remorse after drinking?", options: HOW_OFTEN },
  {
    number: 8,
    text: "How often during the last year have you been unable to remember what happened the night before because you had been drinking?",
    options: HOW_OFTEN,
  },
  { number: 9, text: "Have you or someone else been injured as a result of your drinking?", options: INJURY_OR_CONCERN },
  {
    number: 10,
    text: "Has a relative or friend or a doctor or another health worker been concerned about your drinking or suggested you cut down?",
    options: INJURY_OR_CONCERN,
  },
];

export const AUDIT_INSTRUCTIONS =
  "Questions about your use of alcoholic beverages during the past year. A 'drink' is one standard drink (WHO: 10 g of " +
  "alcohol; a US standard drink is 14 g), so count, for example, a small glass of wine or a regular beer as one.";

export const AUDIT_LICENCE =
  "© World Health Organization 2001. As a WHO-approved instrument the AUDIT is in the public domain and may be used " +
  "without permission; cite Babor et al., WHO 2001.";

export const AUDIT_SOURCE =
  "Babor TF, Higgins-Biddle JC, Saunders JB, Monteiro MG. AUDIT: The Alcohol Use Disorders Identification Test. " +
  "Guidelines for use in primary care, 2nd ed. World Health Organization, 2001 (WHO/MSD/MSB/01.6a).";
