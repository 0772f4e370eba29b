/** /app/notes: a SOAP, DAP or BIRP note from session text or a transcript, with Export PDF (/app/assets/notes.js). */
import type { UserRow } from "../../auth/auth.table";
import { NOTE_FORMATS } from "../../notes/notes.schemas";
import { MAX_TEXT } from "../../rag/rag.schemas";
import { type ClientChoice, SaveToClientData } from "../components/save-to-client";
import { useMessages } from "../i18n/i18n";
import { Layout, NeedsVerification } from "../layout";
import { mayUse } from "../tools";

export interface NotesPageProps {
  account: UserRow;
  csrfToken: string;
  /** The clinician's active clients, for "Save to client…" (null: no workspace). */
  clients?: ClientChoice[] | null;
  /** The clinician's own note templates, offered beside SOAP, DAP and BIRP. */
  templates?: Array<{ id: string; name: string }>;
}

export function NotesPage({ account, csrfToken, clients, templates = [] }: NotesPageProps) {
  const allowed = mayUse(account, "licensed");
  const { t } = useMessages();
  return (
    <Layout title={t("tool.notes")} account={account} csrfToken={csrfToken} path="/app/notes" scripts={allowed ? ["notes.js"] : []}>
      {allowed ? (
        <>
          <form id="note-form" class="card" method="post" action="/app/notes" novalidate>
            <label for="note-format">{t("notes.format")}</label>
            <select id="note-format" name="format">
              {NOTE_FORMATS.map((format) => (
                <option value={format}>{format.toUpperCase()}</option>
              ))}
              {templates.length > 0 && (
                <optgroup label={t("notes.yourTemplates")}>
                  {templates.map((template) => (
                    <option value={template.id}>{template.name}</option>
                  ))}
                </optgroup>
              )}
            </select>
            <label for="note-text">{t("notes.text")}</label>
            <textarea id="note-text" name="text" rows={8} required maxlength={MAX_TEXT} />
            <label for="client-context">{t("notes.clientContext")}</label>
            <textarea id="client-context" name="client_context" rows={2} maxlength={MAX_TEXT} />
            <button type="submit">{t("notes.generate")}</button>
          </form>
          <section class="answer" aria-labelledby="note-heading">
            <h2 id="note-heading">{t("notes.heading")}</h2>
            <div id="note-alerts" role="alert" />
            <p id="note-status" role="status" class="muted" />
            <div id="note-result" />
          </section>
          <SaveToClientData clients={clients} />
        </>
      ) : (
        <NeedsVerification account={account} />
      )}
    </Layout>
  );
}
