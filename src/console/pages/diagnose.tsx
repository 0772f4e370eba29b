/** /app/diagnose: symptoms and patient context in, a streamed differential out (/app/assets/diagnose.js). */
import type { UserRow } from "../../auth/auth.table";
import { MAX_TEXT } from "../../rag/rag.schemas";
import { Layout, NeedsVerification } from "../layout";
import { mayUse } from "../tools";
import { AnswerPanel } from "./answer-panel";

export function DiagnosePage({ account, csrfToken }: { account: UserRow; csrfToken: string }) {
  const allowed = mayUse(account, "licensed");
  return (
    <Layout title="Diagnose" account={account} csrfToken={csrfToken} path="/app/diagnose" scripts={allowed ? ["diagnose.js"] : []}>
      {allowed ? (
        <>
          {/* POST, so that symptoms never end up in a URL even if the script has not loaded. */}
          <form id="diagnose-form" class="card" method="post" action="/app/diagnose" novalidate>
            <label for="symptoms">Symptoms</label>
            <textarea id="symptoms" name="symptoms" rows={5} required maxlength={MAX_TEXT} aria-describedby="symptoms-hint" />
            <p id="symptoms-hint" class="muted">
              What the client reports and what you observe. Do not enter names or other identifiers.
            </p>
            <label for="patient-context">Patient context</label>
            <textarea id="patient-context" name="patient_context" rows={3} maxlength={MAX_TEXT} />
            <button type="submit">Analyze</button>
          </form>
          <AnswerPanel />
        </>
      ) : (
        <NeedsVerification account={account} />
      )}
    </Layout>
  );
}
