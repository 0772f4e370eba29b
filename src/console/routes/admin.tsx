/**
 * The console's admin pages, on the admin API's own schemas, queries and change function: users
 * (filters and cursors in the query string: names and roles, no clinical text) with verify,
 * role and deactivate actions (posts), and the audit trail.
 */
import { Hono } from "hono";
import { listAudit, listUsers, updateUser } from "../../admin/admin.routes";
import { changeUser } from "../../admin/user-changes";
import { findUsers } from "../../admin/user-list";
import { AUDIT_LIST, listAuditEvents } from "../../audit/audit.data";
import { toAuditEvent } from "../../audit/audit-event";
import type { AppEnv } from "../../env";
import { page } from "../../lib/pagination";
import type { MessageId } from "../i18n/i18n";
import { AdminAuditPage, AdminUsersPage } from "../pages/admin";
import { filledQuery, parsed } from "../parsed";
import { renderPage } from "../render";
import { consoleMay, consoleSession, consoleSessionWith } from "../session";

export const adminPages = new Hono<AppEnv>();

function nextPageUrl(path: string, query: Record<string, string>, cursor: string | null): string | null {
  if (!cursor) return null;
  return `${path}?${new URLSearchParams({ ...query, cursor })}`;
}

/** What the page confirms after each change (`?done=`), as message ids the page words in its language. */
const NOTICES: Record<string, MessageId> = {
  verify: "admin.done.verify",
  unverify: "admin.done.unverify",
  role: "admin.done.role",
  deactivate: "admin.done.deactivate",
  reactivate: "admin.done.reactivate",
};

adminPages.get("/", consoleSession, consoleMay("admin"), async (c) => {
  const { done, ...raw } = filledQuery(c.req.query());
  const query = parsed(listUsers.request.query.safeParse(raw), "query");
  const { items, nextCursor } = await findUsers(c.var.db, query);
  const { cursor: _current, ...filters } = raw;
  return renderPage(
    c,
    <AdminUsersPage
      account={c.var.account}
      csrfToken={c.var.csrfToken}
      view={{
        role: query.role,
        verified: raw.is_verified,
        q: query.q,
        users: items,
        nextPage: nextPageUrl("/app/admin", filters, nextCursor),
        notice: done && Object.hasOwn(NOTICES, done) ? NOTICES[done] : undefined,
      }}
    />,
  );
});

const CHANGES = {
  verify: { is_verified: true },
  unverify: { is_verified: false },
  deactivate: { is_active: false },
  reactivate: { is_active: true },
} as const;

adminPages.post("/users/:id", consoleSessionWith(consoleMay("admin")), async (c) => {
  const { id } = parsed(updateUser.request.params.safeParse(c.req.param()), "path");
  const form = await c.req.parseBody();
  const change = typeof form.change === "string" ? form.change : "";
  const requested = change === "role" ? { role: form.role } : (CHANGES[change as keyof typeof CHANGES] ?? {});
  const changes = parsed(updateUser.request.body.content["application/json"].schema.safeParse(requested), "body");
  await changeUser(c, c.var.account, id, changes);
  return c.redirect(`/app/admin?done=${change}`, 303);
});

adminPages.get("/audit", consoleSession, consoleMay("admin"), async (c) => {
  const raw = filledQuery(c.req.query());
  const query = parsed(listAudit.request.query.safeParse(raw), "query");
  const rows = await listAuditEvents(c.var.db, {
    userId: query.user_id,
    action: query.action,
    since: query.since ? new Date(query.since) : undefined,
    cursor: query.cursor,
    limit: query.limit,
  });
  const { items, nextCursor } = page(AUDIT_LIST, rows, query.limit);
  const { cursor: _current, ...filters } = raw;
  return renderPage(
    c,
    <AdminAuditPage
      account={c.var.account}
      csrfToken={c.var.csrfToken}
      view={{
        userId: query.user_id,
        action: query.action,
        since: query.since,
        events: items.map(toAuditEvent),
        nextPage: nextPageUrl("/app/admin/audit", filters, nextCursor),
      }}
    />,
  );
});
