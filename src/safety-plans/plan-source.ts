/** The text a safety plan is drafted from: the request's text, or what the client said as a clinical answer carries it. */
import { invalidFields } from "../lib/problem";
import { thousands } from "../lib/thousands";
import { NOT_DOCUMENTED } from "../notes/notes.schemas";
import { MAX_TEXT } from "../rag/rag.schemas";
import type { SafetyPlanInput } from "./safety-plans.schemas";

/** An answer carries several fields of up to 20,000 characters each; a plan reads at most two texts' worth. */
const MAX_ANSWER_TEXT = 2 * MAX_TEXT;

function answerText(answer: NonNullable<SafetyPlanInput["answer"]>): string {
  const { query, sections, transcription, case_data, safety } = answer;
  return [
    query?.symptoms,
    query?.diagnosis,
    query?.patient_context,
    transcription,
    ...(case_data?.presenting_symptoms ?? []),
    case_data?.clinical_history,
    case_data?.assessment_notes,
    // A note's sections; a section the note had nothing for says so and is not source text.
    ...Object.values(sections ?? {}).filter((section) => section !== NOT_DOCUMENTED),
    // The detector's evidence is quoted from the source, so it is source text too (all a questionnaire answer has).
    ...(safety?.indicators ?? []).map((indicator) => indicator.evidence),
  ]
    .filter((part): part is string => typeof part === "string" && part.trim().length > 0)
    .join("\n");
}

export function planSourceText(input: SafetyPlanInput): string {
  if (input.text !== undefined) return input.text;
  const text = answerText(input.answer ?? {});
  if (!/\p{L}/u.test(text))
    throw invalidFields(
      [{ path: "body.answer", message: "has no query, sections, transcription, case data or safety evidence with text" }],
      "The answer carries no text to draft a safety plan from.",
    );
  if (text.length > MAX_ANSWER_TEXT)
    throw invalidFields(
      [{ path: "body.answer", message: `at most ${thousands(MAX_ANSWER_TEXT)} characters of text` }],
      `The answer carries more than ${thousands(MAX_ANSWER_TEXT)} characters of text; send the part that matters as text.`,
    );
  return text;
}
