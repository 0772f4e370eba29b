/**
 * /app/clients/{id}/plan: the client's plan as the record shows it (with the goal status forms),
 * then the form that writes or replaces it: one fieldset per list, numbered rows with labelled
 * inputs, blank rows to add to, and after a refused save an error summary linking to each wrong
 * field, which carries its own message (aria-describedby, aria-invalid).
 */
import type { UserRow } from "../../../auth/auth.table";
import type { Client } from "../../../workspace/clients/clients.schemas";
import type { Plan } from "../../../workspace/plan/plan.schemas";
import { useMessages } from "../../i18n/i18n";
import { Layout } from "../../layout";
import { PLAN_LISTS, type PlanFormState, type PlanList, rowCount } from "./plan-form";
import { type NoteOption, PlanSection, planPath } from "./plan-section";

export interface PlanPageView {
  client: Client;
  plan: Plan | null;
  notes: readonly NoteOption[];
  form: PlanFormState;
  /** Shown once after a save: which one. */
  saved?: "plan" | "goal";
}

const fieldId = (name: string) => `plan-${name.replaceAll(".", "-").replaceAll("_", "-")}`;

export function PlanPage({ account, csrfToken, view }: { account: UserRow; csrfToken: string; view: PlanPageView }) {
  const { t } = useMessages();
  const { client, form } = view;
  const wrong = Object.keys(form.errors);
  /** A wrong field as the clinician sees it: "Goal 2, Goal", not `goals.1.text`. */
  const fieldLabel = (name: string) => {
    const [key, index, field] = name.split(".");
    const list = PLAN_LISTS.find((l) => l.key === key);
    if (!list || index === undefined) return t("plan.reviewDate");
    const label = list.fields.find((f) => f.name === field)?.label;
    return `${t(list.row, { n: Number(index) + 1 })}${label ? `, ${t(label)}` : ""}`;
  };
  return (
    <Layout title={t("plan.pageTitle", { label: client.label })} account={account} csrfToken={csrfToken} path="/app/clients">
      <p>
        <a href={`/app/clients/${client.id}`}>{t("plan.backToClient")}</a>
      </p>
      {view.saved && (
        <p class="success" role="status">
          {t(view.saved === "goal" ? "plan.statusSaved" : "plan.saved")}
        </p>
      )}
      <PlanSection clientId={client.id} plan={view.plan} csrfToken={csrfToken} notes={view.notes} />
      <section class="card" aria-labelledby="edit-plan">
        <h2 id="edit-plan">{t(view.plan ? "plan.edit" : "plan.write")}</h2>
        {wrong.length > 0 && (
          <div class="error" role="alert" id="plan-errors">
            <p>{t("plan.errors")}</p>
            <ul>
              {wrong.map((name) => (
                <li>
                  <a href={`#${fieldId(name)}`}>{fieldLabel(name)}</a>: {form.errors[name]}
                </li>
              ))}
            </ul>
          </div>
        )}
        <p class="hint">{t("plan.editIntro")}</p>
        <form method="post" action={planPath(client.id)} novalidate>
          <input type="hidden" name="_csrf" value={csrfToken} />
          {PLAN_LISTS.map((list) => (
            <ListFieldset list={list} form={form} />
          ))}
          <Input name="review_date" label={t("plan.reviewDate")} type="date" form={form} optional />
          <div class="button-row">
            <button type="submit">{t("plan.save")}</button>
          </div>
        </form>
      </section>
    </Layout>
  );
}

function ListFieldset({ list, form }: { list: PlanList; form: PlanFormState }) {
  const { t } = useMessages();
  const rows = Array.from({ length: rowCount(form.values, list) }, (_, index) => index);
  return (
    <fieldset>
      <legend>{t(list.heading)}</legend>
      {rows.map((index) => (
        <fieldset class="item">
          <legend>{t(list.row, { n: index + 1 })}</legend>
          {list.hidden.map((name) => {
            const value = form.values[`${list.key}.${index}.${name}`];
            return value ? <input type="hidden" name={`${list.key}.${index}.${name}`} value={value} /> : null;
          })}
          {list.fields.map((field) => (
            <Input
              name={`${list.key}.${index}.${field.name}`}
              label={t(field.label)}
              type={field.number ? "number" : "text"}
              form={form}
              optional={field.optional}
            />
          ))}
        </fieldset>
      ))}
    </fieldset>
  );
}

function Input({
  name,
  label,
  type,
  form,
  optional,
}: {
  name: string;
  label: string;
  type: string;
  form: PlanFormState;
  optional?: boolean;
}) {
  const { t } = useMessages();
  const id = fieldId(name);
  const error = form.errors[name];
  return (
    <p>
      <label for={id}>
        {label}
        {optional ? <span class="muted"> {t("plan.optional")}</span> : null}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        value={form.values[name] ?? ""}
        min={type === "number" ? 1 : undefined}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && (
        <span class="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </p>
  );
}
