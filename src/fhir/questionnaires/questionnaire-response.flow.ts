/**
 * Scoring a FHIR QuestionnaireResponse (POST /api/v1/fhir/QuestionnaireResponse) exactly as §6
 * scores `responses`: the answers are read from the items by linkId into the §6 array (an item
 * left out is null, which only a branching-skipped item may be), then the same use case
 * (scoreQuestionnaire) validates, scores and audits, and its field errors are pointed back at the
 * response's items (`body.item.<index>`, or `body.item` for an item with no entry).
 */
import { scoreQuestionnaire } from "../../assessments/assessment.flow";
import { INSTRUMENTS, type Instrument } from "../../assessments/instrument-registry";
import { type FieldError, invalidFields, ProblemError } from "../../lib/problem";
import type { UseCaseDeps } from "../../use-case/deps";
import { answerSystem, instrumentOfCanonical, linkId } from "../resources/questionnaire";
import type { QuestionnaireResponseInput } from "./questionnaires.schemas";

type Answer = NonNullable<QuestionnaireResponseInput["item"][number]["answer"]>[number];

/** The §6 value an answer carries: a Coding's code as an integer where it is one (else as sent, for §6 to refuse), or an integer. */
function answerValue(instrument: Instrument, answer: Answer, path: string, errors: FieldError[]): unknown {
  if (answer.valueCoding) {
    const { system, code } = answer.valueCoding;
    if (system !== undefined && system !== answerSystem(instrument))
      errors.push({
        path: `${path}.valueCoding.system`,
        message: `must be ${answerSystem(instrument)}, the Questionnaire's answer system`,
      });
    return code !== undefined && /^-?\d+$/.test(code) ? Number(code) : (code ?? null);
  }
  if (answer.valueInteger !== undefined) return answer.valueInteger;
  errors.push({ path, message: "an answer must be a valueCoding from the Questionnaire's answerOption, or a valueInteger" });
  return null;
}

/** The §6 responses array, and where each item's answer sits in the body (its index in `item`). */
function readResponses(instrument: Instrument, body: QuestionnaireResponseInput) {
  const { items } = INSTRUMENTS[instrument];
  const responses: unknown[] = items.map(() => null);
  const positions = new Map<number, number>();
  const errors: FieldError[] = [];
  body.item.forEach((entry, index) => {
    const path = `body.item.${index}`;
    const number = items.findIndex((item) => linkId(item.number) === entry.linkId);
    if (number < 0) {
      errors.push({ path: `${path}.linkId`, message: `must be one of ${linkId(1)}…${linkId(items.length)}; got ${entry.linkId}` });
      return;
    }
    if (positions.has(number)) {
      errors.push({ path: `${path}.linkId`, message: `${entry.linkId} is answered more than once` });
      return;
    }
    positions.set(number, index);
    if (entry.item?.length) errors.push({ path: `${path}.item`, message: "this Questionnaire has no nested items" });
    const answers = entry.answer ?? [];
    if (answers.length > 1) errors.push({ path: `${path}.answer`, message: "each item takes one answer" });
    if (answers.length) responses[number] = answerValue(instrument, answers[0], `${path}.answer.0`, errors);
  });
  return { responses, positions, errors };
}

/** §6's `body.responses.<i>` as the item of the response that carried it. */
function itemPath(path: string, positions: Map<number, number>): string {
  const match = /^body\.responses\.(\d+)$/.exec(path);
  if (!match) return "body.item";
  const position = positions.get(Number(match[1]));
  return position === undefined ? "body.item" : `body.item.${position}`;
}

export async function scoreQuestionnaireResponse(
  deps: Pick<UseCaseDeps, "account" | "audit" | "country">,
  body: QuestionnaireResponseInput,
) {
  const instrument = instrumentOfCanonical(body.questionnaire);
  if (!instrument)
    throw invalidFields([
      {
        path: "body.questionnaire",
        message: `must be the canonical URL of one of our Questionnaires (GET /api/v1/fhir/Questionnaire/{instrument})`,
      },
    ]);
  const { responses, positions, errors } = readResponses(instrument, body);
  if (errors.length) throw invalidFields(errors, `${INSTRUMENTS[instrument].name} response is invalid`);
  try {
    return await scoreQuestionnaire(deps, instrument, responses, { action: "fhir.questionnaire_response.score" });
  } catch (error) {
    if (!(error instanceof ProblemError) || error.problem.code !== "validation_error" || !error.problem.errors) throw error;
    throw invalidFields(
      error.problem.errors.map(({ path, message }) => {
        const mapped = itemPath(path, positions);
        // An item with no entry at all: name it, since `body.item` alone does not say which.
        return { path: mapped, message: mapped === "body.item" && /^body\.responses\.\d+$/.test(path) ? `no answer: ${message}` : message };
      }),
      `${INSTRUMENTS[instrument].name} responses are invalid`,
    );
  }
}
