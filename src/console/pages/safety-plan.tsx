/**
 * /app/safety-plan: a Stanley–Brown safety plan draft from a source text (carried over by "Draft a
 * safety plan" on a crisis banner, or typed), in the client's language, with Export PDF
 * (/app/assets/safety-plan.js).
 */
import type { UserRow } from "../../auth/auth.table";
import { MAX_TEXT } from "../../rag/rag.schemas";
import { PLAN_LANGUAGES, type PlanLanguage } from "../../safety-plans/safety-plan-labels";
import { useMessages } from "../i18n/i18n";
import { Layout, NeedsVerification } from "../layout";
import { mayUse } from "../tools";

/** Each language by its own name, as the client would recognize it. */
const LANGUAGE_NAMES: Record<PlanLanguage, string> = { en: "English", es: "Español", fr: "Français", de: "Deutsch", pt: "Português" };

export function SafetyPlanPage({ account, csrfToken }: { account: UserRow; csrfToken: string }) {
  const allowed = mayUse(account, "licensed");
  const { t } = useMessages();
  return (
    <Layout
      title={t("safetyPlan.title")}
      account={account}
      csrfToken={csrfToken}
      path="/app/safety-plan"
      scripts={allowed ? ["safety-plan.js"] : []}
    >
      {allowed ? (
        <>
          <p>{t("safetyPlan.intro")}</p>
          <form id="plan-form" class="card" method="post" action="/app/safety-plan" novalidate>
            <label for="plan-text">{t("safetyPlan.source")}</label>
            <textarea id="plan-text" name="text" rows={8} required maxlength={MAX_TEXT} />
            <label for="plan-language">{t("safetyPlan.language")}</label>
            <select id="plan-language" name="language">
              {PLAN_LANGUAGES.map((language) => (
                <option value={language}>{LANGUAGE_NAMES[language]}</option>
              ))}
            </select>
            <button type="submit">{t("safetyPlan.submit")}</button>
          </form>
          <section class="answer" aria-labelledby="plan-heading">
            <h2 id="plan-heading">{t("safetyPlan.heading")}</h2>
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
