import type { AppRouteHandler } from "../lib/openapi";
import { auditedCheck } from "./audited-check";
import type { checkRoute } from "./interactions.routes";

export const checkHandler: AppRouteHandler<typeof checkRoute> = (c) =>
  c.json(auditedCheck(c, c.var.account.id, c.req.valid("json").medications), 200);
