import type { AppRouteHandler } from "../../lib/openapi";
import { useCaseDeps } from "../../use-case/deps";
import { createTemplate, deleteTemplate, listTemplates } from "./note-templates.flow";
import type { createTemplateRoute, deleteTemplateRoute, listTemplatesRoute } from "./note-templates.routes";

export const listTemplatesHandler: AppRouteHandler<typeof listTemplatesRoute> = async (c) =>
  c.json(await listTemplates(useCaseDeps(c)), 200);

export const createTemplateHandler: AppRouteHandler<typeof createTemplateRoute> = async (c) =>
  c.json(await createTemplate(useCaseDeps(c), c.req.valid("json")), 201);

export const deleteTemplateHandler: AppRouteHandler<typeof deleteTemplateRoute> = async (c) => {
  await deleteTemplate(useCaseDeps(c), c.req.valid("param").id);
  return c.body(null, 204);
};
