/**
 * Scores validated answers with the instrument's own rules: each answer's score, the total (a sum
 * unless the instrument counts or grades instead), the band, the cut-off, subscales and any rule
 * criteria. Pure: the safety block is added by assess.ts.
 */
import type { Answers, Criterion, InstrumentDefinition } from "./instrument-definition";
import { INSTRUMENTS, type Instrument, scoreRange } from "./instrument-registry";

export interface AssessmentResult {
  instrument: Instrument;
  name: string;
  score: number;
  max_score: number;
  severity: string;
  interpretation: string;
  flags: { item9_positive?: boolean; item10_positive?: boolean; at_or_above_cutoff: boolean; screen_positive: boolean };
  cutoff: { score: number; direction: "at_or_above" | "at_or_below"; rule: string; source: string };
  criteria: Criterion[];
  subscales: Array<{ id: string; name: string; score: number; max_score: number }>;
  item_scores: Array<number | null>;
  percentage?: number;
}

const sum = (scores: ReadonlyArray<number | null>) => scores.reduce<number>((total, score) => total + (score ?? 0), 0);

const meetsCutoff = ({ cutoff }: InstrumentDefinition, total: number) =>
  cutoff.direction === "at_or_above" ? total >= cutoff.score : total <= cutoff.score;

function bandIndex(definition: InstrumentDefinition, answers: Answers): number {
  if (definition.band) return definition.band(answers);
  return definition.bands.findIndex((band) => answers.total >= band.min && answers.total <= band.max);
}

/** `values` as validResponses returns them: one per item, each a printed answer's value, null when skipped. */
export function scoreAssessment(instrument: Instrument, values: ReadonlyArray<number | null>): AssessmentResult {
  const definition = INSTRUMENTS[instrument];
  const scores = values.map((value, index) =>
    value === null ? null : (definition.items[index].options.find((option) => option.value === value)?.score ?? 0),
  );
  const total = definition.total ? definition.total(scores, values) : sum(scores);
  const answers: Answers = { values, scores, total };
  const band = definition.bands[bandIndex(definition, answers)];
  const screen = definition.screen?.(answers);
  const positive = screen?.positive ?? meetsCutoff(definition, total);
  const flags: AssessmentResult["flags"] = { at_or_above_cutoff: positive, screen_positive: positive };
  for (const safetyItem of definition.safetyItems ?? []) {
    const value = values[safetyItem.item - 1];
    if (safetyItem.flag) flags[safetyItem.flag] = value !== null && safetyItem.positive(value);
  }
  const max = scoreRange(definition).max;
  return {
    instrument,
    name: definition.name,
    score: total,
    max_score: max,
    severity: band.severity,
    interpretation: band.interpretation,
    flags,
    cutoff: { ...definition.cutoff },
    criteria: screen?.criteria ?? [],
    subscales: (definition.subscales ?? []).map(({ id, name, items }) => ({
      id,
      name,
      score: sum(items.map((item) => scores[item - 1])),
      max_score: sum(items.map((item) => Math.max(...definition.items[item - 1].options.map((option) => option.score)))),
    })),
    item_scores: scores,
    ...(definition.reportsPercentage ? { percentage: Math.round((total / max) * 100) } : {}),
  };
}
