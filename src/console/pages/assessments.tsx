/**
 * /app/assessments: PHQ-9 and GAD-7 forms. assessments.js scores them as they are filled in
 * (the bands come from the server's own table, in `data-bands`); submitting scores them on the
 * server with the API's scorer.
 */

import type { assess } from "../../assessments/assessment";
import { INSTRUMENTS, type Instrument } from "../../assessments/scoring";
import type { UserRow } from "../../auth/auth.table";
import { ANSWER_SCALE, QUESTIONNAIRES } from "../assessment-items";
import { CrisisBanner } from "../components/safety";
import { Layout } from "../layout";

export interface AssessmentView {
  instrument?: Instrument;
  answers?: Array<number | null>;
  result?: ReturnType<typeof assess>;
  error?: string;
}

export function AssessmentsPage({ account, csrfToken, view }: { account: UserRow; csrfToken: string; view: AssessmentView }) {
  return (
    <Layout title="Assessments" account={account} csrfToken={csrfToken} path="/app/assessments" scripts={["assessments.js"]}>
      <p>
        Jump to <a href="#phq9-heading">PHQ-9 (depression)</a> or <a href="#gad7-heading">GAD-7 (anxiety)</a>.
      </p>
      {(["phq9", "gad7"] as const).map((instrument) => (
        <Questionnaire instrument={instrument} csrfToken={csrfToken} view={view.instrument === instrument ? view : {}} />
      ))}
    </Layout>
  );
}

function Questionnaire({ instrument, csrfToken, view }: { instrument: Instrument; csrfToken: string; view: AssessmentView }) {
  const spec = INSTRUMENTS[instrument];
  const { stem, items } = QUESTIONNAIRES[instrument];
  const bands = JSON.stringify(spec.bands.map(({ max, severity }) => ({ max, severity })));
  return (
    <section class="card" aria-labelledby={`${instrument}-heading`}>
      <h2 id={`${instrument}-heading`}>{spec.name}</h2>
      <form method="post" action="/app/assessments" class="questionnaire" data-instrument={instrument} data-bands={bands}>
        <input type="hidden" name="_csrf" value={csrfToken} />
        <input type="hidden" name="instrument" value={instrument} />
        <p>{stem}</p>
        {items.map((item, index) => (
          <fieldset class="item">
            <legend>
              {index + 1}. {item}
            </legend>
            <div class="scale">
              {ANSWER_SCALE.map((answer, value) => (
                <label class="choice">
                  <input type="radio" name={`item${index + 1}`} value={String(value)} checked={view.answers?.[index] === value} />
                  {answer} ({value})
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        <div class="live-score" aria-live="polite" data-live-score>
          <p data-score-text />
        </div>
        {instrument === "phq9" && (
          <div class="alert" role="alert" data-item9-alert hidden>
            Item 9 is positive: the patient reports thoughts of being better off dead or of self-harm. Complete a risk assessment today.
          </div>
        )}
        <button type="submit">Score {spec.name}</button>
      </form>
      {view.error && (
        <p class="error" role="alert">
          {view.error}
        </p>
      )}
      {view.result && <Result result={view.result} />}
    </section>
  );
}

function Result({ result }: { result: ReturnType<typeof assess> }) {
  return (
    <div class="result" aria-live="polite">
      <CrisisBanner safety={result.safety} />
      <h3>Result</h3>
      <p>
        <strong>
          Score {result.score} of {result.max_score}: {result.severity}
        </strong>
        {result.flags.at_or_above_cutoff && " (at or above the screening cut-off of 10)"}
      </p>
      <p>{result.interpretation}</p>
    </div>
  );
}
