/** /app/cases/{case_id}: the case, and beside it the analysis (or its error, or the button that asks for it). */
import type { z } from "@hono/zod-openapi";
import type { UserRow } from "../../auth/auth.table";
import type { analyzeCase } from "../../cases/cases.routes";
import type { SyntheticCase } from "../../cases/cases.schemas";
import { Markdown } from "../components/markdown";
import { CrisisBanner } from "../components/safety";
import { TableWrap } from "../components/table-wrap";
import { Layout, NeedsVerification } from "../layout";
import { mayUse } from "../tools";

type CaseAnalysis = z.infer<(typeof analyzeCase)["responses"][200]["content"]["application/json"]["schema"]>;

export interface CaseView {
  item: SyntheticCase;
  analysis?: CaseAnalysis;
  /** The problem's message when the analysis failed. */
  error?: string;
}

const percent = (value: number) => `${Math.round(value * 100)}%`;

function List({ items }: { items: string[] }) {
  return items.length ? (
    <ul>
      {items.map((text) => (
        <li>{text}</li>
      ))}
    </ul>
  ) : (
    <p class="muted">None recorded.</p>
  );
}

export function CasePage({ account, csrfToken, view }: { account: UserRow; csrfToken: string; view: CaseView }) {
  const { item, analysis, error } = view;
  const diagnosis = item.suggested_diagnosis;
  return (
    <Layout title={`Case ${item.case_id}`} account={account} csrfToken={csrfToken} path="/app/cases">
      <p>
        <a href="/app/cases">All cases</a>
      </p>
      <div class="split">
        <article class="card" aria-labelledby="case-heading">
          <h2 id="case-heading">The case</h2>
          <dl class="facts">
            <dt>Patient</dt>
            <dd>
              {item.patient_demographics.age}, {item.patient_demographics.gender}
              {item.patient_demographics.occupation ? `, ${item.patient_demographics.occupation}` : ""}
            </dd>
            <dt>Severity</dt>
            <dd>{item.severity}</dd>
            <dt>Suggested diagnosis</dt>
            <dd>
              {diagnosis.primary} (DSM-5-TR {diagnosis.dsm5_code}, ICD-11 {diagnosis.icd11_code}), confidence{" "}
              {percent(diagnosis.confidence)}
            </dd>
          </dl>
          <h3>Presenting symptoms</h3>
          <List items={item.presenting_symptoms} />
          <h3>Clinical history</h3>
          <p>{item.clinical_history}</p>
          <h3>Assessment notes</h3>
          <p>{item.assessment_notes}</p>
          <h3>Risk factors</h3>
          <List items={item.risk_factors} />
          <h3>Protective factors</h3>
          <List items={item.protective_factors} />
          <h3>Treatment recommendations</h3>
          <List items={item.treatment_recommendations} />
        </article>
        <section class="card" aria-labelledby="analysis-heading">
          <h2 id="analysis-heading">Analysis</h2>
          {!mayUse(account, "licensed") ? (
            <NeedsVerification account={account} />
          ) : (
            <>
              {error && (
                <p class="error" role="alert">
                  {error}
                </p>
              )}
              {analysis ? <Analysis analysis={analysis} /> : null}
              <form method="post" action={`/app/cases/${item.case_id}/analyze`}>
                <input type="hidden" name="_csrf" value={csrfToken} />
                <button type="submit">{analysis || error ? "Analyze case again" : "Analyze case"}</button>
              </form>
            </>
          )}
        </section>
      </div>
    </Layout>
  );
}

function Analysis({ analysis }: { analysis: CaseAnalysis }) {
  const { ai_analysis: ai, safety } = analysis;
  const findings = ai.findings;
  const item = analysis.case_data;
  // What the risk was found in: "Draft a safety plan" drafts from it.
  const planText = [item.presenting_symptoms.join(". "), item.clinical_history, item.assessment_notes, item.risk_factors.join(". ")].join(
    "\n",
  );
  return (
    <div class="analysis">
      <CrisisBanner safety={safety} planText={planText} />
      {ai.mode === "offline" && <p class="notice">Offline mode: no AI model is configured; this is a retrieval-only analysis.</p>}
      {analysis.coverage === "low" && (
        <p class="notice" role="note">
          Low coverage: nothing in the knowledge base fits this case well. The sources listed are related reading, not a match.
        </p>
      )}
      <Markdown text={ai.response} />
      {findings && (
        <>
          <p>
            <strong>Suggested diagnosis supported:</strong> {findings.suggested_diagnosis_supported ? "yes" : "no"}
          </p>
          {findings.alternative_diagnoses.length > 0 && (
            <TableWrap label="Alternative diagnoses">
              <table>
                <caption>Alternative diagnoses</caption>
                <thead>
                  <tr>
                    <th scope="col">Condition</th>
                    <th scope="col">DSM-5-TR</th>
                    <th scope="col">ICD-11</th>
                    <th scope="col">Confidence</th>
                    <th scope="col">Rationale</th>
                  </tr>
                </thead>
                <tbody>
                  {findings.alternative_diagnoses.map((row) => (
                    <tr>
                      <td>{row.condition}</td>
                      <td>{row.dsm5_code ?? "—"}</td>
                      <td>{row.icd11_code ?? "—"}</td>
                      <td>{percent(row.confidence)}</td>
                      <td>{row.rationale}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
          <h3>Missing assessments</h3>
          <List items={findings.missing_assessments} />
          <h3>Treatment considerations</h3>
          <List items={findings.treatment_considerations} />
        </>
      )}
      <h3>Sources</h3>
      <ol>
        {analysis.retrieved_documents.map((source) => (
          <li>
            <a href={`/app/knowledge/${source.id}`}>{source.title}</a>
            {source.dsm5_code && <span class="muted"> · DSM-5-TR {source.dsm5_code}</span>}
            {source.icd11_code && <span class="muted"> · ICD-11 {source.icd11_code}</span>}
          </li>
        ))}
      </ol>
      <p class="muted">
        {analysis.disclaimer} Model: {ai.model_used}.
      </p>
    </div>
  );
}
