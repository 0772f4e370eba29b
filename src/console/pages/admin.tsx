/** /app/admin (users: filter, verify, role, deactivate) and /app/admin/audit (the audit trail with filters). */
import type { toAuditEvent } from "../../audit/audit-event";
import { isLicensedRole } from "../../auth/auth.schemas";
import { USER_ROLES, type UserRow } from "../../auth/auth.table";
import { NextPageLink } from "../components/next-page";
import { TableWrap } from "../components/table-wrap";
import { useMessages } from "../i18n/i18n";
import { Layout, ROLE_LABELS } from "../layout";

export interface UserListView {
  role?: string;
  verified?: string;
  q?: string;
  users: UserRow[];
  nextPage: string | null;
  notice?: string;
}

function AdminTabs({ current }: { current: "users" | "audit" }) {
  return (
    <nav aria-label="Admin sections" class="tabs">
      <a href="/app/admin" aria-current={current === "users" ? "page" : undefined}>
        Users
      </a>
      <a href="/app/admin/audit" aria-current={current === "audit" ? "page" : undefined}>
        Audit trail
      </a>
    </nav>
  );
}

export function AdminUsersPage({ account, csrfToken, view }: { account: UserRow; csrfToken: string; view: UserListView }) {
  const { t } = useMessages();
  return (
    <Layout title="Admin: users" account={account} csrfToken={csrfToken} path="/app/admin">
      <AdminTabs current="users" />
      {view.notice && (
        <p class="success" role="status">
          {view.notice}
        </p>
      )}
      <form class="card filters" method="get" action="/app/admin" aria-label="Filter users">
        <div>
          <label for="role">Role</label>
          <select id="role" name="role">
            <option value="">Any role</option>
            {USER_ROLES.map((role) => (
              <option value={role} selected={view.role === role}>
                {t(ROLE_LABELS[role])}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="verified">Verification</label>
          <select id="verified" name="is_verified">
            <option value="">Any</option>
            <option value="false" selected={view.verified === "false"}>
              Not verified
            </option>
            <option value="true" selected={view.verified === "true"}>
              Verified
            </option>
          </select>
        </div>
        <div class="grow">
          <label for="q">Name or email</label>
          <input id="q" name="q" maxlength={100} value={view.q ?? ""} />
        </div>
        <button type="submit">Filter</button>
      </form>
      <TableWrap label="Users">
        <table>
          <caption class="visually-hidden">Users</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">License</th>
              <th scope="col">Status</th>
              <th scope="col">Actions</th>
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
        {isLicensedRole(user.role) && <span class="muted">{user.isVerified ? " (verified)" : " (not verified)"}</span>}
      </td>
      <td>{user.isActive ? "Active" : "Deactivated"}</td>
      <td class="actions">
        {isLicensedRole(user.role) && (
          <form method="post" action={action}>
            <input type="hidden" name="_csrf" value={csrfToken} />
            <input type="hidden" name="change" value={user.isVerified ? "unverify" : "verify"} />
            <button type="submit" aria-label={`${user.isVerified ? "Withdraw verification" : "Verify license"} of ${name}`}>
              {user.isVerified ? "Withdraw verification" : "Verify license"}
            </button>
          </form>
        )}
        {!self && (
          <>
            <form method="post" action={action} class="inline">
              <input type="hidden" name="_csrf" value={csrfToken} />
              <input type="hidden" name="change" value="role" />
              <label for={`role-${user.id}`} class="visually-hidden">
                Role of {name}
              </label>
              <select id={`role-${user.id}`} name="role">
                {USER_ROLES.map((role) => (
                  <option value={role} selected={user.role === role}>
                    {t(ROLE_LABELS[role])}
                  </option>
                ))}
              </select>
              <button type="submit" aria-label={`Change role of ${name}`}>
                Change role
              </button>
            </form>
            <form method="post" action={action}>
              <input type="hidden" name="_csrf" value={csrfToken} />
              <input type="hidden" name="change" value={user.isActive ? "deactivate" : "reactivate"} />
              <button
                type="submit"
                class={user.isActive ? "danger" : undefined}
                aria-label={`${user.isActive ? "Deactivate" : "Reactivate"} ${name}`}
              >
                {user.isActive ? "Deactivate" : "Reactivate"}
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
  return (
    <Layout title="Admin: audit trail" account={account} csrfToken={csrfToken} path="/app/admin">
      <AdminTabs current="audit" />
      <form class="card filters" method="get" action="/app/admin/audit" aria-label="Filter the audit trail">
        <div class="grow">
          <label for="user_id">User id</label>
          <input id="user_id" name="user_id" maxlength={36} value={view.userId ?? ""} />
        </div>
        <div>
          <label for="action">Action</label>
          <input id="action" name="action" maxlength={100} value={view.action ?? ""} aria-describedby="action-hint" />
          <p id="action-hint" class="hint">
            e.g. auth.login, rag.diagnose
          </p>
        </div>
        <div>
          <label for="since">Since</label>
          <input id="since" name="since" maxlength={40} value={view.since ?? ""} aria-describedby="since-hint" />
          <p id="since-hint" class="hint">
            ISO date-time, e.g. 2026-11-30T00:00:00Z
          </p>
        </div>
        <button type="submit">Filter</button>
      </form>
      <TableWrap label="Audit events">
        <table>
          <caption class="visually-hidden">Audit events, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When (UTC)</th>
              <th scope="col">User</th>
              <th scope="col">Action</th>
              <th scope="col">Outcome</th>
              <th scope="col">Target</th>
              <th scope="col">Model and tokens</th>
            </tr>
          </thead>
          <tbody>
            {view.events.map((event) => (
              <tr>
                <td>
                  <time datetime={event.created_at}>{event.created_at.slice(0, 19).replace("T", " ")}</time>
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
