/** /app/cases: filters (severity, diagnosis), one page of cases, a link to the next page. */
import type { UserRow } from "../../auth/auth.table";
import { SEVERITIES, type SyntheticCase } from "../../cases/cases.schemas";
import { NextPageLink } from "../components/next-page";
import { TableWrap } from "../components/table-wrap";
import { Layout } from "../layout";

export interface CaseListView {
  severity?: string;
  diagnosis?: string;
  total: number;
  items: SyntheticCase[];
  nextPage: string | null;
}

export function CasesPage({ account, csrfToken, view }: { account: UserRow; csrfToken: string; view: CaseListView }) {
  return (
    <Layout title="Cases" account={account} csrfToken={csrfToken} path="/app/cases">
      <form class="card filters" method="get" action="/app/cases" aria-label="Filter cases">
        <div>
          <label for="severity">Severity</label>
          <select id="severity" name="severity">
            <option value="">Any severity</option>
            {SEVERITIES.map((severity) => (
              <option value={severity} selected={view.severity === severity}>
                {severity}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="diagnosis">Diagnosis</label>
          <input id="diagnosis" name="diagnosis" maxlength={100} value={view.diagnosis ?? ""} aria-describedby="diagnosis-hint" />
          <p id="diagnosis-hint" class="hint">
            A name (e.g. depressive) or a DSM-5-TR / ICD-11 code prefix (e.g. F32, 6A70).
          </p>
        </div>
        <button type="submit">Filter</button>
      </form>
      <p aria-live="polite">
        {view.total} {view.total === 1 ? "case matches" : "cases match"}.
      </p>
      <TableWrap label="Cases">
        <table>
          <caption class="visually-hidden">Synthetic cases</caption>
          <thead>
            <tr>
              <th scope="col">Case</th>
              <th scope="col">Suggested diagnosis</th>
              <th scope="col">Codes</th>
              <th scope="col">Severity</th>
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
                <td>{item.severity}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <NextPageLink href={view.nextPage} />
    </Layout>
  );
}
