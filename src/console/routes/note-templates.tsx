/**
 * /app/note-templates: list, create and delete the clinician's own note templates through the
 * API's use cases (audited as workspace.template.*), input checked by the API's own schema.
 */
import { Hono } from "hono";
import type { AppEnv } from "../../env";
import { ProblemError } from "../../lib/problem";
import { may } from "../../policy/policy";
import { useCaseDeps } from "../../use-case/deps";
import { createTemplate, deleteTemplate, listTemplates } from "../../workspace/note-templates/note-templates.flow";
import { CreateTemplateBody, TemplateIdParams } from "../../workspace/note-templates/note-templates.schemas";
import { consoleLocale, type MessageId, t } from "../i18n/i18n";
import { NoWorkspacePage } from "../pages/workspace/clients-list";
import {
  NoteTemplatesPage,
  type NoteTemplatesView,
  TEMPLATE_ROWS,
  TEMPLATES_PATH,
  type TemplateFormState,
} from "../pages/workspace/note-templates-page";
import { parsed } from "../parsed";
import { renderPage } from "../render";
import { type ConsoleContext, consoleMay, consoleSession, consoleSessionWith } from "../session";

export const noteTemplatePages = new Hono<AppEnv>();

const workspaceSession = consoleSessionWith(consoleMay("workspace"));
const NOTICES = ["created", "deleted", "notFound"] as const;
const emptyForm = (): TemplateFormState => ({ values: {}, errors: {} });

async function templatesPage(c: ConsoleContext, form: TemplateFormState, status: 200 | 400 | 409 = 200) {
  const { templates } = await listTemplates(useCaseDeps(c));
  const notice = NOTICES.find((n) => n === c.req.query("done"));
  const view: NoteTemplatesView = { templates, form, notice };
  return renderPage(c, <NoteTemplatesPage account={c.var.account} csrfToken={c.var.csrfToken} view={view} />, status);
}

function invalidMessage(path: readonly PropertyKey[]): MessageId {
  if (path[0] === "name") return "templates.invalid.name";
  if (path.length < 3) return "templates.invalid.sections";
  return path[2] === "name" ? "templates.invalid.sectionName" : "templates.invalid.instruction";
}

noteTemplatePages.get("/", consoleSession, (c) =>
  may(c.var.account, "workspace")
    ? templatesPage(c, emptyForm())
    : renderPage(c, <NoWorkspacePage account={c.var.account} csrfToken={c.var.csrfToken} />),
);

noteTemplatePages.post("/", workspaceSession, async (c) => {
  const form = await c.req.parseBody();
  const values: Record<string, string> = {};
  const text = (name: string) => (typeof form[name] === "string" ? (form[name] as string) : "");
  values.name = text("name");
  // Rows left empty are not sections; the rows kept keep their form number for the error messages.
  const rows: number[] = [];
  const sections: { name: string; instruction: string }[] = [];
  for (let index = 0; index < TEMPLATE_ROWS; index++) {
    const name = text(`sections.${index}.name`).trim();
    const instruction = text(`sections.${index}.instruction`);
    values[`sections.${index}.name`] = name;
    values[`sections.${index}.instruction`] = instruction;
    if (name === "" && instruction.trim() === "") continue;
    rows.push(index);
    sections.push({ name, instruction });
  }
  const locale = consoleLocale(c.var.account, c.req.header("accept-language"));
  const input = CreateTemplateBody.safeParse({ name: values.name, sections });
  if (!input.success) {
    const errors: Record<string, string> = {};
    for (const issue of input.error.issues) {
      const [key, index, field] = issue.path;
      const name = key === "sections" && index !== undefined ? `sections.${rows[Number(index)]}.${String(field ?? "name")}` : String(key);
      errors[name] = t(locale, invalidMessage(issue.path));
    }
    return templatesPage(c, { values, errors }, 400);
  }
  try {
    await createTemplate(useCaseDeps(c), input.data);
  } catch (error) {
    if (!(error instanceof ProblemError) || error.problem.code !== "template_name_taken") throw error;
    return templatesPage(c, { values, errors: { name: t(locale, "templates.nameTaken") } }, 409);
  }
  return c.redirect(`${TEMPLATES_PATH}?done=created`, 303);
});

noteTemplatePages.post("/:id/delete", workspaceSession, async (c) => {
  const { id } = parsed(TemplateIdParams.safeParse(c.req.param()), "path");
  try {
    await deleteTemplate(useCaseDeps(c), id);
  } catch (error) {
    if (!(error instanceof ProblemError) || error.problem.code !== "template_not_found") throw error;
    return c.redirect(`${TEMPLATES_PATH}?done=notFound`, 303);
  }
  return c.redirect(`${TEMPLATES_PATH}?done=deleted`, 303);
});
