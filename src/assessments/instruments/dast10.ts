/**
 * DAST-10: problems from drug use other than alcohol (Skinner 1982). Answers are 1 for yes, 0 for
 * no; item 3 ("always able to stop") is reversed: its no scores 1 and its yes 0.
 */
import { YES_NO } from "../answer-scales";
import type { InstrumentDefinition } from "../instrument-definition";
import { LOINC } from "../loinc";

const ITEMS = [
  "Have you used drugs other than those required for medical reasons?",
  "Do you abuse more than one drug at a time?",
  "Are you always able to stop using drugs when you want to?",
  'Have you had "blackouts" or "flashbacks" as a result of drug use?',
  "Do you ever feel bad or guilty about your drug use?",
  "Does your spouse (or parents) ever complain about your involvement with drugs?",
  "Have you neglected your family because of your use of drugs?",
  "Have you engaged in illegal activities in order to obtain drugs?",
  "Have you ever experienced withdrawal symptoms (felt sick) when you stopped taking drugs?",
  "Have you had medical problems as a result of your drug use (e.g. memory loss, hepatitis, convulsions, bleeding, etc.)?",
];

/** Item 3: being able to stop is the healthy answer. */
const REVERSED_YES_NO = [
  { value: 0, label: "No", score: 1 },
  { value: 1, label: "Yes", score: 0 },
];

export const dast10: InstrumentDefinition = {
  id: "dast10",
  name: "DAST-10",
  fullName: "Drug Abuse Screening Test (10-item)",
  domain: "drug use",
  purpose: "Screens for problems related to drug use (prescribed drugs beyond directions and any non-medical use), not alcohol or tobacco.",
  timeframe: "past 12 months",
  instructions:
    "These questions refer to the past 12 months. 'Drug use' means the use of prescribed or over-the-counter drugs in " +
    "excess of the directions, and any non-medical use of drugs (e.g. cannabis, solvents, sedatives, cocaine, stimulants, " +
    "hallucinogens or opioids). It does not include alcohol or tobacco. Answer yes (1) or no (0).",
  items: ITEMS.map((text, index) => ({ number: index + 1, text, options: index === 2 ? REVERSED_YES_NO : YES_NO })),
  scoring: "One point for each yes, except item 3, where no scores the point; 0–10.",
  bands: [
    {
      min: 0,
      max: 0,
      severity: "no problems reported",
      interpretation: "No problems related to drug use reported: no action at this time.",
    },
    { min: 1, max: 2, severity: "low level", interpretation: "Low level of problems: monitor and reassess at a later date." },
    { min: 3, max: 5, severity: "moderate level", interpretation: "Moderate level: investigate drug use further." },
    { min: 6, max: 8, severity: "substantial level", interpretation: "Substantial level: intensive assessment." },
    { min: 9, max: 10, severity: "severe level", interpretation: "Severe level: intensive assessment." },
  ],
  cutoff: {
    score: 3,
    direction: "at_or_above",
    rule: "3 or more may indicate a drug use disorder; some populations use other cut-offs.",
    source: "Yudko E, Lozhkina O, Fouts A. J Subst Abuse Treat 2007;32:189-98 (as LOINC 82667-7 states it).",
  },
  loinc: LOINC.dast10,
  licence:
    "© 1982 Harvey A. Skinner, PhD, and the Centre for Addiction and Mental Health (formerly the Addiction Research " +
    "Foundation), Toronto. Distributed for non-commercial clinical use with attribution (e.g. by NIDA); other uses need " +
    "the author's permission.",
  source: "Skinner HA. The Drug Abuse Screening Test. Addict Behav 1982;7:363-71.",
};
