/**
 * The measures part of a client's page: per instrument, the latest score and how it reads
 * against the first (by the instrument's published rule, with its sources), then its chart.
 * New administrations are scored on the assessments page, which this links to.
 */
import type { Band } from "../../../assessments/instrument-definition";
import { INSTRUMENTS, type Instrument, scoreRange } from "../../../assessments/instrument-registry";
import { useMessages } from "../../i18n/i18n";
import { type ChartPoint, MeasureChart, signedChange, useReading } from "./measure-chart";

export interface MeasureSummary {
  instrument: Instrument;
  name: string;
  series: readonly ChartPoint[];
  rule: { summary: string; sources: readonly string[] } | null;
}

const bandsOf = (instrument: Instrument): readonly Band[] => INSTRUMENTS[instrument].bands;

export function MeasuresSection({ clientId, summaries }: { clientId: string; summaries: readonly MeasureSummary[] }) {
  const { t, locale } = useMessages();
  const reading = useReading();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const headingId = `measures-${clientId}`;
  return (
    <section class="card measures" id="measures" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("measures.heading")}</h2>
      {summaries.length === 0 ? <p>{t("measures.none")}</p> : null}
      <p>
        <a href="/app/assessments">{t("measures.administer")}</a>
      </p>
      {summaries
        .filter((summary) => summary.series.length > 0)
        .map(({ instrument, name, series, rule }) => {
          const latest = series[series.length - 1];
          const read = series.length > 1 ? reading(latest) : "";
          return (
            <article class="measure" aria-labelledby={`${headingId}-${instrument}`}>
              <h3 id={`${headingId}-${instrument}`}>{name}</h3>
              <p>
                {t("measures.latest", {
                  score: latest.score,
                  max: scoreRange(INSTRUMENTS[instrument]).max,
                  band: latest.band,
                  date: date.format(new Date(latest.administered_at)),
                  count: series.length,
                })}
                {series.length > 1
                  ? ` ${t("measures.change", { change: signedChange(latest.change_from_baseline) })}${read ? ` (${read})` : ""}.`
                  : null}
              </p>
              <MeasureChart instrument={instrument} series={series} bands={bandsOf(instrument)} />
              {rule ? (
                <details>
                  <summary>{t("measures.rule")}</summary>
                  <p>{rule.summary}</p>
                  <ul>
                    {rule.sources.map((source) => (
                      <li>{source}</li>
                    ))}
                  </ul>
                </details>
              ) : (
                <p>{t("measures.noRule")}</p>
              )}
            </article>
          );
        })}
    </section>
  );
}
