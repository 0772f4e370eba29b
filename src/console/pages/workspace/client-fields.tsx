/**
 * A client's descriptive fields, shared by the New client page and the client page's Edit details:
 * each labelled, with its hint and, after a refused save, its own error tied to it
 * (aria-describedby, aria-invalid) and listed in a summary that links to the field.
 */
import { MAX_LABEL } from "../../../workspace/clients/clients.schemas";
import { CLIENT_SEXES } from "../../../workspace/workspace.table";
import { type MessageId, useMessages } from "../../i18n/i18n";

export const CLIENT_FIELDS = ["label", "year_of_birth", "sex", "gender", "pronouns", "preferred_language"] as const;
export type ClientField = (typeof CLIENT_FIELDS)[number];

/** The form as the clinician typed it (kept after a refused save), and what was wrong with it, per field. */
export interface ClientFormState {
  values: Record<ClientField, string>;
  errors: Partial<Record<ClientField, string>>;
}

export const emptyClientForm = (): ClientFormState => ({
  values: { label: "", year_of_birth: "", sex: "", gender: "", pronouns: "", preferred_language: "" },
  errors: {},
});

const LABELS: Record<ClientField, MessageId> = {
  label: "clients.label",
  year_of_birth: "clients.yearOfBirth",
  sex: "clients.sex",
  gender: "clients.gender",
  pronouns: "clients.pronouns",
  preferred_language: "clients.language",
};

const HINTS: Partial<Record<ClientField, MessageId>> = {
  label: "clients.labelHint",
  gender: "clients.genderHint",
  pronouns: "clients.pronounsHint",
  preferred_language: "clients.languageHint",
};

/** The summary of a refused save: focusable names of the wrong fields, each a link to it. */
export function ClientFormErrors({ state, prefix }: { state: ClientFormState; prefix: string }) {
  const { t } = useMessages();
  const wrong = CLIENT_FIELDS.filter((field) => state.errors[field]);
  if (wrong.length === 0) return null;
  return (
    <div class="error" role="alert" id={`${prefix}-errors`}>
      <p>{t("clients.form.errors")}</p>
      <ul>
        {wrong.map((field) => (
          <li>
            <a href={`#${prefix}-${field}`}>{t(LABELS[field])}</a>: {state.errors[field]}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ClientFields({ state, prefix }: { state: ClientFormState; prefix: string }) {
  const { t } = useMessages();
  const described = (field: ClientField) =>
    [HINTS[field] ? `${prefix}-${field}-hint` : "", state.errors[field] ? `${prefix}-${field}-error` : ""].filter(Boolean).join(" ") ||
    undefined;
  const common = (field: ClientField) => ({
    id: `${prefix}-${field}`,
    name: field,
    "aria-describedby": described(field),
    "aria-invalid": state.errors[field] ? "true" : undefined,
  });
  const after = (field: ClientField) => (
    <>
      {HINTS[field] && (
        <p class="hint" id={`${prefix}-${field}-hint`}>
          {t(HINTS[field])}
        </p>
      )}
      {state.errors[field] && (
        <p class="field-error" id={`${prefix}-${field}-error`}>
          {state.errors[field]}
        </p>
      )}
    </>
  );
  const optional = <span class="muted"> {t("clients.optional")}</span>;
  const text = (field: Exclude<ClientField, "label" | "year_of_birth" | "sex">) => (
    <div class="client-field">
      <label for={`${prefix}-${field}`}>
        {t(LABELS[field])}
        {optional}
      </label>
      <input {...common(field)} value={state.values[field]} maxlength={60} autocomplete="off" />
      {after(field)}
    </div>
  );
  return (
    <>
      <div class="client-field">
        <label for={`${prefix}-label`}>{t("clients.label")}</label>
        <input {...common("label")} value={state.values.label} required maxlength={MAX_LABEL} autocomplete="off" />
        {after("label")}
      </div>
      <div class="client-field">
        <label for={`${prefix}-year_of_birth`}>
          {t("clients.yearOfBirth")}
          {optional}
        </label>
        <input
          {...common("year_of_birth")}
          value={state.values.year_of_birth}
          inputmode="numeric"
          pattern="[0-9]{4}"
          maxlength={4}
          autocomplete="off"
        />
        {after("year_of_birth")}
      </div>
      <div class="client-field">
        <label for={`${prefix}-sex`}>
          {t("clients.sex")}
          {optional}
        </label>
        <select {...common("sex")}>
          <option value="">{t("clients.sex.none")}</option>
          {CLIENT_SEXES.map((sex) => (
            <option value={sex} selected={state.values.sex === sex}>
              {t(`clients.sex.${sex}`)}
            </option>
          ))}
        </select>
        {after("sex")}
      </div>
      {text("gender")}
      {text("pronouns")}
      {text("preferred_language")}
    </>
  );
}
