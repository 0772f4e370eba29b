/** /app/admin (users: filter, verify, role, deactivate) and /app/admin/audit (the audit trail with filters). */
import type { toAuditEvent } from "../../audit/audit-event";
import { isLicensedRole } from "../../auth/auth.schemas";
import { USER_ROLES, type UserRow } from "../../auth/auth.table";
import { NextPageLink } from "../components/next-page";
import { TableWrap } from "../components/table-wrap";
import { formatDateTime, type MessageId, useMessages } from "../i18n/i18n";
import { Layout, ROLE_LABELS } from "../layout";

export interface UserListView {
  role?: string;
  verified?: string;
  q?: string;
  users: UserRow[];
  nextPage: string | null;
  notice?: MessageId;
}

function AdminTabs({ current }: { current: "users" | "audit" }) {
  const { t } = useMessages();
  return (
    <nav aria-label={t("admin.sections")} class="tabs">
      <a href="/app/admin" aria-current={current === "users" ? "page" : undefined}>
        {t("admin.users")}
      </a>
      <a href="/app/admin/audit" aria-current={current === "audit" ? "page" : undefined}>
        {t("admin.audit")}
      </a>
    </nav>
  );
}

export function AdminUsersPage({ account, csrfToken, view }: { account: UserRow; csrfToken: string; view: UserListView }) {
  const { t } = useMessages();
  return (
    <Layout title={t("admin.usersTitle")} account={account} csrfToken={csrfToken} path="/app/admin">
      <AdminTabs current="users" />
      {view.notice && (
        <p class="success" role="status">
          {t(view.notice)}
        </p>
      )}
      <form class="card filters" method="get" action="/app/admin" aria-label={t("admin.filterUsers")}>
        <div>
          <label for="role">{t("admin.role")}</label>
          <select id="role" name="role">
            <option value="">{t("admin.anyRole")}</option>
            {USER_ROLES.map((role) => (
              <option value={role} selected={view.role === role}>
                {t(ROLE_LABELS[role])}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="verified">{t("admin.verification")}</label>
          <select id="verified" name="is_verified">
            <option value="">{t("admin.any")}</option>
            <option value="false" selected={view.verified === "false"}>
              {t("admin.notVerified")}
            </option>
            <option value="true" selected={view.verified === "true"}>
              {t("admin.verified")}
            </option>
          </select>
        </div>
        <div class="grow">
          <label for="q">{t("admin.nameOrEmail")}</label>
          <input id="q" name="q" maxlength={100} value={view.q ?? ""} />
        </div>
        <button type="submit">{t("admin.filter")}</button>
      </form>
      <TableWrap label={t("admin.users")}>
        <table>
          <caption class="visually-hidden">{t("admin.users")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("admin.name")}</th>
              <th scope="col">{t("admin.email")}</th>
              <th scope="col">{t("admin.role")}</th>
              <th scope="col">{t("admin.license")}</th>
              <th scope="col">{t("admin.status")}</th>
              <th scope="col">{t("admin.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {view.users.map((user) => (
              <UserRowView user={user} csrfToken={csrfToken} self={user.id === account.id} />
            ))}
          </tbody>
        </table>
      </TableWrap>
      <NextPageLink href={view.nextPage} />
    </Layout>
  );
}

function UserRowView({ user, csrfToken, self }: { user: UserRow; csrfToken: string; self: boolean }) {
  const { t } = useMessages();
  const name = `${user.firstName} ${user.lastName}`;
  const action = `/app/admin/users/${user.id}`;
  const license = [user.licenseType, user.licenseNumber, user.licenseState].filter(Boolean).join(" · ") || "—";
  return (
    <tr>
      <td>{name}</td>
      <td>{user.email}</td>
      <td>{t(ROLE_LABELS[user.role])}</td>
      <td>
        {license}
        {isLicensedRole(user.role) && (
          <span class="muted"> {t(user.isVerified ? "admin.licenseVerified" : "admin.licenseNotVerified")}</span>
        )}
      </td>
      <td>{t(user.isActive ? "admin.active" : "admin.deactivated")}</td>
      <td class="actions">
        {isLicensedRole(user.role) && (
          <form method="post" action={action}>
            <input type="hidden" name="_csrf" value={csrfToken} />
            <input type="hidden" name="change" value={user.isVerified ? "unverify" : "verify"} />
            <button type="submit" aria-label={t(user.isVerified ? "admin.unverifyOf" : "admin.verifyOf", { name })}>
              {t(user.isVerified ? "admin.unverify" : "admin.verify")}
            </button>
          </form>
        )}
        {!self && (
          <>
            <form method="post" action={action} class="inline">
              <input type="hidden" name="_csrf" value={csrfToken} />
              <input type="hidden" name="change" value="role" />
              <label for={`role-${user.id}`} class="visually-hidden">
                {t("admin.roleOf", { name })}
              </label>
              <select id={`role-${user.id}`} name="role">
                {USER_ROLES.map((role) => (
                  <option value={role} selected={user.role === role}>
                    {t(ROLE_LABELS[role])}
                  </option>
                ))}
              </select>
              <button type="submit" aria-label={t("admin.changeRoleOf", { name })}>
                {t("admin.changeRole")}
              </button>
            </form>
            <form method="post" action={action}>
              <input type="hidden" name="_csrf" value={csrfToken} />
              <input type="hidden" name="change" value={user.isActive ? "deactivate" : "reactivate"} />
              <button
                type="submit"
                class={user.isActive ? "danger" : undefined}
                aria-label={t(user.isActive ? "admin.deactivateUser" : "admin.reactivateUser", { name })}
              >
                {t(user.isActive ? "admin.deactivate" : "admin.reactivate")}
              </button>
            </form>
          </>
        )}
      </td>
    </tr>
  );
}

export interface AuditView {
  userId?: string;
  action?: string;
  since?: string;
  events: Array<ReturnType<typeof toAuditEvent>>;
  nextPage: string | null;
}

export function AdminAuditPage({ account, csrfToken, view }: { account: UserRow; csrfToken: string; view: AuditView }) {
  const { locale, t } = useMessages();
  return (
    <Layout title={t("admin.auditTitle")} account={account} csrfToken={csrfToken} path="/app/admin">
      <AdminTabs current="audit" />
      <form class="card filters" method="get" action="/app/admin/audit" aria-label={t("admin.filterAudit")}>
        <div class="grow">
          <label for="user_id">{t("admin.userId")}</label>
          <input id="user_id" name="user_id" maxlength={36} value={view.userId ?? ""} />
        </div>
        <div>
          <label for="action">{t("admin.action")}</label>
          <input id="action" name="action" maxlength={100} value={view.action ?? ""} aria-describedby="action-hint" />
          <p id="action-hint" class="hint">
            {t("admin.actionHint")}
          </p>
        </div>
        <div>
          <label for="since">{t("admin.since")}</label>
          <input id="since" name="since" maxlength={40} value={view.since ?? ""} aria-describedby="since-hint" />
          <p id="since-hint" class="hint">
            {t("admin.sinceHint")}
          </p>
        </div>
        <button type="submit">{t("admin.filter")}</button>
      </form>
      <TableWrap label={t("admin.auditEvents")}>
        <table>
          <caption class="visually-hidden">{t("admin.auditCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("admin.when")}</th>
              <th scope="col">{t("admin.user")}</th>
              <th scope="col">{t("admin.action")}</th>
              <th scope="col">{t("admin.outcome")}</th>
              <th scope="col">{t("admin.target")}</th>
              <th scope="col">{t("admin.model")}</th>
            </tr>
          </thead>
          <tbody>
            {view.events.map((event) => (
              <tr>
                <td>
                  <time datetime={event.created_at}>{formatDateTime(locale, new Date(event.created_at))}</time>
                </td>
                <td>{event.user_id ? <a href={`/app/admin/audit?user_id=${event.user_id}`}>{event.user_id.slice(0, 8)}</a> : "—"}</td>
                <td>{event.action}</td>
                <td>{event.outcome}</td>
                <td>{event.target ?? "—"}</td>
                <td>{event.model ? `${event.model} (${event.prompt_tokens ?? 0} + ${event.completion_tokens ?? 0})` : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <NextPageLink href={view.nextPage} />
    </Layout>
  );
}
