/**
 * "Sign out everywhere": ends every login of an account (every browser and every API client,
 * the caller's own included), shared by `POST /api/auth/logout-all` and the console's settings.
 * Personal access tokens are not logins and keep working (revoke them one by one, or change
 * the password to end them all).
 */
import type { Context } from "hono";
import { audit } from "../audit/audit";
import type { AppEnv } from "../env";
import { revokeAllLoginSessions, revokeLoginSession } from "./auth.data";
import type { AccessClaims } from "./tokens";

/**
 * One batch: every live login of the account, plus the caller's own by id, because a login's row
 * is written after its sign-in answer (sessions.ts) and a very quick caller may arrive first.
 */
export async function signOutEverywhere<E extends AppEnv>(c: Context<E>, claims: AccessClaims): Promise<void> {
  const { db } = c.var;
  await db.batch([
    revokeLoginSession(db, { id: claims.sid, userId: claims.sub, tokenVersion: claims.ver }),
    revokeAllLoginSessions(db, claims.sub),
  ]);
  audit(c, { userId: claims.sub, action: "auth.logout_all", target: `user:${claims.sub}`, outcome: "success" });
}
