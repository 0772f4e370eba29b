/**
 * /app/clients/{id}: the workspace hub for one client. The header (label, status, details, with
 * Edit details, Discharge or Re-admit, Download FHIR, Delete), then one titled section each, in this order: the
 * timeline, the notes, the recorded diagnoses, the measure charts and the treatment plan. The delete confirmation page is
 * here too.
 */
import type { UserRow } from "../../../auth/auth.table";
import type { Client } from "../../../workspace/clients/clients.schemas";
import type { Diagnosis } from "../../../workspace/diagnoses/diagnoses.schemas";
import type { MeasureSeries } from "../../../workspace/measures/measures.schemas";
import type { ClientNoteSummary } from "../../../workspace/notes/client-notes.schemas";
import type { Plan } from "../../../workspace/plan/plan.schemas";
import { formatDateTime, useMessages } from "../../i18n/i18n";
import { Layout } from "../../layout";
import { ClientFields, ClientFormErrors, type ClientFormState } from "./client-fields";
import { ClientTimeline, timelineOf } from "./client-timeline";
import { DiagnosesSection } from "./diagnoses-section";
import { MeasuresSection } from "./measures-section";
import type { TemplateChoice } from "./note-format";
import { NotesList } from "./notes-list";
import { PlanSection } from "./plan-section";

/** What the page shows of the client's record, each part read through its own use case. */
export interface ClientRecord {
  /** The latest sessions' notes, latest first. */
  notes: ClientNoteSummary[];
  /** The clinician's note templates, to name a note written in one. */
  templates: TemplateChoice[];
  series: MeasureSeries[];
  /** null: no plan written yet. */
  plan: Plan | null;
  diagnoses: Diagnosis[];
}

export interface ClientPageView {
  client: Client;
  record: ClientRecord;
  /** The edit form: its values, and its errors after a refused save (then it is shown open). */
  form: ClientFormState;
  /** Shown once after a save. */
  saved?: boolean;
}

export function ClientPage({ account, csrfToken, view }: { account: UserRow; csrfToken: string; view: ClientPageView }) {
  const { t } = useMessages();
  const { client, record } = view;
  return (
    <Layout title={client.label} account={account} csrfToken={csrfToken} path="/app/clients">
      <p>
        <a href="/app/clients">{t("clients.allClients")}</a>
      </p>
      {view.saved && (
        <p class="success" role="status">
          {t("clients.saved")}
        </p>
      )}
      <ClientHeader client={client} csrfToken={csrfToken} form={view.form} />
      <section class="card" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t("clients.timeline")}</h2>
        <ClientTimeline clientId={client.id} entries={timelineOf(record.notes, record.series)} templates={record.templates} />
      </section>
      <section class="card" aria-labelledby="notes-heading">
        <h2 id="notes-heading">{t("clients.notes")}</h2>
        <NotesList clientId={client.id} notes={record.notes} templates={record.templates} />
      </section>
      <DiagnosesSection clientId={client.id} diagnoses={record.diagnoses} csrfToken={csrfToken} />
      <MeasuresSection clientId={client.id} summaries={record.series} />
      <PlanSection clientId={client.id} plan={record.plan} csrfToken={csrfToken} notes={record.notes} />
    </Layout>
  );
}

function ClientHeader({ client, csrfToken, form }: { client: Client; csrfToken: string; form: ClientFormState }) {
  const { locale, t } = useMessages();
  const notRecorded = <span class="muted">{t("clients.notRecorded")}</span>;
  const editing = Object.keys(form.errors).length > 0;
  const discharged = client.status === "discharged";
  return (
    <section class="card" aria-labelledby="details-heading">
      <h2 id="details-heading">{t("clients.details")}</h2>
      <p>
        <span class={discharged ? "client-status discharged" : "client-status active"}>{t(`clients.status.${client.status}`)}</span>
        {discharged && client.discharged_at && (
          <span class="muted"> {t("clients.dischargedOn", { date: formatDateTime(locale, new Date(client.discharged_at)) })}</span>
        )}
      </p>
      <dl class="facts">
        <dt>{t("clients.yearOfBirth")}</dt>
        <dd>{client.year_of_birth ?? notRecorded}</dd>
        <dt>{t("clients.sex")}</dt>
        <dd>{client.sex ? t(`clients.sex.${client.sex}`) : notRecorded}</dd>
        <dt>{t("clients.gender")}</dt>
        <dd>{client.gender ?? notRecorded}</dd>
        <dt>{t("clients.pronouns")}</dt>
        <dd>{client.pronouns ?? notRecorded}</dd>
        <dt>{t("clients.language")}</dt>
        <dd>{client.preferred_language ?? notRecorded}</dd>
        <dt>{t("clients.added")}</dt>
        <dd>
          <time datetime={client.created_at}>{formatDateTime(locale, new Date(client.created_at))}</time>
        </dd>
      </dl>
      <details class="edit-client" open={editing}>
        <summary>{t("clients.edit")}</summary>
        <ClientFormErrors state={form} prefix="edit-client" />
        <form method="post" action={`/app/clients/${client.id}`} novalidate>
          <input type="hidden" name="_csrf" value={csrfToken} />
          <input type="hidden" name="intent" value="details" />
          <ClientFields state={form} prefix="edit-client" />
          <button type="submit">{t("clients.save")}</button>
        </form>
      </details>
      <div class="client-actions">
        <form method="post" action={`/app/clients/${client.id}`}>
          <input type="hidden" name="_csrf" value={csrfToken} />
          <input type="hidden" name="intent" value={discharged ? "readmit" : "discharge"} />
          <button type="submit" aria-describedby={discharged ? undefined : "discharge-hint"}>
            {t(discharged ? "clients.readmit" : "clients.discharge")}
          </button>
          {!discharged && (
            <p class="hint" id="discharge-hint">
              {t("clients.dischargeHint")}
            </p>
          )}
        </form>
        <p>
          <a href={`/app/clients/${client.id}/fhir`} download aria-describedby="fhir-hint">
            {t("clientFhir.download")}
          </a>
        </p>
        <p class="hint" id="fhir-hint">
          {t("clientFhir.hint")}
        </p>
        <p>
          <a class="danger-link" href={`/app/clients/${client.id}/delete`}>
            {t("clients.delete")}
          </a>
        </p>
      </div>
    </section>
  );
}

/** The explicit confirmation a deletion needs: a checkbox naming what goes, and the button. */
export function DeleteClientPage({
  account,
  csrfToken,
  client,
  error,
}: {
  account: UserRow;
  csrfToken: string;
  client: Client;
  error?: boolean;
}) {
  const { t } = useMessages();
  return (
    <Layout title={t("clients.deleteTitle", { label: client.label })} account={account} csrfToken={csrfToken} path="/app/clients">
      {error && (
        <p class="error" role="alert" id="delete-error">
          {t("clients.deleteConfirmMissing")}
        </p>
      )}
      <form class="card narrow" method="post" action={`/app/clients/${client.id}/delete`} novalidate>
        <input type="hidden" name="_csrf" value={csrfToken} />
        <p class="alert">{t("clients.deleteWarning")}</p>
        <label class="choice">
          <input
            type="checkbox"
            name="confirm"
            value="yes"
            required
            aria-invalid={error ? "true" : undefined}
            aria-describedby={error ? "delete-error" : undefined}
          />
          {t("clients.deleteConfirm", { label: client.label })}
        </label>
        <div class="button-row">
          <button type="submit" class="danger">
            {t("clients.deleteSubmit")}
          </button>
          <a href={`/app/clients/${client.id}`}>{t("clients.cancel")}</a>
        </div>
      </form>
    </Layout>
  );
}
