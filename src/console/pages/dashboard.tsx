/** The dashboard: who is signed in, the tools the role may use, and the person's own recent activity. */
import type { AuditEventRow } from "../../audit/audit.table";
import { isLicensedRole } from "../../auth/auth.schemas";
import type { UserRow } from "../../auth/auth.table";
import { TableWrap } from "../components/table-wrap";
import { formatDateTime, type MessageId, useMessages } from "../i18n/i18n";
import { Layout, ROLE_LABELS } from "../layout";
import { visibleTools } from "../tools";

function verificationState(account: UserRow): MessageId {
  if (account.role === "admin") return "role.admin";
  if (!isLicensedRole(account.role)) return "dashboard.student";
  return account.isVerified ? "dashboard.verified" : "dashboard.unverified";
}

export function DashboardPage({ account, csrfToken, activity }: { account: UserRow; csrfToken: string; activity: AuditEventRow[] }) {
  const { locale, t } = useMessages();
  return (
    <Layout title={t("tool.dashboard")} account={account} csrfToken={csrfToken} path="/app">
      <section class="card" aria-labelledby="who">
        <h2 id="who">{t("dashboard.signedIn")}</h2>
        <dl class="facts">
          <dt>{t("dashboard.name")}</dt>
          <dd>
            {account.firstName} {account.lastName}
          </dd>
          <dt>{t("dashboard.role")}</dt>
          <dd>{t(ROLE_LABELS[account.role])}</dd>
          <dt>{t("dashboard.verification")}</dt>
          <dd>{t(verificationState(account))}</dd>
        </dl>
      </section>
      <section aria-labelledby="tools">
        <h2 id="tools">{t("layout.tools")}</h2>
        <ul class="tool-list">
          {visibleTools(account)
            .filter((tool) => tool.path !== "/app")
            .map((tool) => (
              <li class="card">
                <a href={tool.path}>{t(tool.label)}</a>
                <p>{t(tool.description)}</p>
                {tool.locked && <p class="locked">{t("dashboard.locked")}</p>}
              </li>
            ))}
        </ul>
      </section>
      <section aria-labelledby="activity">
        <h2 id="activity">{t("dashboard.activity")}</h2>
        {activity.length === 0 ? (
          <p>{t("dashboard.noActivity")}</p>
        ) : (
          <TableWrap label={t("dashboard.activity")}>
            <table>
              <caption class="visually-hidden">{t("dashboard.activityCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("dashboard.when")}</th>
                  <th scope="col">{t("dashboard.action")}</th>
                  <th scope="col">{t("dashboard.outcome")}</th>
                </tr>
              </thead>
              <tbody>
                {activity.map((event) => (
                  <tr>
                    <td>
                      <time datetime={event.createdAt.toISOString()}>{formatDateTime(locale, event.createdAt)}</time>
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
