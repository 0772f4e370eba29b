/** /app/treatment: a diagnosis in, a streamed treatment plan out (/app/assets/treatment.js). */
import type { UserRow } from "../../auth/auth.table";
import { MAX_TEXT } from "../../rag/rag.schemas";
import { type ClientChoice, SaveToClientData } from "../components/save-to-client";
import { useMessages } from "../i18n/i18n";
import { Layout, NeedsVerification } from "../layout";
import { mayUse } from "../tools";
import { AnswerPanel } from "./answer-panel";

export function TreatmentPage({ account, csrfToken, clients }: { account: UserRow; csrfToken: string; clients?: ClientChoice[] | null }) {
  const allowed = mayUse(account, "licensed");
  const { t } = useMessages();
  return (
    <Layout
      title={t("tool.treatment")}
      account={account}
      csrfToken={csrfToken}
      path="/app/treatment"
      scripts={allowed ? ["treatment.js"] : []}
    >
      {allowed ? (
        <>
          <form id="treatment-form" class="card" method="post" action="/app/treatment" novalidate>
            <label for="diagnosis">{t("treatment.diagnosis")}</label>
            <textarea id="diagnosis" name="diagnosis" rows={3} required maxlength={MAX_TEXT} />
            <label for="patient-context">{t("form.patientContext")}</label>
            <textarea id="patient-context" name="patient_context" rows={3} maxlength={MAX_TEXT} />
            <button type="submit">{t("treatment.submit")}</button>
          </form>
          <AnswerPanel />
          <SaveToClientData clients={clients} />
        </>
      ) : (
        <NeedsVerification account={account} />
      )}
    </Layout>
  );
}
