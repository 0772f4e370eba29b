/**
 * A client's scores on one instrument over time, drawn on the server as an SVG line chart (no
 * script): the instrument's severity bands shaded behind the line, each administration a point,
 * a positive self-harm item a red diamond with its words beside it. Screen readers get the
 * chart's title and description and, beside it, a table of every point. The viewBox scales to
 * the width it is given, so it fits a 360 px phone. Colours are SVG attributes, not inline
 * styles, which the console's Content-Security-Policy refuses: the attributes are the light
 * theme's, for the SVG read without a stylesheet; each shape's class lets console.css theme it
 * (CSS outranks presentation attributes), light and dark.
 */
import type { Band } from "../../../assessments/instrument-definition";
import { INSTRUMENTS, type Instrument } from "../../../assessments/instrument-registry";
import { TableWrap } from "../../components/table-wrap";
import { useMessages } from "../../i18n/i18n";

export interface ChartPoint {
  id: string;
  administered_at: string;
  score: number;
  band: string;
  change_from_baseline: number;
  reliable_change: "improved" | "worsened" | "no_reliable_change" | null;
  response: boolean | null;
  remission: boolean | null;
  clinically_meaningful?: boolean | null;
  flags: readonly string[];
}

export interface MeasureChartProps {
  instrument: Instrument;
  series: readonly ChartPoint[];
  bands: readonly Band[];
}

const WIDTH = 360;
const HEIGHT = 220;
const PLOT = { left: 38, right: 350, top: 12, bottom: 172 };
/** Light to warm (.band-0 … .band-5 in console.css): the bands' order is mildest first in every definition. */
const BAND_FILLS = ["#e6f2e6", "#f3f3d8", "#fbeccf", "#f9dccb", "#f5cccc", "#efbcbc"];
const SAFETY_FLAGS = ["item9_positive", "item10_positive"] as const;
type SafetyFlag = (typeof SAFETY_FLAGS)[number];

const safetyFlags = (point: ChartPoint): SafetyFlag[] => SAFETY_FLAGS.filter((flag) => point.flags.includes(flag));
/** A change as a signed number with a true minus sign: "+3", "−14", "0". */
export const signedChange = (change: number) => (change > 0 ? `+${change}` : change < 0 ? `−${-change}` : "0");

function useDates() {
  const { locale } = useMessages();
  const long = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const short = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" });
  return { long: (iso: string) => long.format(new Date(iso)), short: (iso: string) => short.format(new Date(iso)) };
}

/** The reading of one point in words: reliable change, response, remission (only what the rule defines). */
export function useReading() {
  const { t } = useMessages();
  return (point: ChartPoint): string =>
    [
      point.reliable_change ? t(`measures.reliable.${point.reliable_change}`) : null,
      point.response ? t("measures.response") : null,
      point.remission ? t("measures.remission") : null,
      point.clinically_meaningful ? t("measures.clinicallyMeaningful") : null,
    ]
      .filter(Boolean)
      .join(", ");
}

export function MeasureChart({ instrument, series, bands }: MeasureChartProps) {
  const { t } = useMessages();
  const dates = useDates();
  const reading = useReading();
  const name = INSTRUMENTS[instrument].name;
  const id = `measure-chart-${instrument}`;
  const low = Math.min(...bands.map((band) => band.min));
  const high = Math.max(...bands.map((band) => band.max));
  const times = series.map((point) => Date.parse(point.administered_at));
  const [first, last] = [Math.min(...times), Math.max(...times)];
  const x = (time: number) =>
    last === first ? (PLOT.left + PLOT.right) / 2 : PLOT.left + ((time - first) / (last - first)) * (PLOT.right - PLOT.left);
  const y = (score: number) => PLOT.bottom - ((score - low) / (high - low || 1)) * (PLOT.bottom - PLOT.top);
  const points = series.map((point, index) => ({ point, cx: x(times[index]), cy: y(point.score) }));
  // A band covers its whole scores: from its lowest to just under the next band's lowest.
  const bandTop = (band: Band) => y(Math.min(band.max + 1, high));
  const firstLabel = series.length ? dates.long(series[0].administered_at) : "";
  const lastLabel = series.length ? dates.long(series[series.length - 1].administered_at) : "";
  const hasFlags = series.some((point) => safetyFlags(point).length > 0);

  return (
    <figure class="measure-chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{t("measures.chart.caption", { name })}</figcaption>
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        preserveAspectRatio="xMidYMid meet"
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id={`${id}-title`}>{t("measures.chart.title", { name, first: firstLabel, last: lastLabel })}</title>
        <desc id={`${id}-desc`}>
          {t("measures.chart.desc", {
            count: series.length,
            points: series.map((point) => `${dates.long(point.administered_at)}: ${point.score} (${point.band})`).join("; "),
            bands: bands.map((band) => `${band.min}–${band.max} ${band.severity}`).join(", "),
          })}
        </desc>
        <g class="measure-chart-bands">
          {bands.map((band, index) => (
            <g>
              <rect
                x={PLOT.left}
                y={bandTop(band)}
                width={PLOT.right - PLOT.left}
                height={y(band.min) - bandTop(band)}
                fill={BAND_FILLS[Math.min(index, BAND_FILLS.length - 1)]}
                class={`band-${Math.min(index, BAND_FILLS.length - 1)}`}
              />
              {y(band.min) - bandTop(band) >= 10 ? (
                <text x={PLOT.right - 3} y={y(band.min) - 3} text-anchor="end" font-size="9" fill="#4a5360" class="band-label">
                  {band.severity}
                </text>
              ) : null}
            </g>
          ))}
        </g>
        <g class="measure-chart-axes" font-size="10" fill="#1b1f24">
          <line x1={PLOT.left} y1={PLOT.top} x2={PLOT.left} y2={PLOT.bottom} stroke="#1b1f24" class="axis" />
          <line x1={PLOT.left} y1={PLOT.bottom} x2={PLOT.right} y2={PLOT.bottom} stroke="#1b1f24" class="axis" />
          {[...new Set([low, ...bands.map((band) => band.min), high])].map((tick) => (
            <text x={PLOT.left - 4} y={y(tick) + 3} text-anchor="end">
              {tick}
            </text>
          ))}
          {series.length
            ? [...new Set([0, series.length - 1])].map((index) => (
                <text x={points[index].cx} y={PLOT.bottom + 13} text-anchor={index === 0 && series.length > 1 ? "start" : "end"}>
                  {dates.short(series[index].administered_at)}
                </text>
              ))
            : null}
          <text x={(PLOT.left + PLOT.right) / 2} y={HEIGHT - 22} text-anchor="middle" font-weight="bold">
            {t("measures.chart.date")}
          </text>
          <text
            x={10}
            y={(PLOT.top + PLOT.bottom) / 2}
            text-anchor="middle"
            font-weight="bold"
            transform={`rotate(-90 10 ${(PLOT.top + PLOT.bottom) / 2})`}
          >
            {t("measures.chart.score")}
          </text>
        </g>
        {points.length > 1 ? (
          <polyline
            points={points.map(({ cx, cy }) => `${cx},${cy}`).join(" ")}
            fill="none"
            stroke="#0b5cad"
            stroke-width="2"
            class="measure-line"
          />
        ) : null}
        {points.map(({ point, cx, cy }) => {
          const flags = safetyFlags(point);
          const label = `${dates.long(point.administered_at)}: ${point.score} (${point.band})`;
          if (!flags.length)
            return (
              <circle cx={cx} cy={cy} r="4" fill="#0b5cad" stroke="#ffffff" stroke-width="1.5" class="measure-point">
                <title>{label}</title>
              </circle>
            );
          return (
            <g class="measure-chart-flag">
              <path
                d={`M ${cx} ${cy - 7} L ${cx + 7} ${cy} L ${cx} ${cy + 7} L ${cx - 7} ${cy} Z`}
                fill="#a1111f"
                stroke="#ffffff"
                stroke-width="1.5"
                class="measure-flag-mark"
              >
                <title>{`${label}. ${flags.map((flag) => t(`measures.flag.${flag}`)).join(". ")}`}</title>
              </path>
              <text
                x={cx}
                y={cy < PLOT.top + 20 ? cy + 18 : cy - 10}
                text-anchor="middle"
                font-size="9"
                font-weight="bold"
                fill="#a1111f"
                class="measure-flag-text"
              >
                {flags.map((flag) => t(`measures.flag.mark.${flag}`)).join(", ")}
              </text>
            </g>
          );
        })}
      </svg>
      {hasFlags ? <p class="measure-chart-legend">{t("measures.chart.flagLegend")}</p> : null}
      <TableWrap label={t("measures.table.scroll", { name })}>
        <table>
          <caption>{t("measures.table.caption", { name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("measures.table.date")}</th>
              <th scope="col">{t("measures.table.score")}</th>
              <th scope="col">{t("measures.table.band")}</th>
              <th scope="col">{t("measures.table.change")}</th>
              <th scope="col">{t("measures.table.reading")}</th>
              <th scope="col">{t("measures.table.flags")}</th>
            </tr>
          </thead>
          <tbody>
            {series.map((point, index) => (
              <tr>
                <th scope="row">
                  <time datetime={point.administered_at}>{dates.long(point.administered_at)}</time>
                </th>
                <td>{point.score}</td>
                <td>{point.band}</td>
                <td>{index === 0 ? t("measures.baseline") : signedChange(point.change_from_baseline)}</td>
                <td>{reading(point)}</td>
                <td>
                  {safetyFlags(point).map((flag) => (
                    <strong class="measure-flag">{t(`measures.flag.${flag}`)}</strong>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </figure>
  );
}
