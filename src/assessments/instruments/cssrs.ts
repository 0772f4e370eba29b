/**
 * C-SSRS screener (Columbia Suicide Severity Rating Scale, screen version, past month): six
 * yes/no questions with branching, and a seventh for the timing of behaviour (item 6's "within the
 * past 3 months?"). There is no total to add up: the score is the triage risk level Columbia's
 * screener assigns (0 none, 1 low, 2 moderate, 3 high), and every yes fills the safety block.
 */
import { YES_NO } from "../answer-scales";
import type { InstrumentDefinition, SafetyItem } from "../instrument-definition";
import { LOINC } from "../loinc";

const YES = 1;
const AFTER_ITEM_2 = { item: 2, value: YES };

const yes = (value: number | null | undefined) => value === YES;

/** The screener's triage: intent, a plan, or behaviour in the past 3 months is high risk. */
function riskLevel(values: ReadonlyArray<number | null>): number {
  const [wish, thoughts, method, intent, plan, behaviour, recentBehaviour] = values;
  if (yes(intent) || yes(plan) || (yes(behaviour) && yes(recentBehaviour))) return 3;
  if (yes(method) || yes(behaviour)) return 2;
  if (yes(wish) || yes(thoughts)) return 1;
  return 0;
}

const ideation = (item: number, evidence: string): SafetyItem => ({
  item,
  category: "suicidal_ideation",
  evidence: `C-SSRS item ${item} positive: ${evidence} (past month)`,
  positive: yes,
  temporal: "recent",
});

export const cssrs: InstrumentDefinition = {
  id: "cssrs",
  name: "C-SSRS screener",
  fullName: "Columbia Suicide Severity Rating Scale, screen version",
  domain: "suicide risk",
  purpose: "Screens for suicidal ideation and behaviour and triages the risk level; not a substitute for a clinical risk assessment.",
  timeframe: "past month (items 1–5); lifetime, with the past 3 months, for behaviour (items 6–7)",
  instructions:
    "Ask questions 1 and 2 about the past month. If the answer to 2 is yes, ask 3, 4 and 5; if no, go to 6. Ask 6 in " +
    "every case and, if yes, ask 7. Answer yes (1) or no (0); send null for a question the branching skips.",
  items: [
    { number: 1, text: "Have you wished you were dead or wished you could go to sleep and not wake up?", options: YES_NO },
    { number: 2, text: "Have you actually had any thoughts of killing yourself?", options: YES_NO },
    { number: 3, text: "Have you been thinking about how you might do this?", options: YES_NO, askedIf: AFTER_ITEM_2 },
    { number: 4, text: "Have you had these thoughts and had some intention of acting on them?", options: YES_NO, askedIf: AFTER_ITEM_2 },
    {
      number: 5,
      text: "Have you started to work out or worked out the details of how to kill yourself? Do you intend to carry out this plan?",
      options: YES_NO,
      askedIf: AFTER_ITEM_2,
    },
    {
      number: 6,
      text:
        "Have you ever done anything, started to do anything, or prepared to do anything to end your life? (For example: " +
        "collected pills, obtained a gun, gave away valuables, wrote a will or suicide note, took out pills but didn't " +
        "swallow any, held a gun but changed your mind or it was grabbed from your hand, went to the roof but didn't jump; " +
        "or actually took pills, tried to shoot yourself, cut yourself, tried to hang yourself, etc.)",
      options: YES_NO,
    },
    { number: 7, text: "If yes to question 6: was this within the past 3 months?", options: YES_NO, askedIf: { item: 6, value: YES } },
  ],
  scoring:
    "No total: the score is the risk level. High (3): yes to 4 (intent) or 5 (plan with intent), or behaviour (6) within " +
    "the past 3 months (7). Moderate (2): yes to 3 (method), or behaviour more than 3 months ago. Low (1): yes to 1 or 2 " +
    "only. Any yes is a positive screen and fills the safety block; behaviour only more than 3 months ago is listed as " +
    "historical.",
  minScore: 0,
  maxScore: 3,
  bands: [
    {
      min: 0,
      max: 0,
      severity: "no risk identified",
      interpretation: "No suicidal ideation or behaviour reported in the screen's time frames; clinical judgement still applies.",
    },
    {
      min: 1,
      max: 1,
      severity: "low risk",
      interpretation:
        "Wish to be dead or non-specific suicidal thoughts, without method, intent, plan or recent behaviour: assess further, " +
        "plan for safety and consider a mental health referral.",
    },
    {
      min: 2,
      max: 2,
      severity: "moderate risk",
      interpretation:
        "Suicidal thoughts with a method but no intent or plan, or suicidal behaviour more than 3 months ago: a same-day " +
        "assessment by a mental health clinician, safety planning and consideration of safety precautions.",
    },
    {
      min: 3,
      max: 3,
      severity: "high risk",
      interpretation:
        "Suicidal intent, a plan with intent, or suicidal behaviour in the past 3 months: immediate safety precautions and an " +
        "emergency psychiatric evaluation; do not leave the person alone or with access to means.",
    },
  ],
  cutoff: {
    score: 1,
    direction: "at_or_above",
    rule: "Any yes to questions 1–6 is a positive screen; the risk level sets the urgency.",
    source: "Posner K et al. Am J Psychiatry 2011;168:1266-77; Columbia Lighthouse Project, C-SSRS screener with triage points.",
  },
  loinc: LOINC.cssrs,
  licence:
    "© 2008 The Research Foundation for Mental Hygiene, Inc. Free to use without permission in clinical, community and " +
    "non-profit research settings (Columbia Lighthouse Project, cssrs.columbia.edu); training is recommended.",
  source:
    "Posner K, Brown GK, Stanley B et al. The Columbia-Suicide Severity Rating Scale: initial validity and internal consistency findings. Am J Psychiatry 2011;168:1266-77.",
  total: (_scores, values) => riskLevel(values),
  safetyItems: [
    ideation(1, "wished to be dead or to go to sleep and not wake up"),
    ideation(2, "thoughts of killing oneself"),
    ideation(3, "has thought about how to do it"),
    ideation(4, "some intention of acting on suicidal thoughts"),
    ideation(5, "has worked out details of a suicide plan and intends to carry it out"),
    {
      item: 6,
      category: "suicidal_ideation",
      evidence: "C-SSRS item 6 positive: has done, started or prepared something to end their life",
      positive: yes,
      temporal: (values) => (yes(values[6]) ? "recent" : "historical"),
    },
  ],
};
