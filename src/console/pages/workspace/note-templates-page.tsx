/**
 * /app/note-templates: the clinician's own note formats. The list (each template's sections, its
 * id to use as a note's format, and a Delete button), then New template: a name and six section
 * rows (empty rows are ignored), refused input coming back as typed with an error per field.
 */
import type { UserRow } from "../../../auth/auth.table";
import type { NoteTemplateBody } from "../../../workspace/note-templates/note-templates.schemas";
import { useMessages } from "../../i18n/i18n";
import { Layout } from "../../layout";

export const TEMPLATE_ROWS = 6;
export const TEMPLATES_PATH = "/app/note-templates";

export interface TemplateFormState {
  values: Record<string, string>;
  errors: Record<string, string>;
}

export interface NoteTemplatesView {
  templates: NoteTemplateBody[];
  form: TemplateFormState;
  notice?: "created" | "deleted" | "notFound";
}

const fieldId = (name: string) => `template-${name.replaceAll(".", "-")}`;

export function NoteTemplatesPage({ account, csrfToken, view }: { account: UserRow; csrfToken: string; view: NoteTemplatesView }) {
  const { t } = useMessages();
  const { form } = view;
  const wrong = Object.keys(form.errors);
  const fieldLabel = (name: string) => {
    const [, index, field] = name.split(".");
    if (index === undefined) return t(name === "name" ? "templates.name" : "templates.section", { n: 1 });
    const section = t("templates.section", { n: Number(index) + 1 });
    return field ? `${section}, ${t(field === "name" ? "templates.sectionName" : "templates.instruction")}` : section;
  };
  return (
    <Layout title={t("templates.title")} account={account} csrfToken={csrfToken} path="/app/clients">
      {view.notice && (
        <p class={view.notice === "notFound" ? "error" : "success"} role="status">
          {t(`templates.${view.notice}`)}
        </p>
      )}
      <p>{t("templates.intro")}</p>
      {view.templates.length === 0 ? (
        <p>{t("templates.none")}</p>
      ) : (
        <ul class="templates">
          {view.templates.map((template) => (
            <li class="card">
              <h2 id={`template-${template.id}`}>{template.name}</h2>
              <p class="muted">{t("templates.id", { id: template.id })}</p>
              <dl class="facts" aria-label={t("templates.sections", { name: template.name })}>
                {template.sections.map((section) => (
                  <>
                    <dt>{section.name}</dt>
                    <dd>{section.instruction}</dd>
                  </>
                ))}
              </dl>
              <form method="post" action={`${TEMPLATES_PATH}/${template.id}/delete`}>
                <input type="hidden" name="_csrf" value={csrfToken} />
                <button type="submit" class="danger">
                  {t("templates.delete", { name: template.name })}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <section class="card" aria-labelledby="new-template">
        <h2 id="new-template">{t("templates.new")}</h2>
        {wrong.length > 0 && (
          <div class="error" role="alert">
            <p>{t("templates.errors")}</p>
            <ul>
              {wrong.map((name) => (
                <li>
                  <a href={`#${fieldId(name === "sections" ? "sections.0.name" : name)}`}>{fieldLabel(name)}</a>: {form.errors[name]}
                </li>
              ))}
            </ul>
          </div>
        )}
        <form method="post" action={TEMPLATES_PATH} novalidate>
          <input type="hidden" name="_csrf" value={csrfToken} />
          <Field name="name" label={t("templates.name")} hint={t("templates.nameHint")} form={form} />
          <p class="hint" id="sections-hint">
            {t("templates.sectionHint")}
          </p>
          {Array.from({ length: TEMPLATE_ROWS }, (_, index) => (
            <fieldset class="item" aria-describedby="sections-hint">
              <legend>{t("templates.section", { n: index + 1 })}</legend>
              <Field name={`sections.${index}.name`} label={t("templates.sectionName")} form={form} />
              <Field name={`sections.${index}.instruction`} label={t("templates.instruction")} form={form} />
            </fieldset>
          ))}
          <div class="button-row">
            <button type="submit">{t("templates.create")}</button>
          </div>
        </form>
      </section>
    </Layout>
  );
}

function Field({ name, label, hint, form }: { name: string; label: string; hint?: string; form: TemplateFormState }) {
  const id = fieldId(name);
  const error = form.errors[name];
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <p>
      <label for={id}>{label}</label>
      <input
        id={id}
        name={name}
        type="text"
        value={form.values[name] ?? ""}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={described}
      />
      {hint && (
        <span class="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span class="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </p>
  );
}
