/**
 * The clinician's own note templates: list, create, delete. A template is a format, not clinical
 * text, but creating and deleting one is still a workspace action (licensed clinicians only),
 * audited as `workspace.template.*` on `template:<id>`.
 */
import { ProblemError } from "../../lib/problem";
import type { UseCaseDeps } from "../../use-case/deps";
import { workspaceAction } from "../workspace-action";
import { deleteOwnedTemplate, insertTemplate, listOwnedTemplates, type NoteTemplate } from "./note-templates.data";
import type { CreateTemplateInput, NoteTemplateBody } from "./note-templates.schemas";

const templateTarget = (id: string) => `template:${id}`;

const nameTaken = () =>
  new ProblemError(409, {
    code: "template_name_taken",
    detail: "You already have a note template with this name; names are unique among your templates (case-insensitive).",
    errors: [{ path: "body.name", message: "already used for another of your templates" }],
  });

const templateNotFound = () =>
  new ProblemError(404, { code: "template_not_found", detail: "No note template with this id is among yours." });

const toBody = (template: NoteTemplate): NoteTemplateBody => ({
  id: template.id,
  name: template.name,
  sections: template.sections,
  created_at: template.createdAt.toISOString(),
});

export function listTemplates(deps: UseCaseDeps): Promise<{ templates: NoteTemplateBody[] }> {
  return workspaceAction(deps, { action: "workspace.template.list" }, async (workspace) => ({
    templates: (await listOwnedTemplates(workspace.db, workspace.account.id)).map(toBody),
  }));
}

export function createTemplate(deps: UseCaseDeps, input: CreateTemplateInput): Promise<NoteTemplateBody> {
  return workspaceAction(
    deps,
    { action: "workspace.template.create" },
    async (workspace) => {
      const template = await insertTemplate(workspace.db, { ownerId: workspace.account.id, name: input.name, sections: input.sections });
      if (!template) throw nameTaken();
      return toBody(template);
    },
    (template) => ({ target: templateTarget(template.id) }),
  );
}

export function deleteTemplate(deps: UseCaseDeps, id: string): Promise<void> {
  return workspaceAction(deps, { action: "workspace.template.delete", target: templateTarget(id) }, async (workspace) => {
    if (!(await deleteOwnedTemplate(workspace.db, workspace.account.id, id))) throw templateNotFound();
  });
}
