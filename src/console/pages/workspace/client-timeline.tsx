/**
 * The client page's timeline: one list, newest first, of the record's notes (with their draft or
 * signed state and session date) and measure administrations (score and band), a risk flag marked
 * on each administration whose self-harm item was positive. An ordered list, not a table: entries
 * of different kinds read well one after another with a screen reader and on a phone.
 */
import type { MeasureSeries, SeriesPoint } from "../../../workspace/measures/measures.schemas";
import type { ClientNoteSummary } from "../../../workspace/notes/client-notes.schemas";
import { formatDate, formatDateTime, type MessageId, useMessages } from "../../i18n/i18n";
import { formatLabel, type TemplateChoice } from "./note-format";

export type TimelineEntry =
  | { kind: "note"; at: string; note: ClientNoteSummary }
  | { kind: "measure"; at: string; name: string; instrument: string; point: SeriesPoint };

/** The stored measure flags that are risk flags, and what the timeline says for each. */
const RISK_FLAGS: Record<string, MessageId> = {
  item9_positive: "clients.timeline.item9",
  item10_positive: "clients.timeline.item10",
};

/** A positive C-SSRS screen is itself the risk flag (the instrument has no single self-harm item). */
function riskFlags(instrument: string, flags: readonly string[]): MessageId[] {
  const risks = flags.flatMap((flag) => (RISK_FLAGS[flag] ? [RISK_FLAGS[flag]] : []));
  if (instrument === "cssrs" && flags.includes("screen_positive")) risks.push("clients.timeline.cssrs");
  return risks;
}

/**
 * Newest first. A note sits at its session date (the day it is about, not the day it was typed);
 * a measure at when it was administered. Dates compare as ISO strings, so a note of a day comes
 * before (below) that day's measures.
 */
export function timelineOf(notes: readonly ClientNoteSummary[], series: readonly MeasureSeries[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...notes.map((note) => ({ kind: "note" as const, at: note.session_date, note })),
    ...series.flatMap(({ instrument, name, series: points }) =>
      points.map((point) => ({ kind: "measure" as const, at: point.administered_at, name, instrument, point })),
    ),
  ];
  return entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

export function ClientTimeline({
  clientId,
  entries,
  templates,
}: {
  clientId: string;
  entries: readonly TimelineEntry[];
  /** The clinician's note templates, to name a note written in one. */
  templates?: readonly TemplateChoice[];
}) {
  const { locale, t } = useMessages();
  if (entries.length === 0) return <p>{t("clients.timelineEmpty")}</p>;
  return (
    <ol class="timeline" aria-label={t("clients.timelineCaption")}>
      {entries.map((entry) => {
        if (entry.kind === "note") {
          const { note } = entry;
          const signed = note.status === "signed";
          return (
            <li class="timeline-entry">
              <time datetime={note.session_date}>{formatDate(locale, note.session_date)}</time>
              <a href={`/app/clients/${clientId}/notes/${note.id}`}>
                {t("clients.timeline.note", { format: formatLabel(t, note.format, templates) })}
              </a>{" "}
              <span class={signed ? "state signed" : "state draft"}>
                {t(signed ? "clients.timeline.signed" : "clients.timeline.draft")}
              </span>
            </li>
          );
        }
        const risks = riskFlags(entry.instrument, entry.point.flags);
        return (
          <li class={risks.length ? "timeline-entry risk" : "timeline-entry"}>
            <time datetime={entry.point.administered_at}>{formatDateTime(locale, new Date(entry.point.administered_at))}</time>
            <span>
              {t("clients.timeline.measure", { instrument: entry.name, score: entry.point.score })} ({entry.point.band})
            </span>
            {risks.map((risk) => (
              <strong class="risk-flag">
                <span aria-hidden="true">⚠ </span>
                {t("clients.timeline.risk")}: {t(risk)}
              </strong>
            ))}
          </li>
        );
      })}
    </ol>
  );
}
