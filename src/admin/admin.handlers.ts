import { audit } from "../audit/audit";
import { AUDIT_LIST, listAuditEvents } from "../audit/audit.data";
import { toAuditEvent } from "../audit/audit-event";
import { listUsers as queryUsers, revokeAllLoginSessions, USER_LIST, userByIdStatement, updateUser as writeUser } from "../auth/auth.data";
import { toUser } from "../auth/user.schemas";
import type { AppRouteHandler } from "../lib/openapi";
import { page } from "../lib/pagination";
import { ProblemError } from "../lib/problem";
import type { listAudit, listUsers, updateUser } from "./admin.routes";

export const listUsersHandler: AppRouteHandler<typeof listUsers> = async (c) => {
  const query = c.req.valid("query");
  const rows = await queryUsers(c.var.db, {
    role: query.role,
    isVerified: query.is_verified,
    q: query.q,
    cursor: query.cursor,
    limit: query.limit,
  });
  const { items, nextCursor } = page(USER_LIST, rows, query.limit);
  return c.json({ users: items.map(toUser), next_cursor: nextCursor }, 200);
};

export const updateUserHandler: AppRouteHandler<typeof updateUser> = async (c) => {
  const { id } = c.req.valid("param");
  const body = c.req.valid("json");
  const admin = c.var.account;
  if (id === admin.id && (body.is_active === false || (body.role && body.role !== "admin"))) {
    throw new ProblemError(409, {
      code: "self_lockout",
      detail: "Admins cannot deactivate themselves or drop their own admin role; ask another admin.",
    });
  }
  // One round trip, one transaction: the row as it was, the change, and on deactivation the end
  // of every login (an unknown id changes nothing and is a 404).
  const { db } = c.var;
  const read = userByIdStatement(db, id);
  const write = writeUser(db, id, { role: body.role, isActive: body.is_active, isVerified: body.is_verified });
  const [[before], [updated]] =
    body.is_active === false
      ? await db.batch([read, write, revokeAllLoginSessions(db, id)] as const)
      : await db.batch([read, write] as const);
  if (!before || !updated) throw new ProblemError(404, { code: "not_found", detail: "No user has that id." });
  audit(c, {
    userId: admin.id,
    action: "admin.update_user",
    target: `user:${id}`,
    outcome: "success",
    detail: {
      before: { role: before.role, is_active: before.isActive, is_verified: before.isVerified },
      after: { role: updated.role, is_active: updated.isActive, is_verified: updated.isVerified },
    },
  });
  return c.json(toUser(updated), 200);
};

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
