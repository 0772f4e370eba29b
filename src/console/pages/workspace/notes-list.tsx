/**
 * A client's notes as the client page lists them: session date (a link to the note), format and
 * a written Draft or Signed state (not colour alone), with New note above.
 */
import type { ClientNoteSummary } from "../../../workspace/notes/client-notes.schemas";
import { TableWrap } from "../../components/table-wrap";
import { formatDate, useMessages } from "../../i18n/i18n";
import { formatLabel, type TemplateChoice } from "./note-format";

export function NotesList({ clientId, notes, templates }: { clientId: string; notes: ClientNoteSummary[]; templates?: TemplateChoice[] }) {
  const { locale, t } = useMessages();
  return (
    <>
      <p>
        <a class="button-link" href={`/app/clients/${clientId}/notes/new`}>
          {t("clientNotes.new")}
        </a>
      </p>
      {notes.length === 0 ? (
        <p>{t("clientNotes.none")}</p>
      ) : (
        <TableWrap label={t("clientNotes.caption")}>
          <table>
            <caption class="visually-hidden">{t("clientNotes.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("clientNotes.sessionDate")}</th>
                <th scope="col">{t("clientNotes.format")}</th>
                <th scope="col">{t("clientNotes.status")}</th>
              </tr>
            </thead>
            <tbody>
              {notes.map((note) => (
                <tr>
                  <th scope="row">
                    <a href={`/app/clients/${clientId}/notes/${note.id}`}>
                      <time datetime={note.session_date}>{formatDate(locale, note.session_date)}</time>
                    </a>
                  </th>
                  <td>{formatLabel(t, note.format, templates)}</td>
                  <td>
                    <span class={`note-status ${note.status}`}>{t(`clientNotes.status.${note.status}`)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}
