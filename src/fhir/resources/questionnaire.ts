/**
 * The §6 instruments as FHIR R4 Questionnaires (docs/api.md §13), and the answer codings both
 * directions share:
 * - `questionnaireUrl(instrument)`: the canonical URL, `${OUR_SYSTEMS.questionnaire}/<instrument>`.
 * - `instrumentOfCanonical(url)`: the instrument a canonical (optionally `|version`) names, or undefined.
 * - `answerSystem(instrument)` / `answerCoding(instrument, item, value)`: an answer as a Coding of
 *   our per-instrument answer system (code = the §6 answer value, display = its printed label,
 *   the ordinalValue extension = what it scores).
 * - `linkId(number)`: `item<n>`, the form's own numbering.
 * - `questionnaire(instrument)`: the Questionnaire (one `choice` item per question, the C-SSRS
 *   branching as enableWhen, the LOINC panel code where INSTRUMENT_LOINC has one).
 */
import type { Coding, Questionnaire, QuestionnaireItem } from "@medplum/fhirtypes";
import type { Item } from "../../assessments/instrument-definition";
import { INSTRUMENTS, type Instrument, isInstrument } from "../../assessments/instrument-registry";
import { INSTRUMENT_LOINC, ORDINAL_VALUE_EXTENSION, OUR_SYSTEMS, SYSTEMS } from "../terminology";

export const questionnaireUrl = (instrument: Instrument) => `${OUR_SYSTEMS.questionnaire}/${instrument}`;

export function instrumentOfCanonical(canonical: string): Instrument | undefined {
  const [url] = canonical.split("|");
  const prefix = `${OUR_SYSTEMS.questionnaire}/`;
  if (!url.startsWith(prefix)) return undefined;
  const instrument = url.slice(prefix.length);
  return isInstrument(instrument) ? instrument : undefined;
}

export const answerSystem = (instrument: Instrument) => `${OUR_SYSTEMS.answers}/${instrument}`;

export const linkId = (itemNumber: number) => `item${itemNumber}`;

/** `value` is one of the item's printed answers (validated before any coding is built). */
export function answerCoding(instrument: Instrument, item: Item, value: number): Coding {
  const option = item.options.find((each) => each.value === value);
  return {
    system: answerSystem(instrument),
    code: String(value),
    ...(option ? { display: option.label } : {}),
    ...(option ? { extension: [{ url: ORDINAL_VALUE_EXTENSION, valueDecimal: option.score }] } : {}),
  };
}

function questionItem(instrument: Instrument, item: Item): QuestionnaireItem {
  const gate = item.askedIf;
  const source = gate ? INSTRUMENTS[instrument].items[gate.item - 1] : undefined;
  return {
    linkId: linkId(item.number),
    prefix: `${item.number}.`,
    text: item.text,
    type: "choice",
    // Required when asked: an item the branching skips (enableWhen false) is not answered at all.
    required: true,
    ...(gate && source
      ? { enableWhen: [{ question: linkId(gate.item), operator: "=", answerCoding: answerCoding(instrument, source, gate.value) }] }
      : {}),
    answerOption: item.options.map((option) => ({ valueCoding: answerCoding(instrument, item, option.value) })),
  };
}

export function questionnaire(instrument: Instrument): Questionnaire {
  const definition = INSTRUMENTS[instrument];
  const loinc = INSTRUMENT_LOINC[instrument];
  return {
    resourceType: "Questionnaire",
    id: instrument,
    url: questionnaireUrl(instrument),
    // A FHIR `name` is machine-friendly: letters and digits only, starting with a capital.
    name: definition.name.replace(/[^A-Za-z0-9]/g, "").toUpperCase(),
    title: `${definition.fullName} (${definition.name})`,
    status: "active",
    subjectType: ["Patient"],
    description: `${definition.purpose} Time frame: ${definition.timeframe}. ${definition.instructions}`,
    purpose: definition.scoring,
    copyright: definition.licence,
    ...(loinc ? { code: [{ system: SYSTEMS.loinc, code: loinc.panel }] } : {}),
    item: definition.items.map((item) => questionItem(instrument, item)),
  };
}
