/**
 * /app/clients: the clinician's clients (filter by label and status, cursor pages, newest first),
 * and /app/clients/new, the New client form. Accounts without a workspace see why instead.
 */
import type { UserRow } from "../../../auth/auth.table";
import type { Client } from "../../../workspace/clients/clients.schemas";
import { CLIENT_STATUSES } from "../../../workspace/workspace.table";
import { NextPageLink } from "../../components/next-page";
import { TableWrap } from "../../components/table-wrap";
import { formatDateTime, useMessages } from "../../i18n/i18n";
import { Layout, NeedsVerification } from "../../layout";
import { ClientFields, ClientFormErrors, type ClientFormState } from "./client-fields";

export interface ClientListView {
  q?: string;
  status?: Client["status"];
  clients: Client[];
  nextPage: string | null;
  /** Shown once after a deletion. */
  deleted?: boolean;
}

/**
 * Why there is no client list: a student or unverified clinician is told about verification,
 * an administrator that the workspace is a clinician's own (they see its audit events only).
 */
function WorkspaceNotice({ account }: { account: UserRow }) {
  const { t } = useMessages();
  if (account.role !== "admin") return <NeedsVerification account={account} />;
  return (
    <div class="notice" role="note">
      <h2>{t("clients.noWorkspace.heading")}</h2>
      <p>{t("clients.noWorkspace")}</p>
      <p>
        <a href="/app/admin">{t("clients.noWorkspace.audit")}</a>
      </p>
    </div>
  );
}

/** The page an account without a workspace gets at any /app/clients address. */
export function NoWorkspacePage({ account, csrfToken }: { account: UserRow; csrfToken: string }) {
  const { t } = useMessages();
  return (
    <Layout title={t("tool.clients")} account={account} csrfToken={csrfToken} path="/app/clients">
      <WorkspaceNotice account={account} />
    </Layout>
  );
}

export function ClientsPage({ account, csrfToken, view }: { account: UserRow; csrfToken: string; view: ClientListView }) {
  const { locale, t } = useMessages();
  const filtered = Boolean(view.q || view.status);
  return (
    <Layout title={t("tool.clients")} account={account} csrfToken={csrfToken} path="/app/clients">
      {view.deleted && (
        <p class="success" role="status">
          {t("clients.deleted")}
        </p>
      )}
      <p>
        <a class="button-link" href="/app/clients/new">
          {t("clients.new")}
        </a>
      </p>
      <form class="card filters" method="get" action="/app/clients" aria-label={t("clients.filterLabel")}>
        <div class="grow">
          <label for="clients-q">{t("clients.search")}</label>
          <input id="clients-q" name="q" type="search" maxlength={60} value={view.q ?? ""} autocomplete="off" />
        </div>
        <div>
          <label for="clients-status">{t("clients.status")}</label>
          <select id="clients-status" name="status">
            <option value="">{t("clients.anyStatus")}</option>
            {CLIENT_STATUSES.map((status) => (
              <option value={status} selected={view.status === status}>
                {t(`clients.status.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t("clients.filter")}</button>
      </form>
      {view.clients.length === 0 ? (
        <p role="status">{t(filtered ? "clients.noMatch" : "clients.none")}</p>
      ) : (
        <>
          <p role="status">
            {view.clients.length === 1
              ? t("clients.shownOne")
              : t("clients.shown", { count: new Intl.NumberFormat(locale).format(view.clients.length) })}
          </p>
          <TableWrap label={t("tool.clients")}>
            <table>
              <caption class="visually-hidden">{t("clients.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("clients.label")}</th>
                  <th scope="col">{t("clients.status")}</th>
                  <th scope="col">{t("clients.added")}</th>
                </tr>
              </thead>
              <tbody>
                {view.clients.map((client) => (
                  <tr>
                    <th scope="row">
                      <a href={`/app/clients/${client.id}`}>{client.label}</a>
                    </th>
                    <td>{t(`clients.status.${client.status}`)}</td>
                    <td>
                      <time datetime={client.created_at}>{formatDateTime(locale, new Date(client.created_at))}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
      <NextPageLink href={view.nextPage} />
    </Layout>
  );
}

export function NewClientPage({ account, csrfToken, form }: { account: UserRow; csrfToken: string; form: ClientFormState }) {
  const { t } = useMessages();
  return (
    <Layout title={t("clients.new")} account={account} csrfToken={csrfToken} path="/app/clients">
      <p>
        <a href="/app/clients">{t("clients.allClients")}</a>
      </p>
      <ClientFormErrors state={form} prefix="new-client" />
      <form class="card narrow" method="post" action="/app/clients" novalidate>
        <input type="hidden" name="_csrf" value={csrfToken} />
        <p>{t("clients.form.intro")}</p>
        <ClientFields state={form} prefix="new-client" />
        <button type="submit">{t("clients.create")}</button>
      </form>
    </Layout>
  );
}
