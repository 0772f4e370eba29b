/**
 * /app/interactions: the drug-interaction check. Names the table does not know lead the answer in
 * an alert ("Not checked: …"), so an unknown drug never reads as a drug without interactions.
 * The console's words are translated; each interaction's effect, mechanism, management and
 * reference are clinical content from the table and stay in English.
 */
import type { Locale, UserRow } from "../../auth/auth.table";
import { type InteractionCheck, recognisedCount } from "../../interactions/check";
import { MAX_MEDICATIONS } from "../../interactions/interactions.schemas";
import { TableWrap } from "../components/table-wrap";
import { type MessageId, useMessages } from "../i18n/i18n";
import { Layout } from "../layout";

/** Why the list was not checked: which limit it broke, and the limit. */
export interface InteractionsFormError {
  id: "interactions.tooFew" | "interactions.tooMany" | "interactions.nameTooLong";
  max: number;
}

export interface InteractionsView {
  /** The text as submitted, kept in the box. */
  text?: string;
  result?: InteractionCheck;
  error?: InteractionsFormError;
}

/** "A and B", "A, B and C" in the locale's words. */
const listed = (locale: Locale, names: string[]) => new Intl.ListFormat(locale, { type: "conjunction" }).format(names);

/** The summary line, as the API's summary says it (check.ts `findings`), in the locale. */
function findingsId(recognised: number, found: number): MessageId {
  if (recognised < 2) return recognised === 1 ? "interactions.oneRecognised" : "interactions.noneRecognised";
  return found === 0 ? "interactions.noneFound" : found === 1 ? "interactions.oneFound" : "interactions.manyFound";
}

export function InteractionsPage({ account, csrfToken, view }: { account: UserRow; csrfToken: string; view: InteractionsView }) {
  const { t } = useMessages();
  return (
    <Layout title={t("interactions.title")} account={account} csrfToken={csrfToken} path="/app/interactions">
      <form class="card" method="post" action="/app/interactions" aria-label={t("interactions.form")}>
        <input type="hidden" name="_csrf" value={csrfToken} />
        <label for="medications">{t("interactions.medications")}</label>
        <textarea id="medications" name="medications" rows={6} required aria-describedby="medications-hint">
          {view.text ?? ""}
        </textarea>
        <p id="medications-hint" class="hint">
          {t("interactions.hint", { max: MAX_MEDICATIONS })}
        </p>
        <button type="submit">{t("interactions.submit")}</button>
      </form>
      {view.error && (
        <p class="error" role="alert">
          {t(view.error.id, { max: view.error.max })}
        </p>
      )}
      {view.result && <CheckResult result={view.result} />}
    </Layout>
  );
}

function CheckResult({ result }: { result: InteractionCheck }) {
  const { locale, t } = useMessages();
  const recognised = recognisedCount(result);
  const found = result.interactions.length;
  return (
    <section aria-labelledby="result-heading">
      <h2 id="result-heading">{t("interactions.result")}</h2>
      {result.not_checked.length > 0 && (
        <div class="alert" role="alert" data-not-checked>
          <p>
            <strong>{t("interactions.notChecked", { names: result.not_checked.join(", ") })}</strong>
          </p>
          <p>{t(result.not_checked.length === 1 ? "interactions.notCheckedOne" : "interactions.notCheckedMany")}</p>
        </div>
      )}
      {result.same_drug.map(({ generic, inputs }) => (
        <div class="alert" role="alert" data-same-drug>
          <p>
            <strong>
              {t(inputs.length === 2 ? "interactions.sameDrugTwo" : "interactions.sameDrugMany", {
                names: listed(locale, inputs),
                generic,
              })}
            </strong>{" "}
            {t("interactions.duplicatedDose")}
          </p>
        </div>
      ))}
      {/* The alerts above already say what was not checked and what is one drug: the rest of the summary. */}
      <p aria-live="polite">
        <strong>{t(findingsId(recognised, found), { recognised, count: found })}</strong>
      </p>
      <TableWrap label={t("interactions.matching")}>
        <table>
          <caption class="visually-hidden">{t("interactions.matching")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("interactions.entered")}</th>
              <th scope="col">{t("interactions.matchedAs")}</th>
              <th scope="col">{t("interactions.checked")}</th>
            </tr>
          </thead>
          <tbody>
            {result.medications.map((medication) => (
              <tr>
                <td>{medication.input}</td>
                <td>{medication.generic ?? t("interactions.notInTable")}</td>
                <td>{t(medication.recognised ? "interactions.yes" : "interactions.notCheckedCell")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {result.interactions.map((interaction) => {
        const severity = t(`interactions.severity.${interaction.severity}`);
        return (
          <article class="card" aria-label={`${listed(locale, interaction.drugs)}: ${severity}`}>
            <h3>
              {interaction.drugs.join(" + ")}: {severity}
            </h3>
            <dl class="facts">
              <dt>{t("interactions.effect")}</dt>
              <dd>{interaction.effect}</dd>
              <dt>{t("interactions.mechanism")}</dt>
              <dd>{interaction.mechanism}</dd>
              <dt>{t("interactions.management")}</dt>
              <dd>{interaction.management}</dd>
              <dt>{t("interactions.reference")}</dt>
              <dd>{interaction.reference}</dd>
            </dl>
          </article>
        );
      })}
      <p class="muted">{t("interactions.disclaimer")}</p>
    </section>
  );
}
