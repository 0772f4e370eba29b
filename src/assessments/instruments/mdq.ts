/**
 * MDQ: lifetime screen for bipolar spectrum disorder (Hirschfeld et al. 2000). Items 1–13 are
 * part 1, item 14 is part 2 (several at the same time) and item 15 is part 3 (how much of a
 * problem). The screen is positive only when all three parts are met; the score is the part 1
 * count.
 */
import { ascending, YES_NO } from "../answer-scales";
import type { Answers, Criterion, InstrumentDefinition } from "../instrument-definition";
import { LOINC } from "../loinc";

const PART_1 = [
  "…you felt so good or so hyper that other people thought you were not your normal self or you were so hyper that you got into trouble?",
  "…you were so irritable that you shouted at people or started fights or arguments?",
  "…you felt much more self-confident than usual?",
  "…you got much less sleep than usual and found you didn't really miss it?",
  "…you were much more talkative or spoke much faster than usual?",
  "…thoughts raced through your head or you couldn't slow your mind down?",
  "…you were so easily distracted by things around you that you had trouble concentrating or staying on track?",
  "…you had much more energy than usual?",
  "…you were much more active or did many more things than usual?",
  "…you were much more social or outgoing than usual, for example, you telephoned friends in the middle of the night?",
  "…you were much more interested in sex than usual?",
  "…you did things that were unusual for you or that other people might have thought were excessive, foolish, or risky?",
  "…spending money got you or your family into trouble?",
];

const PROBLEM = ascending(["No problem", "Minor problem", "Moderate problem", "Serious problem"]);
const PART_1_NEEDED = 7;
const MODERATE = 2;

function criteria({ values, total }: Answers): Criterion[] {
  return [
    { id: "part1", description: `Part 1: ${PART_1_NEEDED} or more of the 13 items yes (${total} are)`, met: total >= PART_1_NEEDED },
    { id: "part2", description: "Part 2: several of them happened during the same period", met: values[13] === 1 },
    { id: "part3", description: "Part 3: they caused a moderate or serious problem", met: (values[14] ?? 0) >= MODERATE },
  ];
}

export const mdq: InstrumentDefinition = {
  id: "mdq",
  name: "MDQ",
  fullName: "Mood Disorder Questionnaire",
  domain: "bipolar spectrum",
  purpose: "Screens for a lifetime history of manic or hypomanic symptoms (bipolar spectrum disorder).",
  timeframe: "lifetime",
  instructions: "Has there ever been a period of time when you were not your usual self and… (items 1–13; answer yes (1) or no (0)).",
  items: [
    ...PART_1.map((text, index) => ({ number: index + 1, text, options: YES_NO })),
    {
      number: 14,
      text: "If you checked YES to more than one of the above, have several of these ever happened during the same period of time?",
      options: YES_NO,
    },
    {
      number: 15,
      text:
        "How much of a problem did any of these cause you — like being unable to work; having family, money or legal " +
        "troubles; getting into arguments or fights?",
      options: PROBLEM,
    },
  ],
  scoring:
    "The score is the number of yes answers in part 1 (items 1–13), 0–13. Positive screen only when all three parts are " +
    "met: 7 or more part 1 items yes, part 2 (item 14) yes, and part 3 (item 15) a moderate or serious problem.",
  minScore: 0,
  maxScore: 13,
  bands: [
    {
      min: 0,
      max: 13,
      severity: "negative screen",
      interpretation:
        "The three-part rule is not met: bipolar spectrum disorder is not suggested by this screen, which misses some bipolar II presentations.",
    },
    {
      min: 7,
      max: 13,
      severity: "positive screen",
      interpretation: "All three parts met: positive screen for bipolar spectrum disorder; a full diagnostic assessment is warranted.",
    },
  ],
  cutoff: {
    score: PART_1_NEEDED,
    direction: "at_or_above",
    rule: "7 or more part 1 items yes, and part 2 yes, and part 3 a moderate or serious problem (all three).",
    source: "Hirschfeld RMA et al. Am J Psychiatry 2000;157:1873-5.",
  },
  loinc: LOINC.mdq,
  licence:
    "© 2000 Robert M.A. Hirschfeld, MD. Reproduced freely for clinical use (distributed, for example, by SAMHSA-HRSA); " +
    "cite Hirschfeld et al. 2000.",
  source:
    "Hirschfeld RMA, Williams JBW, Spitzer RL et al. Development and validation of a screening instrument for bipolar spectrum disorder: the Mood Disorder Questionnaire. Am J Psychiatry 2000;157:1873-5.",
  total: (scores) => scores.slice(0, PART_1.length).reduce<number>((sum, score) => sum + (score ?? 0), 0),
  band: (answers) => (criteria(answers).every((c) => c.met) ? 1 : 0),
  screen: (answers) => {
    const parts = criteria(answers);
    return { positive: parts.every((c) => c.met), criteria: parts };
  },
};
