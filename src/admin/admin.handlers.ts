import { AUDIT_LIST, listAuditEvents } from "../audit/audit.data";
import { toAuditEvent } from "../audit/audit-event";
import { toUser } from "../auth/auth.schemas";
import type { AppRouteHandler } from "../lib/openapi";
import { page } from "../lib/pagination";
import type { listAudit, listUsers, updateUser } from "./admin.routes";
import { changeUser } from "./user-changes";
import { findUsers } from "./user-list";

export const listUsersHandler: AppRouteHandler<typeof listUsers> = async (c) => {
  const query = c.req.valid("query");
  const { items, nextCursor } = await findUsers(c.var.db, query);
  return c.json({ users: items.map(toUser), next_cursor: nextCursor }, 200);
};

export const updateUserHandler: AppRouteHandler<typeof updateUser> = async (c) =>
  c.json(toUser(await changeUser(c, c.var.account, c.req.valid("param").id, c.req.valid("json"))), 200);

export const listAuditHandler: AppRouteHandler<typeof listAudit> = async (c) => {
  const query = c.req.valid("query");
  const rows = await listAuditEvents(c.var.db, {
    userId: query.user_id,
    action: query.action,
    since: query.since ? new Date(query.since) : undefined,
    cursor: query.cursor,
    limit: query.limit,
  });
  const { items, nextCursor } = page(AUDIT_LIST, rows, query.limit);
  return c.json({ events: items.map(toAuditEvent), next_cursor: nextCursor }, 200);
};
