/** A client's administrations of one instrument as a series: each score read against the first by the instrument's published rule. */
import { INSTRUMENTS, type Instrument } from "../../assessments/instrument-registry";
import { CHANGE_RULES, readChange } from "./change-rules";
import type { MeasurePointRow } from "./measures.data";
import type { MeasureSeries } from "./measures.schemas";

/** `rows` oldest first, all of `instrument`. */
export function toSeries(instrument: Instrument, rows: readonly MeasurePointRow[]): MeasureSeries {
  const rule = CHANGE_RULES[instrument];
  const baseline = rows[0]?.score ?? 0;
  return {
    instrument,
    name: INSTRUMENTS[instrument].name,
    series: rows.map((row, index) => ({
      id: row.id,
      administered_at: row.administeredAt.toISOString(),
      score: row.score,
      band: row.band,
      ...readChange(rule, baseline, row.score, index === 0),
      flags: row.flags,
    })),
    rule: rule ? { ...rule, sources: [...rule.sources] } : null,
  };
}

/** Every instrument the client has a score for, in the order the registry lists instruments. */
export function seriesByInstrument(rows: readonly MeasurePointRow[]): MeasureSeries[] {
  return (Object.keys(INSTRUMENTS) as Instrument[]).flatMap((instrument) => {
    const points = rows.filter((row) => row.instrument === instrument);
    return points.length ? [toSeries(instrument, points)] : [];
  });
}
