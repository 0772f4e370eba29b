/** A questionnaire's responses checked, scored, and turned into the safety block (shared by the API route and the console). */
import { invalidFields } from "../lib/problem";
import { CRISIS_RESOURCES } from "../safety/crisis";
import { INSTRUMENTS, type Instrument, scoreAssessment } from "./scoring";

/** Checks length and every item, naming each bad item (1-based, as clinicians number them). */
function validResponses(instrument: Instrument, responses: unknown[]): number[] {
  const { items, name } = INSTRUMENTS[instrument];
  const errors: Array<{ path: string; message: string }> = [];
  if (responses.length !== items)
    errors.push({ path: "body.responses", message: `${name} needs exactly ${items} item responses; got ${responses.length}` });
  responses.forEach((value, index) => {
    if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 3) {
      errors.push({
        path: `body.responses.${index}`,
        message: `item ${index + 1} must be an integer from 0 to 3; got ${JSON.stringify(value)}`,
      });
    }
  });
  if (errors.length) throw invalidFields(errors, `${name} responses are invalid`);
  return responses as number[];
}

/** The score, band and flags, with a safety block that reports a positive PHQ-9 item 9. A bad response is a 400 problem. */
export function assessResponses(instrument: Instrument, responses: unknown[]) {
  const result = scoreAssessment(instrument, validResponses(instrument, responses));
  const risk = result.flags.item9_positive === true;
  const safety = {
    crisis_detected: risk,
    indicators: risk
      ? [
          {
            category: "suicidal_ideation",
            field: "responses.8",
            evidence: "PHQ-9 item 9 positive: thoughts of being better off dead or of self-harm",
            temporal: "recent",
          },
        ]
      : [],
    resources: risk ? CRISIS_RESOURCES : [],
  };
  return { ...result, safety };
}
