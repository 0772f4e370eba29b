/** The dashboard: who is signed in, the tools the role may use, and the person's own recent activity. */
import type { AuditEventRow } from "../../audit/audit.table";
import { isLicensedRole } from "../../auth/auth.schemas";
import type { UserRow } from "../../auth/auth.table";
import { TableWrap } from "../components/table-wrap";
import { Layout, ROLE_LABELS } from "../layout";
import { visibleTools } from "../tools";

function verificationState(account: UserRow): string {
  if (account.role === "admin") return "Administrator";
  if (!isLicensedRole(account.role)) return "Student account: clinical tools need a verified licence";
  return account.isVerified ? "Licence verified" : "Licence not verified yet: an administrator must verify it";
}

export function DashboardPage({ account, csrfToken, activity }: { account: UserRow; csrfToken: string; activity: AuditEventRow[] }) {
  return (
    <Layout title="Dashboard" account={account} csrfToken={csrfToken} path="/app">
      <section class="card" aria-labelledby="who">
        <h2 id="who">Signed in</h2>
        <dl class="facts">
          <dt>Name</dt>
          <dd>
            {account.firstName} {account.lastName}
          </dd>
          <dt>Role</dt>
          <dd>{ROLE_LABELS[account.role]}</dd>
          <dt>Verification</dt>
          <dd>{verificationState(account)}</dd>
        </dl>
      </section>
      <section aria-labelledby="tools">
        <h2 id="tools">Tools</h2>
        <ul class="tool-list">
          {visibleTools(account)
            .filter((tool) => tool.path !== "/app")
            .map((tool) => (
              <li class="card">
                <a href={tool.path}>{tool.label}</a>
                <p>{tool.description}</p>
                {tool.locked && <p class="locked">Needs a licence verified by an administrator.</p>}
              </li>
            ))}
        </ul>
      </section>
      <section aria-labelledby="activity">
        <h2 id="activity">Recent activity</h2>
        {activity.length === 0 ? (
          <p>No activity yet.</p>
        ) : (
          <TableWrap label="Recent activity">
            <table>
              <caption class="visually-hidden">Your most recent actions</caption>
              <thead>
                <tr>
                  <th scope="col">When (UTC)</th>
                  <th scope="col">Action</th>
                  <th scope="col">Outcome</th>
                </tr>
              </thead>
              <tbody>
                {activity.map((event) => (
                  <tr>
                    <td>
                      <time datetime={event.createdAt.toISOString()}>{event.createdAt.toISOString().slice(0, 16).replace("T", " ")}</time>
                    </td>
                    <td>{event.action}</td>
                    <td>{event.outcome}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
    </Layout>
  );
}
