/** The instruments as GET /api/v1/assessments lists them: everything a client needs to render and read a form. */
import { LAST_REVIEWED } from "./instrument-definition";
import { INSTRUMENT_IDS, INSTRUMENTS, scoreRange } from "./instrument-registry";

function describe(id: (typeof INSTRUMENT_IDS)[number]) {
  const definition = INSTRUMENTS[id];
  const safetyItems = new Set((definition.safetyItems ?? []).map((safetyItem) => safetyItem.item));
  const range = scoreRange(definition);
  return {
    id,
    name: definition.name,
    full_name: definition.fullName,
    domain: definition.domain,
    purpose: definition.purpose,
    timeframe: definition.timeframe,
    instructions: definition.instructions,
    items: definition.items.map((item) => ({
      number: item.number,
      text: item.text,
      options: item.options.map(({ value, label, score }) => ({ value, label, score })),
      asked_if: item.askedIf ? { ...item.askedIf } : null,
      positive_from: item.positiveFrom ?? null,
      safety: safetyItems.has(item.number),
    })),
    scoring: definition.scoring,
    min_score: range.min,
    max_score: range.max,
    bands: definition.bands.map((band) => ({ ...band })),
    cutoff: { ...definition.cutoff },
    subscales: (definition.subscales ?? []).map(({ id, name, items }) => ({ id, name, items: [...items] })),
    loinc: { ...definition.loinc },
    licence: definition.licence,
    source: definition.source,
    last_reviewed: LAST_REVIEWED,
  };
}

export type InstrumentDescription = ReturnType<typeof describe>;

/** Built once per isolate: the definitions never change at run time. */
export const CATALOGUE: InstrumentDescription[] = INSTRUMENT_IDS.map(describe);
