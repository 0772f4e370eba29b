/**
 * The treatment plan part of a client's record: problems, objectives, interventions, measures and
 * the review date, then each goal with its status, its history (when, and the note that showed
 * it) and a small form to change the status, optionally naming the session note as evidence.
 * Every control is labelled; each goal's form and history name the goal for a screen reader.
 */
import type { Goal, Plan } from "../../../workspace/plan/plan.schemas";
import { GOAL_STATUSES } from "../../../workspace/workspace.table";
import { formatDateTime, useMessages } from "../../i18n/i18n";

export interface NoteOption {
  id: string;
  session_date: string;
}

export const planPath = (clientId: string) => `/app/clients/${clientId}/plan`;

export function PlanSection({
  clientId,
  plan,
  csrfToken,
  notes = [],
}: {
  clientId: string;
  plan: Plan | null;
  csrfToken: string;
  notes?: readonly NoteOption[];
}) {
  const { t } = useMessages();
  return (
    <section class="card plan" id="plan" aria-labelledby="plan-heading">
      <h2 id="plan-heading">{t("plan.heading")}</h2>
      {plan ? (
        <>
          <PlanText plan={plan} />
          <h3 id="goals-heading">{t("plan.goals")}</h3>
          {plan.goals.length === 0 ? (
            <p>{t("plan.noGoals")}</p>
          ) : (
            <ol class="goals" aria-labelledby="goals-heading">
              {plan.goals.map((goal, index) => (
                <GoalItem clientId={clientId} goal={goal} index={index} csrfToken={csrfToken} notes={notes} />
              ))}
            </ol>
          )}
          <p>
            <a href={`${planPath(clientId)}#edit-plan`}>{t("plan.edit")}</a>
          </p>
        </>
      ) : (
        <>
          <p>{t("plan.none")}</p>
          <p>
            <a href={`${planPath(clientId)}#edit-plan`}>{t("plan.write")}</a>
          </p>
        </>
      )}
    </section>
  );
}

function PlanText({ plan }: { plan: Plan }) {
  const { t } = useMessages();
  const none = <p class="muted">{t("plan.noneListed")}</p>;
  const list = (items: string[]) =>
    items.length === 0 ? (
      none
    ) : (
      <ul>
        {items.map((item) => (
          <li>{item}</li>
        ))}
      </ul>
    );
  const details = (...parts: (string | null)[]) => parts.filter(Boolean).join("; ");
  return (
    <>
      <h3>{t("plan.problems")}</h3>
      {list(plan.problems.map((problem) => problem.description))}
      <h3>{t("plan.objectives")}</h3>
      {list(
        plan.objectives.map((objective) =>
          objective.target_week === null
            ? objective.description
            : `${objective.description} (${t("plan.targetWeek", { week: objective.target_week })})`,
        ),
      )}
      <h3>{t("plan.interventions")}</h3>
      {list(
        plan.interventions.map((intervention) => {
          const more = details(intervention.frequency, intervention.evidence_level);
          return more ? `${intervention.name} (${more})` : intervention.name;
        }),
      )}
      <h3>{t("plan.measures")}</h3>
      {list(
        plan.measures.map((measure) => {
          const more = details(measure.frequency, measure.target);
          return more ? `${measure.instrument} (${more})` : measure.instrument;
        }),
      )}
      <dl class="facts">
        <dt>{t("plan.reviewDate")}</dt>
        <dd>{plan.review_date ? <time datetime={plan.review_date}>{plan.review_date}</time> : t("plan.noReviewDate")}</dd>
      </dl>
    </>
  );
}

function GoalItem({
  clientId,
  goal,
  index,
  csrfToken,
  notes,
}: {
  clientId: string;
  goal: Goal;
  index: number;
  csrfToken: string;
  notes: readonly NoteOption[];
}) {
  const { t, locale } = useMessages();
  const id = `goal-${goal.id}`;
  const name = t("plan.goal", { n: index + 1 });
  const noteDate = new Map(notes.map((note) => [note.id, note.session_date]));
  return (
    <li class="goal" id={id}>
      <p>
        <strong id={`${id}-text`}>{goal.text}</strong>
        <br />
        {t("plan.goalStatus")}: <span class={`goal-status ${goal.status}`}>{t(`plan.status.${goal.status}`)}</span>
      </p>
      <details>
        <summary>{t("plan.history", { goal: name })}</summary>
        {goal.history.length === 0 ? (
          <p>{t("plan.noHistory")}</p>
        ) : (
          <ol>
            {goal.history.map((change) => {
              // A note outside the list given is named by the start of its id rather than not at all.
              const evidence = change.note_id
                ? t("plan.evidence", { date: noteDate.get(change.note_id) ?? change.note_id.slice(0, 8) })
                : null;
              return (
                <li>
                  {t("plan.historyEntry", { status: t(`plan.status.${change.status}`), date: formatDateTime(locale, new Date(change.at)) })}
                  {evidence ? ` (${evidence})` : null}
                </li>
              );
            })}
          </ol>
        )}
      </details>
      <form
        method="post"
        action={`${planPath(clientId)}/goals/${goal.id}`}
        class="goal-status-form"
        aria-label={t("plan.changeStatus", { goal: name })}
      >
        <input type="hidden" name="_csrf" value={csrfToken} />
        <label for={`${id}-status`}>{t("plan.newStatus")}</label>
        <select id={`${id}-status`} name="status" aria-describedby={`${id}-text`}>
          {GOAL_STATUSES.map((status) => (
            <option value={status} selected={status === goal.status}>
              {t(`plan.status.${status}`)}
            </option>
          ))}
        </select>
        <label for={`${id}-note`}>
          {t("plan.note")} <span class="muted">{t("plan.optional")}</span>
        </label>
        <select id={`${id}-note`} name="note_id">
          <option value="">{t("plan.noNote")}</option>
          {notes.map((note) => (
            <option value={note.id}>{t("plan.noteOption", { date: note.session_date })}</option>
          ))}
        </select>
        <button type="submit">{t("plan.updateStatus")}</button>
      </form>
    </li>
  );
}
