/**
 * /app/safety-plan: a Stanley–Brown safety plan draft from a source text (carried over by "Draft a
 * safety plan" on a crisis banner, or typed), in the client's language, with Export PDF
 * (/app/assets/safety-plan.js).
 */
import type { UserRow } from "../../auth/auth.table";
import { MAX_TEXT } from "../../rag/rag.schemas";
import { PLAN_LANGUAGES, type PlanLanguage } from "../../safety-plans/safety-plan-labels";
import { Layout, NeedsVerification } from "../layout";
import { mayUse } from "../tools";

/** Each language by its own name, as the client would recognise it. */
const LANGUAGE_NAMES: Record<PlanLanguage, string> = { en: "English", es: "Español", fr: "Français", de: "Deutsch", pt: "Português" };

export function SafetyPlanPage({ account, csrfToken }: { account: UserRow; csrfToken: string }) {
  const allowed = mayUse(account, "licensed");
  return (
    <Layout title="Safety plan" account={account} csrfToken={csrfToken} path="/app/safety-plan" scripts={allowed ? ["safety-plan.js"] : []}>
      {allowed ? (
        <>
          <p>
            A draft in the steps of the Stanley–Brown Safety Planning Intervention. Each step holds only what the source text says; every
            other step is left for you to complete with the client.
          </p>
          <form id="plan-form" class="card" method="post" action="/app/safety-plan" novalidate>
            <label for="plan-text">Source text</label>
            <textarea id="plan-text" name="text" rows={8} required maxlength={MAX_TEXT} />
            <label for="plan-language">Client's language</label>
            <select id="plan-language" name="language">
              {PLAN_LANGUAGES.map((language) => (
                <option value={language}>{LANGUAGE_NAMES[language]}</option>
              ))}
            </select>
            <button type="submit">Draft safety plan</button>
          </form>
          <section class="answer" aria-labelledby="plan-heading">
            <h2 id="plan-heading">Draft</h2>
            <div id="plan-alerts" role="alert" />
            <p id="plan-status" role="status" class="muted" />
            <div id="plan-result" />
          </section>
        </>
      ) : (
        <NeedsVerification account={account} />
      )}
    </Layout>
  );
}
