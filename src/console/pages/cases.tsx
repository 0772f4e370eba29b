/** /app/cases: filters (severity, diagnosis), one page of cases, a link to the next page. */
import type { UserRow } from "../../auth/auth.table";
import { SEVERITIES, type SyntheticCase } from "../../cases/cases.schemas";
import { NextPageLink } from "../components/next-page";
import { TableWrap } from "../components/table-wrap";
import { useMessages } from "../i18n/i18n";
import { Layout } from "../layout";

export interface CaseListView {
  severity?: string;
  diagnosis?: string;
  total: number;
  items: SyntheticCase[];
  nextPage: string | null;
}

export function CasesPage({ account, csrfToken, view }: { account: UserRow; csrfToken: string; view: CaseListView }) {
  const { locale, t } = useMessages();
  const count = new Intl.NumberFormat(locale).format(view.total);
  return (
    <Layout title={t("tool.cases")} account={account} csrfToken={csrfToken} path="/app/cases">
      <form class="card filters" method="get" action="/app/cases" aria-label={t("cases.filterLabel")}>
        <div>
          <label for="severity">{t("cases.severity")}</label>
          <select id="severity" name="severity">
            <option value="">{t("cases.anySeverity")}</option>
            {SEVERITIES.map((severity) => (
              <option value={severity} selected={view.severity === severity}>
                {t(`cases.severity.${severity}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="diagnosis">{t("cases.diagnosis")}</label>
          <input id="diagnosis" name="diagnosis" maxlength={100} value={view.diagnosis ?? ""} aria-describedby="diagnosis-hint" />
          <p id="diagnosis-hint" class="hint">
            {t("cases.diagnosisHint")}
          </p>
        </div>
        <button type="submit">{t("cases.filter")}</button>
      </form>
      <p aria-live="polite">{t(view.total === 1 ? "cases.matchesOne" : "cases.matchesMany", { count })}</p>
      <TableWrap label={t("tool.cases")}>
        <table>
          <caption class="visually-hidden">{t("cases.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("cases.case")}</th>
              <th scope="col">{t("cases.suggestedDiagnosis")}</th>
              <th scope="col">{t("cases.codes")}</th>
              <th scope="col">{t("cases.severity")}</th>
            </tr>
          </thead>
          <tbody>
            {view.items.map((item) => (
              <tr>
                <td>
                  <a href={`/app/cases/${item.case_id}`}>{item.case_id}</a>
                </td>
                <td>{item.suggested_diagnosis.primary}</td>
                <td>
                  {item.suggested_diagnosis.dsm5_code} · {item.suggested_diagnosis.icd11_code}
                </td>
                <td>{t(`cases.severity.${item.severity}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <NextPageLink href={view.nextPage} />
    </Layout>
  );
}
