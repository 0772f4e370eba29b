import type { Context } from "hono";
import { audit, auditInsert } from "../audit/audit";
import { ACCOUNT_AUDIT_LIST, accountAuditEventsStatement, pseudonymiseAuditEvents } from "../audit/audit.data";
import type { AuditEventRow } from "../audit/audit.table";
import { toAuditEvent } from "../audit/audit-event";
import type { AppEnv } from "../env";
import { postgresError } from "../lib/db";
import type { AppRouteHandler } from "../lib/openapi";
import { page } from "../lib/pagination";
import { ProblemError } from "../lib/problem";
import { enforcePasswordCheckRateLimit } from "../lib/rate-limits";
import { listUserAudio, removeUserAudio } from "../voice/voice.data";
import { exportWorkspace } from "../workspace/export/workspace-export";
import { toUser } from "./auth.schemas";
import { deleteUser, LAST_ADMIN_SQLSTATE, lastAdminGuard, loginSessionsOf, otherActiveAdmins, ownedClientCount } from "./data-rights.data";
import type { eraseMe, exportMe, myAuditEvents } from "./data-rights.routes";
import { EXPORT_AUDIT_EVENTS } from "./data-rights.schemas";
import { verifyPassword } from "./password";
import { allPersonalTokens } from "./personal-tokens.data";
import { toPersonalToken } from "./personal-tokens.handlers";

const iso = (date: Date | null) => (date ? date.toISOString() : null);

function toOwnAuditEvent(row: AuditEventRow, userId: string) {
  const { user_id: _actor, ...event } = toAuditEvent(row);
  return { ...event, by_you: row.userId === userId };
}

/** A storage outage mid-way is the server's problem, and the client may simply retry. */
async function withStorage<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new ProblemError(
      503,
      { code: "storage_unavailable", detail: "File storage is unavailable; try again shortly.", headers: { "Retry-After": "5" } },
      { cause: error },
    );
  }
}

export const exportMeHandler: AppRouteHandler<typeof exportMe> = async (c) => {
  const user = c.var.account;
  const { db } = c.var;
  const [[sessions, tokens, auditRows], audio, workspace] = await Promise.all([
    db.batch([
      loginSessionsOf(db, user.id),
      allPersonalTokens(db, user.id),
      accountAuditEventsStatement(db, user.id, EXPORT_AUDIT_EVENTS),
    ] as const),
    withStorage(() => listUserAudio(c.var.storage, user.id)),
    exportWorkspace(db, c.var.settings.encryptionKeys, user.id),
  ]);
  const events = page(ACCOUNT_AUDIT_LIST, auditRows, EXPORT_AUDIT_EVENTS);
  audit(c, { userId: user.id, action: "auth.export", target: `user:${user.id}`, outcome: "success" });
  return c.json(
    {
      exported_at: new Date().toISOString(),
      user: { ...toUser(user), updated_at: user.updatedAt.toISOString() },
      login_sessions: sessions.map((session) => ({
        id: session.id,
        created_at: session.createdAt.toISOString(),
        expires_at: session.expiresAt.toISOString(),
        revoked_at: iso(session.revokedAt),
      })),
      personal_tokens: tokens.map((token) => ({ ...toPersonalToken(token), revoked_at: iso(token.revokedAt) })),
      audit_events: events.items.map((row) => toOwnAuditEvent(row, user.id)),
      audit_events_next_cursor: events.nextCursor,
      audio: audio.map((object) => ({
        audio_id: object.key.slice(object.key.lastIndexOf("/") + 1).replace(/\.[^.]*$/, ""),
        object_key: object.key,
        content_type: object.httpMetadata?.contentType ?? null,
        bytes: object.size,
        uploaded_at: object.uploaded.toISOString(),
        expires_at: object.customMetadata?.expires_at ?? null,
      })),
      workspace,
    },
    200,
  );
};

export const myAuditEventsHandler: AppRouteHandler<typeof myAuditEvents> = async (c) => {
  const { limit, cursor } = c.req.valid("query");
  const user = c.var.account;
  const rows = await accountAuditEventsStatement(c.var.db, user.id, limit, cursor);
  const { items, nextCursor } = page(ACCOUNT_AUDIT_LIST, rows, limit);
  return c.json({ events: items.map((row) => toOwnAuditEvent(row, user.id)), next_cursor: nextCursor }, 200);
};

/** The service must always have an admin: the last active one is refused, audited, and nothing changes. */
function refuseLastAdmin<E extends AppEnv>(c: Context<E>, userId: string, cause?: unknown): never {
  audit(c, { userId, action: "auth.erase", target: `user:${userId}`, outcome: "failure", detail: { reason: "last_admin" } });
  throw new ProblemError(
    409,
    {
      code: "last_admin",
      detail: "You are the only active admin; make another account an admin before erasing yours.",
    },
    { cause },
  );
}

/**
 * Client records are a clinician's professional records of other people: erasing them with the
 * account takes an explicit yes, so a clinician cannot lose them to a routine account deletion.
 */
function refuseUnconfirmedClientRecords<E extends AppEnv>(c: Context<E>, userId: string, clients: number): never {
  audit(c, { userId, action: "auth.erase", target: `user:${userId}`, outcome: "failure", detail: { reason: "client_records_exist" } });
  throw new ProblemError(409, {
    code: "client_records_exist",
    detail:
      `You keep ${clients} client record${clients === 1 ? "" : "s"}; erasing your account erases ${clients === 1 ? "it" : "them"} ` +
      "with every note, measure and plan. Export them first (GET /api/auth/me/export), then repeat with confirm_delete_client_records: true.",
    errors: [{ path: "body.confirm_delete_client_records", message: "required (true) while you keep client records" }],
  });
}

export const eraseMeHandler: AppRouteHandler<typeof eraseMe> = async (c) => {
  const { password, confirm_delete_client_records: confirmClientRecords } = c.req.valid("json");
  const user = c.var.account;
  await enforcePasswordCheckRateLimit(c, user.id, "password check");
  if (!(await verifyPassword(password, user.passwordHash)).valid) {
    audit(c, {
      userId: user.id,
      action: "auth.erase",
      target: `user:${user.id}`,
      outcome: "failure",
      detail: { reason: "wrong_password" },
    });
    throw new ProblemError(403, {
      code: "invalid_password",
      detail: "The password is incorrect; the account was not erased.",
      errors: [{ path: "body.password", message: "incorrect" }],
    });
  }
  const { db } = c.var;
  const isAdmin = user.role === "admin";
  // Checked before the audio goes, so a refusal changes nothing; the transaction checks again.
  if (isAdmin && (await otherActiveAdmins(db, user.id)) === 0) refuseLastAdmin(c, user.id);
  if (confirmClientRecords !== true) {
    const clients = await ownedClientCount(db, user.id);
    if (clients > 0) refuseUnconfirmedClientRecords(c, user.id, clients);
  }
  // Audio first: if storage fails, the account is still there to retry with; the reverse would
  // leave recordings nobody can ask about any more.
  await withStorage(() => removeUserAudio(c.var.storage, user.id));
  /**
   * A random UUID, written only into the audit rows: the trail stays queryable per person, and
   * nothing (no key, no table) can link it back to the account. A keyed hash of the id would let
   * whoever holds the key re-identify the events from an old id.
   */
  const pseudonym = crypto.randomUUID();
  // One transaction: the trail is pseudonymised, the account (with its logins and tokens) deleted
  // and the erasure recorded together, or nothing changes.
  const erasure = [
    pseudonymiseAuditEvents(db, user.id, pseudonym),
    deleteUser(db, user.id),
    auditInsert(c, { userId: pseudonym, action: "auth.erase", target: `user:${pseudonym}`, outcome: "success" }),
  ] as const;
  try {
    await (isAdmin ? db.batch([...lastAdminGuard(db, user.id), ...erasure]) : db.batch(erasure));
  } catch (error) {
    // Another admin left or was deactivated since the check above.
    if (isAdmin && postgresError(error)?.code === LAST_ADMIN_SQLSTATE) refuseLastAdmin(c, user.id, error);
    throw error;
  }
  return c.body(null, 204);
};
