/** /app/diagnose: symptoms and patient context in, a streamed differential out (/app/assets/diagnose.js). */
import type { UserRow } from "../../auth/auth.table";
import { MAX_TEXT } from "../../rag/rag.schemas";
import { type ClientChoice, SaveToClientData } from "../components/save-to-client";
import { useMessages } from "../i18n/i18n";
import { Layout, NeedsVerification } from "../layout";
import { mayUse } from "../tools";
import { AnswerPanel } from "./answer-panel";

export function DiagnosePage({ account, csrfToken, clients }: { account: UserRow; csrfToken: string; clients?: ClientChoice[] | null }) {
  const allowed = mayUse(account, "licensed");
  const { t } = useMessages();
  return (
    <Layout
      title={t("tool.diagnose")}
      account={account}
      csrfToken={csrfToken}
      path="/app/diagnose"
      scripts={allowed ? ["diagnose.js"] : []}
    >
      {allowed ? (
        <>
          {/* POST, so that symptoms never end up in a URL even if the script has not loaded. */}
          <form id="diagnose-form" class="card" method="post" action="/app/diagnose" novalidate>
            <label for="symptoms">{t("diagnose.symptoms")}</label>
            <textarea id="symptoms" name="symptoms" rows={5} required maxlength={MAX_TEXT} aria-describedby="symptoms-hint" />
            <p id="symptoms-hint" class="muted">
              {t("diagnose.symptomsHint")}
            </p>
            <label for="patient-context">{t("form.patientContext")}</label>
            <textarea id="patient-context" name="patient_context" rows={3} maxlength={MAX_TEXT} />
            <button type="submit">{t("diagnose.submit")}</button>
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
