/**
 * /app/assessments: every instrument the API scores, each a collapsible form rendered from its
 * definition (items, printed answers, branching notes, shaded zones). Submitting scores it on the
 * server with the API's scorer. The forms whose answers are plain 0–3 scores (PHQ, GAD, EPDS) also
 * score live in assessments.js, which reads the bands from `data-bands`. The console's own words
 * are translated; each instrument's name, items, answers, bands and interpretations are clinical
 * content from its definition and stay in English, the language they were validated in.
 */

import type { assess } from "../../assessments/assess";
import type { InstrumentDefinition } from "../../assessments/instrument-definition";
import { INSTRUMENT_IDS, INSTRUMENTS, type Instrument } from "../../assessments/instrument-registry";
import type { UserRow } from "../../auth/auth.table";
import { may } from "../../policy/policy";
import { CrisisBanner } from "../components/safety";
import type { ClientChoice } from "../components/save-to-client";
import { type MessageId, useMessages } from "../i18n/i18n";
import { Layout } from "../layout";

export interface AssessmentView {
  instrument?: Instrument;
  answers?: Array<number | null>;
  result?: ReturnType<typeof assess>;
  /** The item numbers left unanswered, when that is why the form was not scored. */
  unanswered?: number[];
  /** Anything else the scorer said (branching rules), as it said it. */
  error?: string;
  /** The clinician's active clients, for "Save to client…" under a result (null: no workspace). */
  clients?: ClientChoice[] | null;
}

/** Open unless the clinician is working on another form: PHQ-9 and GAD-7 are the common pair. */
const OPEN_BY_DEFAULT: readonly Instrument[] = ["phq9", "gad7"];

/**
 * assessments.js adds up the checked values and reads the total against `data-bands` out of
 * items × 3: right only for forms whose answers are their scores, 0–3, with no branching or rule.
 */
function scoresLive(definition: InstrumentDefinition): boolean {
  const plain = definition.items.every(
    (item) =>
      !item.askedIf && item.options.length === 4 && item.options.every((option) => option.score === option.value && option.value <= 3),
  );
  return plain && !definition.total && !definition.band && !definition.screen;
}

/** What the live alert says as soon as a self-harm item is answered positively (the server's crisis banner follows on scoring). */
const SAFETY_ALERTS: Partial<Record<Instrument, MessageId>> = {
  phq9: "assessments.alert.phq9",
  epds: "assessments.alert.epds",
  cssrs: "assessments.alert.cssrs",
};

/** For assessments.js: each self-harm item's number and the answer values that make it positive, as JSON. */
function positiveAnswers(definition: InstrumentDefinition): string {
  return JSON.stringify(
    Object.fromEntries(
      (definition.safetyItems ?? []).map(({ item, positive }) => [
        item,
        (definition.items.find((candidate) => candidate.number === item)?.options ?? [])
          .map((option) => option.value)
          .filter((value) => positive(value)),
      ]),
    ),
  );
}

export function AssessmentsPage({ account, csrfToken, view }: { account: UserRow; csrfToken: string; view: AssessmentView }) {
  const { t } = useMessages();
  return (
    <Layout title={t("tool.assessments")} account={account} csrfToken={csrfToken} path="/app/assessments" scripts={["assessments.js"]}>
      <p>{t("assessments.intro", { count: INSTRUMENT_IDS.length })}</p>
      <nav aria-label={t("assessments.instruments")}>
        <ul class="instrument-list">
          {INSTRUMENT_IDS.map((id) => (
            <li>
              <a href={`#${id}`}>{INSTRUMENTS[id].name}</a> <span class="muted">({INSTRUMENTS[id].domain})</span>
            </li>
          ))}
        </ul>
      </nav>
      {INSTRUMENT_IDS.map((id) => (
        <Questionnaire
          instrument={id}
          csrfToken={csrfToken}
          open={view.instrument ? view.instrument === id : OPEN_BY_DEFAULT.includes(id)}
          view={view.instrument === id ? view : {}}
          fhir={may(account, "clinical")}
        />
      ))}
    </Layout>
  );
}

function Questionnaire({
  instrument,
  csrfToken,
  open,
  view,
  fhir,
}: {
  instrument: Instrument;
  csrfToken: string;
  open: boolean;
  view: AssessmentView;
  /** Whether the account may download a result as FHIR (POST /app/fhir/convert is for licensed clinicians). */
  fhir: boolean;
}) {
  const { t } = useMessages();
  const definition = INSTRUMENTS[instrument];
  const live = scoresLive(definition);
  const problem = [view.unanswered?.length ? t("assessments.unanswered", { items: view.unanswered.join(", ") }) : "", view.error ?? ""]
    .join(" ")
    .trim();
  const bands = JSON.stringify(definition.bands.map(({ max, severity }) => ({ max, severity })));
  return (
    <details id={instrument} class="card" open={open}>
      <summary>
        <h2 id={`${instrument}-heading`}>
          {definition.name} <span class="muted">{definition.fullName}</span>
        </h2>
      </summary>
      <p>{definition.purpose}</p>
      {/* The answer comes back scrolled to its result and crisis banner, which 14 forms would otherwise push below the fold. */}
      <form
        method="post"
        action={`/app/assessments#${instrument}-result`}
        class={live ? "questionnaire" : "questionnaire-form"}
        data-instrument={instrument}
        data-bands={live ? bands : undefined}
      >
        <input type="hidden" name="_csrf" value={csrfToken} />
        <input type="hidden" name="instrument" value={instrument} />
        <p>{definition.instructions}</p>
        {definition.items.map((item, index) => (
          <fieldset class="item">
            <legend>
              {item.number}. {item.text}
              {item.askedIf &&
                ` ${t("assessments.askOnlyIf", { item: item.askedIf.item, answer: optionLabel(definition, item.askedIf.item, item.askedIf.value) })}`}
            </legend>
            <div class="scale">
              {item.options.map((option) => (
                <label class="choice">
                  <input
                    type="radio"
                    name={`item${item.number}`}
                    value={String(option.value)}
                    checked={view.answers?.[index] === option.value}
                  />
                  {option.label} ({option.value}
                  {item.positiveFrom !== undefined && option.value >= item.positiveFrom ? `, ${t("assessments.shaded")}` : ""})
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        {live && (
          <div class="live-score" aria-live="polite" data-live-score>
            <p data-score-text />
          </div>
        )}
        {definition.safetyItems?.length ? (
          <div class="alert" role="alert" data-safety-alert data-safety-items={positiveAnswers(definition)} hidden>
            {t(SAFETY_ALERTS[instrument] ?? "assessments.alert.other", { name: definition.name })}
          </div>
        ) : null}
        <p class="muted">{definition.scoring}</p>
        <button type="submit">{t("assessments.submit", { name: definition.name })}</button>
      </form>
      <div id={`${instrument}-result`}>
        {problem && (
          <p class="error" role="alert">
            {problem}
          </p>
        )}
        {view.result && <Result result={view.result} />}
        {/* assessments.js puts "Download FHIR" here: the result as the API gives it, posted back to the converter. */}
        {view.result && fhir && <div class="fhir-download" data-fhir-assessment={JSON.stringify(view.result)} />}
        {view.result && view.clients && view.answers && (
          <SaveMeasureForm instrument={instrument} answers={view.answers} clients={view.clients} csrfToken={csrfToken} />
        )}
      </div>
      <p class="muted">
        {definition.licence} {t("assessments.source", { source: definition.source })}
      </p>
    </details>
  );
}

const optionLabel = (definition: InstrumentDefinition, item: number, value: number) =>
  definition.items[item - 1].options.find((option) => option.value === value)?.label ?? String(value);

function Result({ result }: { result: ReturnType<typeof assess> }) {
  const { locale, t } = useMessages();
  return (
    <div class="result" aria-live="polite">
      <CrisisBanner safety={result.safety} />
      <h3>{t("assessments.result")}</h3>
      <p>
        <strong>{t("assessments.score", { score: result.score, max: result.max_score, severity: result.severity })}</strong>
        {result.percentage !== undefined &&
          ` (${new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(result.percentage / 100)})`}
        {result.flags.screen_positive && t("assessments.positiveScreen")}
      </p>
      <p>{result.interpretation}</p>
      <p>{t("assessments.cutoff", { rule: result.cutoff.rule })}</p>
      {result.subscales.length > 0 && (
        <ul>
          {result.subscales.map((subscale) => (
            <li>{t("assessments.subscale", { name: subscale.name, score: subscale.score, max: subscale.max_score })}</li>
          ))}
        </ul>
      )}
      {result.criteria.length > 0 && (
        <ul>
          {result.criteria.map((criterion) => (
            <li>
              {t(criterion.met ? "assessments.met" : "assessments.notMet")}: {criterion.description}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * "Save to client…" under a scored form: the same answers, posted again with the client and the
 * date they were given, are stored as a measure in that client's record (/app/assessments/save).
 */
function SaveMeasureForm({
  instrument,
  answers,
  clients,
  csrfToken,
}: {
  instrument: Instrument;
  answers: Array<number | null>;
  clients: ClientChoice[];
  csrfToken: string;
}) {
  const { t } = useMessages();
  const today = new Date().toISOString().slice(0, 10);
  const headingId = `${instrument}-save-heading`;
  if (!clients.length)
    return (
      <section class="save-to-client card" aria-labelledby={headingId}>
        <h3 id={headingId}>{t("js.save.heading")}</h3>
        <p>
          {t("js.save.noClients")} <a href="/app/clients/new">{t("js.save.addClient")}</a>
        </p>
      </section>
    );
  return (
    <form method="post" action="/app/assessments/save" class="save-to-client card" aria-labelledby={headingId}>
      <h3 id={headingId}>{t("js.save.heading")}</h3>
      <input type="hidden" name="_csrf" value={csrfToken} />
      <input type="hidden" name="instrument" value={instrument} />
      {answers.map((answer, index) => (
        <input type="hidden" name={`item${index + 1}`} value={answer === null ? "" : String(answer)} />
      ))}
      <label for={`${instrument}-save-client`}>{t("js.save.client")}</label>
      <select id={`${instrument}-save-client`} name="client_id" required>
        {clients.map((client) => (
          <option value={client.id}>{client.label}</option>
        ))}
      </select>
      <label for={`${instrument}-save-date`}>{t("assessments.administeredOn")}</label>
      <input id={`${instrument}-save-date`} type="date" name="administered_on" value={today} max={today} required />
      <button type="submit">{t("js.save.button")}</button>
    </form>
  );
}
