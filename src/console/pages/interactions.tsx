/**
 * /app/interactions: the drug-interaction check. Names the table does not know lead the answer in
 * an alert ("Not checked: …"), so an unknown drug never reads as a drug without interactions.
 */
import type { UserRow } from "../../auth/auth.table";
import { findings, type InteractionCheck, recognisedCount } from "../../interactions/check";
import { MAX_MEDICATIONS } from "../../interactions/interactions.schemas";
import { TableWrap } from "../components/table-wrap";
import { Layout } from "../layout";

export interface InteractionsView {
  /** The text as submitted, kept in the box. */
  text?: string;
  result?: InteractionCheck;
  error?: string;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function InteractionsPage({ account, csrfToken, view }: { account: UserRow; csrfToken: string; view: InteractionsView }) {
  return (
    <Layout title="Drug interactions" account={account} csrfToken={csrfToken} path="/app/interactions">
      <form class="card" method="post" action="/app/interactions" aria-label="Check drug interactions">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <label for="medications">Medications</label>
        <textarea id="medications" name="medications" rows={6} required aria-describedby="medications-hint">
          {view.text ?? ""}
        </textarea>
        <p id="medications-hint" class="hint">
          2 to {MAX_MEDICATIONS} names, one per line or separated by commas: brand or generic, with or without the dose. Include
          over-the-counter medicines, supplements, alcohol and other substances.
        </p>
        <button type="submit">Check interactions</button>
      </form>
      {view.error && (
        <p class="error" role="alert">
          {view.error}
        </p>
      )}
      {view.result && <CheckResult result={view.result} />}
    </Layout>
  );
}

function CheckResult({ result }: { result: InteractionCheck }) {
  return (
    <section aria-labelledby="result-heading">
      <h2 id="result-heading">Result</h2>
      {result.not_checked.length > 0 && (
        <div class="alert" role="alert" data-not-checked>
          <p>
            <strong>Not checked: {result.not_checked.join(", ")}</strong>
          </p>
          <p>
            {result.not_checked.length === 1 ? "This name is" : "These names are"} not in our interaction table, so nothing was checked for{" "}
            {result.not_checked.length === 1 ? "it" : "them"}: check another source (a pharmacist or a full interaction reference), and
            check the spelling.
          </p>
        </div>
      )}
      {result.same_drug.map(({ generic, inputs }) => (
        <div class="alert" role="alert" data-same-drug>
          <p>
            <strong>
              Same drug twice: {inputs.join(" and ")} are {inputs.length === 2 ? "both" : "all"} {generic}.
            </strong>{" "}
            Check that the patient is not taking a duplicated dose.
          </p>
        </div>
      ))}
      {/* The alerts above already say what was not checked and what is one drug: the rest of the summary. */}
      <p aria-live="polite">
        <strong>{findings(recognisedCount(result), result.interactions.length)}</strong>
      </p>
      <TableWrap label="How each name was matched">
        <table>
          <caption class="visually-hidden">How each name was matched</caption>
          <thead>
            <tr>
              <th scope="col">Entered</th>
              <th scope="col">Matched as</th>
              <th scope="col">Checked</th>
            </tr>
          </thead>
          <tbody>
            {result.medications.map((medication) => (
              <tr>
                <td>{medication.input}</td>
                <td>{medication.generic ?? "(not in the table)"}</td>
                <td>{medication.recognised ? "yes" : "not checked"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {result.interactions.map((interaction) => (
        <article class="card" aria-label={`${interaction.drugs.join(" and ")}: ${interaction.severity}`}>
          <h3>
            {interaction.drugs.join(" + ")}: {capitalised(interaction.severity)}
          </h3>
          <dl class="facts">
            <dt>Effect</dt>
            <dd>{interaction.effect}</dd>
            <dt>Mechanism</dt>
            <dd>{interaction.mechanism}</dd>
            <dt>Management</dt>
            <dd>{interaction.management}</dd>
            <dt>Reference</dt>
            <dd>{interaction.reference}</dd>
          </dl>
        </article>
      ))}
      <p class="muted">
        Decision support from a table of common and serious interactions: an interaction not listed here is not proof that a combination is
        safe.
      </p>
    </section>
  );
}
