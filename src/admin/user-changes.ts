/** An admin's change to a user's role, activity or verification (shared by the API route and the console). */
import type { Context } from "hono";
import { audit } from "../audit/audit";
import { revokeAllLoginSessions, userByIdStatement, updateUser as writeUser } from "../auth/auth.data";
import type { UserRole, UserRow } from "../auth/auth.table";
import type { AppEnv } from "../env";
import { ProblemError } from "../lib/problem";

export interface UserChanges {
  role?: UserRole;
  is_active?: boolean;
  is_verified?: boolean;
}

/**
 * Applies the changes in one round trip and one transaction: the row as it was, the change, and
 * on deactivation the end of every login (effective on the user's next request). An unknown id
 * is a 404; an admin locking themselves out a 409. Returns the updated row.
 */
export async function changeUser<E extends AppEnv>(c: Context<E>, admin: UserRow, id: string, changes: UserChanges): Promise<UserRow> {
  if (id === admin.id && (changes.is_active === false || (changes.role && changes.role !== "admin"))) {
    throw new ProblemError(409, {
      code: "self_lockout",
      detail: "Admins cannot deactivate themselves or drop their own admin role; ask another admin.",
    });
  }
  const { db } = c.var;
  const read = userByIdStatement(db, id);
  const write = writeUser(db, id, { role: changes.role, isActive: changes.is_active, isVerified: changes.is_verified });
  const [[before], [updated]] =
    changes.is_active === false
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
  return updated;
}
