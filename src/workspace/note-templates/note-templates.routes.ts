/** The clinician's own note templates (docs/api.md §12), usable as a note's `format`; another clinician's template is 404. */
import { createRoute } from "@hono/zod-openapi";
import { workspaceOwner } from "../../auth/guard";
import { bearerSecurity, jsonContent, problemResponses } from "../../lib/schemas";
import { CreateTemplateBody, NoteTemplateListSchema, NoteTemplateSchema, TemplateIdParams } from "./note-templates.schemas";

const tags = ["Workspace"];
const security = bearerSecurity;
const middleware = workspaceOwner;

export const listTemplatesRoute = createRoute({
  method: "get",
  path: "/note-templates",
  tags,
  security,
  summary: "Your note templates, oldest first",
  middleware,
  responses: { 200: jsonContent(NoteTemplateListSchema, "Your templates"), ...problemResponses(401, 403, 503) },
});

export const createTemplateRoute = createRoute({
  method: "post",
  path: "/note-templates",
  tags,
  security,
  summary: "Add a note template: a name and 1–12 sections, each with an instruction for the note generator",
  middleware,
  request: { body: { required: true, content: { "application/json": { schema: CreateTemplateBody } } } },
  responses: { 201: jsonContent(NoteTemplateSchema, "Created"), ...problemResponses(400, 401, 403, 409, 413, 415, 503) },
});

export const deleteTemplateRoute = createRoute({
  method: "delete",
  path: "/note-templates/{id}",
  tags,
  security,
  summary: "Delete one of your note templates (notes already written with it keep their sections)",
  middleware,
  request: { params: TemplateIdParams },
  responses: { 204: { description: "Deleted" }, ...problemResponses(400, 401, 403, 404, 503) },
});
