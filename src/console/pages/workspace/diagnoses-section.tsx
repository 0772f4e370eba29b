/**
 * The client's recorded diagnoses on the client page: condition and codes, the verification
 * status (provisional from a differential until the clinician confirms or refutes it), and a
 * small form per diagnosis to change that status. Diagnoses come in from the diagnose page's
 * "Save to client…" (or the API).
 */
import type { Diagnosis } from "../../../workspace/diagnoses/diagnoses.schemas";
import { DIAGNOSIS_VERIFICATIONS } from "../../../workspace/workspace.table";
import { formatDateTime, type MessageId, useMessages } from "../../i18n/i18n";

const VERIFICATION_LABELS: Record<(typeof DIAGNOSIS_VERIFICATIONS)[number], MessageId> = {
  provisional: "diagnoses.provisional",
  differential: "diagnoses.differential",
  confirmed: "diagnoses.confirmed",
  refuted: "diagnoses.refuted",
  "entered-in-error": "diagnoses.enteredInError",
};

export function DiagnosesSection({ clientId, diagnoses, csrfToken }: { clientId: string; diagnoses: Diagnosis[]; csrfToken: string }) {
  const { locale, t } = useMessages();
  return (
    <section class="card" id="diagnoses" aria-labelledby="diagnoses-heading">
      <h2 id="diagnoses-heading">{t("diagnoses.heading")}</h2>
      {diagnoses.length === 0 ? (
        <p>
          {t("diagnoses.none")} <a href="/app/diagnose">{t("diagnoses.fromDiagnose")}</a>
        </p>
      ) : (
        <ul class="diagnoses">
          {diagnoses.map((diagnosis) => {
            const codes = [
              diagnosis.dsm5_code && `ICD-10-CM ${diagnosis.dsm5_code}`,
              diagnosis.icd11_code && `ICD-11 ${diagnosis.icd11_code}`,
            ]
              .filter(Boolean)
              .join(" · ");
            const selectId = `diagnosis-${diagnosis.id}-verification`;
            return (
              <li>
                <p>
                  <strong>{diagnosis.condition}</strong> {codes && <span class="muted">({codes})</span>}
                  {" — "}
                  {t(VERIFICATION_LABELS[diagnosis.verification])}.{" "}
                  <span class="muted">{t("diagnoses.recorded", { when: formatDateTime(locale, new Date(diagnosis.recorded_at)) })}</span>
                </p>
                <form method="post" action={`/app/clients/${clientId}/diagnoses/${diagnosis.id}`} class="inline-form">
                  <input type="hidden" name="_csrf" value={csrfToken} />
                  <label for={selectId}>{t("diagnoses.status", { condition: diagnosis.condition })}</label>
                  <select id={selectId} name="verification">
                    {DIAGNOSIS_VERIFICATIONS.map((status) => (
                      <option value={status} selected={status === diagnosis.verification}>
                        {t(VERIFICATION_LABELS[status])}
                      </option>
                    ))}
                  </select>
                  <button type="submit">{t("diagnoses.change")}</button>
                </form>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
