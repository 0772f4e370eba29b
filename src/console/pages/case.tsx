/** /app/cases/{case_id}: the case, and beside it the analysis (or its error, or the button that asks for it). */
import type { z } from "@hono/zod-openapi";
import type { UserRow } from "../../auth/auth.table";
import type { analyzeCase } from "../../cases/cases.routes";
import type { SyntheticCase } from "../../cases/cases.schemas";
import { Markdown } from "../components/markdown";
import { CrisisBanner } from "../components/safety";
import { TableWrap } from "../components/table-wrap";
import { useMessages } from "../i18n/i18n";
import { Layout, NeedsVerification } from "../layout";
import { mayUse } from "../tools";

type CaseAnalysis = z.infer<(typeof analyzeCase)["responses"][200]["content"]["application/json"]["schema"]>;

export interface CaseView {
  item: SyntheticCase;
  analysis?: CaseAnalysis;
  /** The problem's message when the analysis failed. */
  error?: string;
}

/** A confidence as a whole percentage, in the locale's format. */
function usePercent() {
  const { locale } = useMessages();
  const format = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  return (value: number) => format.format(value);
}

function List({ items }: { items: string[] }) {
  const { t } = useMessages();
  return items.length ? (
    <ul>
      {items.map((text) => (
        <li>{text}</li>
      ))}
    </ul>
  ) : (
    <p class="muted">{t("cases.noneRecorded")}</p>
  );
}

export function CasePage({ account, csrfToken, view }: { account: UserRow; csrfToken: string; view: CaseView }) {
  const { item, analysis, error } = view;
  const diagnosis = item.suggested_diagnosis;
  const { t } = useMessages();
  const percent = usePercent();
  return (
    <Layout title={t("cases.caseTitle", { id: item.case_id })} account={account} csrfToken={csrfToken} path="/app/cases">
      <p>
        <a href="/app/cases">{t("cases.all")}</a>
      </p>
      <div class="split">
        <article class="card" aria-labelledby="case-heading">
          <h2 id="case-heading">{t("cases.theCase")}</h2>
          <dl class="facts">
            <dt>{t("cases.patient")}</dt>
            <dd>
              {item.patient_demographics.age}, {item.patient_demographics.gender}
              {item.patient_demographics.occupation ? `, ${item.patient_demographics.occupation}` : ""}
            </dd>
            <dt>{t("cases.severity")}</dt>
            <dd>{t(`cases.severity.${item.severity}`)}</dd>
            <dt>{t("cases.suggestedDiagnosis")}</dt>
            <dd>
              {t("cases.diagnosisLine", {
                name: diagnosis.primary,
                dsm5: diagnosis.dsm5_code,
                icd11: diagnosis.icd11_code,
                confidence: percent(diagnosis.confidence),
              })}
            </dd>
          </dl>
          <h3>{t("cases.presentingSymptoms")}</h3>
          <List items={item.presenting_symptoms} />
          <h3>{t("cases.clinicalHistory")}</h3>
          <p>{item.clinical_history}</p>
          <h3>{t("cases.assessmentNotes")}</h3>
          <p>{item.assessment_notes}</p>
          <h3>{t("cases.riskFactors")}</h3>
          <List items={item.risk_factors} />
          <h3>{t("cases.protectiveFactors")}</h3>
          <List items={item.protective_factors} />
          <h3>{t("cases.treatmentRecommendations")}</h3>
          <List items={item.treatment_recommendations} />
        </article>
        <section class="card" aria-labelledby="analysis-heading">
          <h2 id="analysis-heading">{t("cases.analysis")}</h2>
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
                <button type="submit">{t(analysis || error ? "cases.analyzeAgain" : "cases.analyze")}</button>
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
  const { t } = useMessages();
  const percent = usePercent();
  // What the risk was found in: "Draft a safety plan" drafts from it.
  const planText = [item.presenting_symptoms.join(". "), item.clinical_history, item.assessment_notes, item.risk_factors.join(". ")].join(
    "\n",
  );
  return (
    <div class="analysis">
      <CrisisBanner safety={safety} planText={planText} />
      {ai.mode === "offline" && <p class="notice">{t("cases.offline")}</p>}
      {analysis.coverage === "low" && (
        <p class="notice" role="note">
          {t("cases.lowCoverage")}
        </p>
      )}
      <Markdown text={ai.response} />
      {findings && (
        <>
          <p>
            <strong>{t("cases.supported")}</strong> {t(findings.suggested_diagnosis_supported ? "cases.yes" : "cases.no")}
          </p>
          {findings.alternative_diagnoses.length > 0 && (
            <TableWrap label={t("cases.alternatives")}>
              <table>
                <caption>{t("cases.alternatives")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("cases.condition")}</th>
                    <th scope="col">DSM-5-TR</th>
                    <th scope="col">ICD-11</th>
                    <th scope="col">{t("cases.confidence")}</th>
                    <th scope="col">{t("cases.rationale")}</th>
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
          <h3>{t("cases.missingAssessments")}</h3>
          <List items={findings.missing_assessments} />
          <h3>{t("cases.treatmentConsiderations")}</h3>
          <List items={findings.treatment_considerations} />
        </>
      )}
      <h3>{t("cases.sources")}</h3>
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
        {analysis.disclaimer} {t("cases.model", { model: ai.model_used })}
      </p>
    </div>
  );
}
