/** Answer sets shared by several instruments, each in the order its published form prints it. */
import type { AnswerOption } from "./instrument-definition";

/** Answers whose value is their score, counting up from `start` in printed order. */
export function ascending(labels: readonly string[], start = 0): AnswerOption[] {
  return labels.map((label, index) => ({ value: start + index, label, score: start + index }));
}

/** Answers printed from the highest score down (EPDS reverse-scored items, WHO-5); the value is still the score. */
export function descending(labels: readonly string[], top: number): AnswerOption[] {
  return labels.map((label, index) => ({ value: top - index, label, score: top - index }));
}

/** PHQ-9, PHQ-2, GAD-7, GAD-2: frequency over the last two weeks. */
export const PHQ_FREQUENCY = ascending(["Not at all", "Several days", "More than half the days", "Nearly every day"]);

/** Yes scores 1 (DAST-10 item 3 is the exception and builds its own). */
export const YES_NO: AnswerOption[] = [
  { value: 0, label: "No", score: 0 },
  { value: 1, label: "Yes", score: 1 },
];
