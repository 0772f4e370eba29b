/**
 * The note editor: /app/clients/{id}/notes/new (choose the format, then session date and one
 * text box per section) and /app/clients/{id}/notes/{note}: a draft stays editable with Save and
 * Sign note (behind a confirmation box); a signed note is read-only, says who signed it and when,
 * lists its addenda and offers Add addendum. After a refused save every wrong field carries its
 * own error (aria-describedby, aria-invalid), listed in a summary that links to it.
 */
import type { UserRow } from "../../../auth/auth.table";
import type { ClientNote } from "../../../workspace/notes/client-notes.schemas";
import { MAX_SECTION } from "../../../workspace/notes/client-notes.schemas";
import { formatDateTime, useMessages } from "../../i18n/i18n";
import { Layout } from "../../layout";
import { formatLabel, sectionTitle, type TemplateChoice } from "./note-format";

export interface SectionField {
  name: string;
  /** A template section's instruction, shown as its hint. */
  instruction?: string;
}

/** The form as typed, and what was wrong with it: keys `session_date`, `format`, `total`, `section.<name>`. */
export interface NoteFormState {
  sessionDate: string;
  sections: Record<string, string>;
  errors: Record<string, string>;
}

interface PageProps {
  account: UserRow;
  csrfToken: string;
}

export interface NewNoteView {
  clientId: string;
  format: string;
  templates: TemplateChoice[];
  sections: SectionField[];
  form: NoteFormState;
  latestDate: string;
}

export interface NoteView {
  clientId: string;
  note: ClientNote;
  templates: TemplateChoice[];
  latestDate: string;
  /** The edit form after a refused save (else the note's own values). */
  form?: NoteFormState;
  notice?: "created" | "saved" | "signed" | "addendum" | "locked";
  signError?: boolean;
  addendum?: { text: string; error?: boolean };
}

const NOTICES = {
  created: "clientNotes.created",
  saved: "clientNotes.saved",
  signed: "clientNotes.signed",
  addendum: "clientNotes.addendumAdded",
  locked: "clientNotes.locked",
} as const;

/** Text as typed, its line breaks kept (the stylesheet is not ours to change, and inline styles are refused by the CSP). */
function MultilineText({ text }: { text: string }) {
  const lines = text.split("\n");
  return <p>{lines.map((line, index) => (index === 0 ? line : [<br />, line]))}</p>;
}

const fieldId = (key: string) => `note-${key.replace(".", "-")}`;

function FormErrors({ form, sections }: { form: NoteFormState; sections: SectionField[] }) {
  const { t } = useMessages();
  const wrong = Object.entries(form.errors);
  if (wrong.length === 0) return null;
  const labelOf = (key: string) => {
    if (key === "session_date") return t("clientNotes.sessionDate");
    if (key === "format") return t("clientNotes.format");
    if (key.startsWith("section.")) return sectionTitle(t, key.slice("section.".length));
    return "";
  };
  return (
    <div class="error" role="alert" id="note-errors">
      <p>{t("clientNotes.errors")}</p>
      <ul>
        {wrong.map(([key, message]) =>
          key === "total" || !(key === "session_date" || key === "format" || sections.some((s) => `section.${s.name}` === key)) ? (
            <li>{message}</li>
          ) : (
            <li>
              <a href={`#${fieldId(key)}`}>{labelOf(key)}</a>: {message}
            </li>
          ),
        )}
      </ul>
    </div>
  );
}

function FieldError({ form, field }: { form: NoteFormState; field: string }) {
  const message = form.errors[field];
  if (!message) return null;
  return (
    <p class="field-error" id={`${fieldId(field)}-error`}>
      {message}
    </p>
  );
}

const describedBy = (form: NoteFormState, field: string, hint: boolean) =>
  [hint ? `${fieldId(field)}-hint` : "", form.errors[field] ? `${fieldId(field)}-error` : ""].filter(Boolean).join(" ") || undefined;

/** Session date and one text box per section. */
function NoteFields({ form, sections, latestDate }: { form: NoteFormState; sections: SectionField[]; latestDate: string }) {
  const { t } = useMessages();
  return (
    <>
      <label for={fieldId("session_date")}>{t("clientNotes.sessionDate")}</label>
      <p class="hint" id={`${fieldId("session_date")}-hint`}>
        {t("clientNotes.sessionDateHint")}
      </p>
      <input
        id={fieldId("session_date")}
        name="session_date"
        type="date"
        required
        min="1900-01-01"
        max={latestDate}
        value={form.sessionDate}
        aria-describedby={describedBy(form, "session_date", true)}
        aria-invalid={form.errors.session_date ? "true" : undefined}
      />
      <FieldError form={form} field="session_date" />
      {sections.map((section) => {
        const key = `section.${section.name}`;
        return (
          <>
            <label for={fieldId(key)}>{sectionTitle(t, section.name)}</label>
            <p class="hint" id={`${fieldId(key)}-hint`}>
              {section.instruction ? `${section.instruction} ` : ""}
              {t("clientNotes.sectionHint")}
            </p>
            <textarea
              id={fieldId(key)}
              name={`section_${section.name}`}
              rows={6}
              maxlength={MAX_SECTION}
              aria-describedby={describedBy(form, key, true)}
              aria-invalid={form.errors[key] ? "true" : undefined}
            >
              {form.sections[section.name] ?? ""}
            </textarea>
            <FieldError form={form} field={key} />
          </>
        );
      })}
    </>
  );
}

function BackToClient({ clientId }: { clientId: string }) {
  const { t } = useMessages();
  return (
    <p>
      <a href={`/app/clients/${clientId}`}>{t("clientNotes.backToClient")}</a>
    </p>
  );
}

export function NewNotePage({ account, csrfToken, view }: PageProps & { view: NewNoteView }) {
  const { t } = useMessages();
  const action = `/app/clients/${view.clientId}/notes`;
  return (
    <Layout title={t("clientNotes.new")} account={account} csrfToken={csrfToken} path="/app/clients">
      <BackToClient clientId={view.clientId} />
      <form class="card filters" method="get" action={`${action}/new`}>
        <div class="grow">
          <label for="note-format">{t("clientNotes.format")}</label>
          <p class="hint" id="note-format-hint">
            {t("clientNotes.formatHint")}
          </p>
          <select
            id="note-format"
            name="format"
            aria-describedby={view.form.errors.format ? "note-format-hint note-format-error" : "note-format-hint"}
            aria-invalid={view.form.errors.format ? "true" : undefined}
          >
            <optgroup label={t("clientNotes.standardFormats")}>
              {(["soap", "dap", "birp"] as const).map((format) => (
                <option value={format} selected={view.format === format}>
                  {formatLabel(t, format)}
                </option>
              ))}
            </optgroup>
            {view.templates.length > 0 && (
              <optgroup label={t("clientNotes.yourTemplates")}>
                {view.templates.map((template) => (
                  <option value={template.id} selected={view.format === template.id}>
                    {template.name}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
          <FieldError form={view.form} field="format" />
        </div>
        <button type="submit">{t("clientNotes.useFormat")}</button>
      </form>
      <FormErrors form={view.form} sections={view.sections} />
      <form class="card" method="post" action={action} novalidate>
        <input type="hidden" name="_csrf" value={csrfToken} />
        <input type="hidden" name="format" value={view.format} />
        <h2>{formatLabel(t, view.format, view.templates)}</h2>
        <NoteFields form={view.form} sections={view.sections} latestDate={view.latestDate} />
        <button type="submit">{t("clientNotes.create")}</button>
      </form>
    </Layout>
  );
}

/** A note's sections in the order its format writes them. */
const sectionsOf = (note: ClientNote): SectionField[] => Object.keys(note.sections).map((name) => ({ name }));

function SignedNote({ note, account }: { note: ClientNote; account: UserRow }) {
  const { locale, t } = useMessages();
  const nameOf = (userId: string | null) =>
    userId === account.id ? `${account.firstName} ${account.lastName}` : t("clientNotes.anotherClinician");
  return (
    <>
      <p role="note">
        <strong>{t("clientNotes.status.signed")}</strong>.{" "}
        {t("clientNotes.signedBy", {
          name: nameOf(note.signed_by),
          at: note.signed_at ? formatDateTime(locale, new Date(note.signed_at)) : "",
        })}{" "}
        {t("clientNotes.readOnly")}
      </p>
      {sectionsOf(note).map(({ name }) => (
        <section aria-labelledby={`note-section-${name}`}>
          <h3 id={`note-section-${name}`}>{sectionTitle(t, name)}</h3>
          <MultilineText text={note.sections[name]} />
        </section>
      ))}
    </>
  );
}

function Addenda({ note, account }: { note: ClientNote; account: UserRow }) {
  const { locale, t } = useMessages();
  return (
    <section class="card" aria-labelledby="addenda-heading">
      <h2 id="addenda-heading">{t("clientNotes.addenda")}</h2>
      {note.addenda.length === 0 ? (
        <p>{t("clientNotes.noAddenda")}</p>
      ) : (
        <ol>
          {note.addenda.map((addendum) => (
            <li>
              <p class="muted">
                {t("clientNotes.addendumMeta", {
                  at: formatDateTime(locale, new Date(addendum.at)),
                  name: addendum.by === account.id ? `${account.firstName} ${account.lastName}` : t("clientNotes.anotherClinician"),
                })}
              </p>
              <MultilineText text={addendum.text} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function AddendumForm({ action, csrfToken, addendum }: { action: string; csrfToken: string; addendum?: NoteView["addendum"] }) {
  const { t } = useMessages();
  return (
    <form class="card" method="post" action={action} novalidate>
      <input type="hidden" name="_csrf" value={csrfToken} />
      <h2 id="addendum-heading">{t("clientNotes.addAddendum")}</h2>
      {addendum?.error && (
        <p class="error" role="alert" id="note-addendum-error">
          {t("clientNotes.invalid.addendum")}
        </p>
      )}
      <label for="note-addendum">{t("clientNotes.addendumText")}</label>
      <p class="hint" id="note-addendum-hint">
        {t("clientNotes.addendumHint")}
      </p>
      <textarea
        id="note-addendum"
        name="text"
        rows={4}
        required
        maxlength={MAX_SECTION}
        aria-describedby={addendum?.error ? "note-addendum-hint note-addendum-error" : "note-addendum-hint"}
        aria-invalid={addendum?.error ? "true" : undefined}
      >
        {addendum?.text ?? ""}
      </textarea>
      <button type="submit">{t("clientNotes.addAddendum")}</button>
    </form>
  );
}

function SignForm({ action, csrfToken, error }: { action: string; csrfToken: string; error?: boolean }) {
  const { t } = useMessages();
  return (
    <form class="card" method="post" action={action}>
      <input type="hidden" name="_csrf" value={csrfToken} />
      <h2>{t("clientNotes.sign.heading")}</h2>
      <p id="note-sign-explain">{t("clientNotes.sign.explain")}</p>
      {error && (
        <p class="error" role="alert" id="note-sign-error">
          {t("clientNotes.sign.unconfirmed")}
        </p>
      )}
      <label class="checkbox">
        <input
          type="checkbox"
          name="confirm"
          value="yes"
          required
          aria-describedby={error ? "note-sign-explain note-sign-error" : "note-sign-explain"}
          aria-invalid={error ? "true" : undefined}
        />{" "}
        {t("clientNotes.sign.confirm")}
      </label>
      <button type="submit">{t("clientNotes.sign.button")}</button>
    </form>
  );
}

export function NotePage({ account, csrfToken, view }: PageProps & { view: NoteView }) {
  const { t } = useMessages();
  const { note } = view;
  const base = `/app/clients/${view.clientId}/notes/${note.id}`;
  const form: NoteFormState = view.form ?? { sessionDate: note.session_date, sections: note.sections, errors: {} };
  const sections = sectionsOf(note);
  return (
    <Layout title={t("clientNotes.noteOf", { date: note.session_date })} account={account} csrfToken={csrfToken} path="/app/clients">
      <BackToClient clientId={view.clientId} />
      {view.notice && (
        <p class={view.notice === "locked" ? "error" : "success"} role={view.notice === "locked" ? "alert" : "status"}>
          {t(NOTICES[view.notice])}
        </p>
      )}
      <p>
        {t("clientNotes.format")}: {formatLabel(t, note.format, view.templates)} · {t("clientNotes.status")}:{" "}
        <strong class={`note-status ${note.status}`}>{t(`clientNotes.status.${note.status}`)}</strong>
      </p>
      {note.status === "signed" ? (
        <>
          <section class="card" aria-label={t("clientNotes.noteOf", { date: note.session_date })}>
            <SignedNote note={note} account={account} />
          </section>
          <Unsupported note={note} />
          <Addenda note={note} account={account} />
          <AddendumForm action={`${base}/addenda`} csrfToken={csrfToken} addendum={view.addendum} />
        </>
      ) : (
        <>
          <FormErrors form={form} sections={sections} />
          <form class="card" method="post" action={base} novalidate>
            <input type="hidden" name="_csrf" value={csrfToken} />
            <NoteFields form={form} sections={sections} latestDate={view.latestDate} />
            <button type="submit">{t("clientNotes.save")}</button>
          </form>
          <Unsupported note={note} />
          <SignForm action={`${base}/sign`} csrfToken={csrfToken} error={view.signError} />
        </>
      )}
    </Layout>
  );
}

function Unsupported({ note }: { note: ClientNote }) {
  const { t } = useMessages();
  if (!note.unsupported?.length) return null;
  return (
    <section class="card" aria-labelledby="unsupported-heading">
      <h2 id="unsupported-heading">{t("clientNotes.unsupported")}</h2>
      <ul>
        {note.unsupported.map((text) => (
          <li>{text}</li>
        ))}
      </ul>
    </section>
  );
}
