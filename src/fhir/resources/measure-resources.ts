/**
 * A scored questionnaire as FHIR R4 resources (docs/api.md §13): the answers as a
 * QuestionnaireResponse and the score as an Observation derived from it. Pure; two entry points:
 * - `measureResources(measure, patientRef)`: a stored workspace measure (as `measuresForExport`
 *   in src/workspace/measures/measures.flow.ts returns it, answers opened) for the client's Bundle.
 *   The QuestionnaireResponse's id is the measure's id; the Observation's is derived from it
 *   (`companionId`), so exporting twice gives the same ids.
 * - `assessmentResources(result, responses?, options?)`: a stateless §6 answer (POST
 *   /api/v1/assessments/{instrument}) for POST /api/v1/fhir/convert. Without `responses` the
 *   answers are read back from `item_scores` when each score names exactly one answer; otherwise
 *   only the Observation is returned. Fresh random ids.
 * Both return `{ questionnaireResponse?, observation }`; references between them are
 * `urn:uuid:<id>`, as Bundle entries' fullUrls are (put each in the Bundle with
 * `fullUrl: urn:uuid:<resource.id>`).
 */
import type { Observation, Patient, QuestionnaireResponse, QuestionnaireResponseItem, Reference } from "@medplum/fhirtypes";
import { INSTRUMENTS, type Instrument } from "../../assessments/instrument-registry";
import type { AssessmentResult } from "../../assessments/scoring";
import type { MeasureForExport } from "../../workspace/measures/measures.flow";
import { INSTRUMENT_LOINC, SYSTEMS } from "../terminology";
import { answerCoding, linkId, questionnaireUrl } from "./questionnaire";

export interface ScoreResources {
  /** Absent only for a stateless result whose answers cannot be read back from its item scores. */
  questionnaireResponse?: QuestionnaireResponse;
  observation: Observation;
}

const urn = (id: string) => `urn:uuid:${id}`;

/**
 * The Observation's id for a measure: the measure's uuid with its version digit set to 8 (RFC 9562
 * custom). Our record ids are random v4 uuids, so it never equals one of them, and it is stable.
 */
const companionId = (id: string) => `${id.slice(0, 14)}8${id.slice(15)}`;

/** The answers, one per item (null where the branching skipped it), as a QuestionnaireResponse. */
function questionnaireResponse(
  id: string,
  instrument: Instrument,
  values: ReadonlyArray<number | null>,
  options: { subject?: Reference; authored?: string } = {},
): QuestionnaireResponse {
  const { items } = INSTRUMENTS[instrument];
  const answered = items.flatMap((item, index): QuestionnaireResponseItem[] => {
    const value = values[index];
    if (value === null || value === undefined) return [];
    return [{ linkId: linkId(item.number), text: item.text, answer: [{ valueCoding: answerCoding(instrument, item, value) }] }];
  });
  return {
    resourceType: "QuestionnaireResponse",
    id,
    questionnaire: questionnaireUrl(instrument),
    status: "completed",
    ...(options.subject ? { subject: options.subject as Reference<Patient> } : {}),
    ...(options.authored ? { authored: options.authored } : {}),
    item: answered,
  };
}

interface ScoreFacts {
  id: string;
  instrument: Instrument;
  score: number;
  band: string;
  interpretation: string;
  subscales?: ReadonlyArray<{ name: string; score: number }>;
  subject?: Reference;
  effective?: string;
  derivedFrom?: string;
}

/** The score as a survey Observation: LOINC total-score code where INSTRUMENT_LOINC has one, else text. */
function scoreObservation(facts: ScoreFacts): Observation {
  const definition = INSTRUMENTS[facts.instrument];
  const loinc = INSTRUMENT_LOINC[facts.instrument];
  // Instruments with their own total rule (C-SSRS grades risk, ASRS counts shaded items) have a score, not a sum.
  const text = definition.total ? `${definition.name} score` : `${definition.name} total score`;
  return {
    resourceType: "Observation",
    id: facts.id,
    status: "final",
    category: [{ coding: [{ system: SYSTEMS.observationCategory, code: "survey", display: "Survey" }] }],
    code: loinc ? { coding: [{ system: SYSTEMS.loinc, code: loinc.total }], text } : { text },
    // The bundle's references are plain `Reference`s; a measure's subject is always the Patient.
    ...(facts.subject ? { subject: facts.subject as Reference<Patient> } : {}),
    ...(facts.effective ? { effectiveDateTime: facts.effective } : {}),
    valueInteger: facts.score,
    // The band as the instrument's published wording; no standard code set covers these bands.
    interpretation: [{ text: facts.band }],
    note: [{ text: facts.interpretation }],
    ...(facts.subscales?.length
      ? { component: facts.subscales.map((subscale) => ({ code: { text: subscale.name }, valueInteger: subscale.score })) }
      : {}),
    ...(facts.derivedFrom ? { derivedFrom: [{ reference: urn(facts.derivedFrom), type: "QuestionnaireResponse" }] } : {}),
  };
}

/** What a measure needs to leave as FHIR: MeasureForExport, or any record with these fields (subscales optional). */
export type ExportableMeasure = Pick<
  MeasureForExport,
  "id" | "instrument" | "administered_at" | "score" | "band" | "interpretation" | "responses"
> &
  Partial<Pick<MeasureForExport, "subscales">>;

export function measureResources(measure: ExportableMeasure, patientRef: Reference): ScoreResources {
  const questionnaireResponseResource = questionnaireResponse(measure.id, measure.instrument, measure.responses, {
    subject: patientRef,
    authored: measure.administered_at,
  });
  return {
    questionnaireResponse: questionnaireResponseResource,
    observation: scoreObservation({
      id: companionId(measure.id),
      instrument: measure.instrument,
      score: measure.score,
      band: measure.band,
      interpretation: measure.interpretation,
      subscales: measure.subscales,
      subject: patientRef,
      effective: measure.administered_at,
      derivedFrom: measure.id,
    }),
  };
}

/** The answers behind `item_scores`, when every score belongs to exactly one printed answer of its item. */
function valuesFromScores(instrument: Instrument, itemScores: ReadonlyArray<number | null>): Array<number | null> | undefined {
  const { items } = INSTRUMENTS[instrument];
  if (itemScores.length !== items.length) return undefined;
  const values = itemScores.map((score, index) => {
    if (score === null) return null;
    const matches = items[index].options.filter((option) => option.score === score);
    return matches.length === 1 ? matches[0].value : undefined;
  });
  return values.every((value) => value !== undefined) ? (values as Array<number | null>) : undefined;
}

export function assessmentResources(
  result: Pick<AssessmentResult, "instrument" | "score" | "severity" | "interpretation" | "subscales" | "item_scores">,
  responses?: ReadonlyArray<number | null>,
  options: { subject?: Reference; authored?: string } = {},
): ScoreResources {
  const values = responses ?? valuesFromScores(result.instrument, result.item_scores);
  const response = values ? questionnaireResponse(crypto.randomUUID(), result.instrument, values, options) : undefined;
  return {
    ...(response ? { questionnaireResponse: response } : {}),
    observation: scoreObservation({
      id: crypto.randomUUID(),
      instrument: result.instrument,
      score: result.score,
      band: result.severity,
      interpretation: result.interpretation,
      subscales: result.subscales,
      subject: options.subject,
      effective: options.authored,
      derivedFrom: response?.id,
    }),
  };
}
