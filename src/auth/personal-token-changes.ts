/** A signed-in person's own personal access tokens: create and revoke (shared by /api/auth/tokens and the console). */
import type { Context } from "hono";
import type { z } from "zod";
import { audit } from "../audit/audit";
import type { AppEnv } from "../env";
import { ProblemError } from "../lib/problem";
import { enforcePasswordCheckRateLimit } from "../lib/rate-limits";
import type { PersonalAccessTokenRow, UserRow } from "./auth.table";
import { verifyPassword } from "./password";
import { hashPersonalToken, newPersonalToken } from "./personal-token-secret";
import { insertPersonalToken, revokePersonalToken } from "./personal-tokens.data";
import { type CreatePersonalTokenBody, MAX_LIVE_TOKENS } from "./personal-tokens.schemas";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Mints a token for `user` once their password checks out: its stored row and the secret, which
 * exists nowhere else once this answer is sent. A token lives up to a year, so a stolen 30-minute
 * access token or an unattended console must not be enough to make one; each check is a guess at
 * the password and shares change-password's and erasure's limit. A wrong password is a 403.
 */
export async function createPersonalToken<E extends AppEnv>(
  c: Context<E>,
  user: UserRow,
  { name, scopes, expires_in_days, password }: z.infer<typeof CreatePersonalTokenBody>,
): Promise<{ row: PersonalAccessTokenRow; token: string }> {
  await enforcePasswordCheckRateLimit(c, user.id, "password check");
  if (!(await verifyPassword(password, user.passwordHash)).valid) {
    audit(c, { userId: user.id, action: "auth.token_create", outcome: "failure", detail: { reason: "wrong_password" } });
    throw new ProblemError(403, {
      code: "invalid_password",
      detail: "The password is incorrect; no token was created.",
      errors: [{ path: "body.password", message: "incorrect" }],
    });
  }
  const token = newPersonalToken();
  const row = await insertPersonalToken(
    c.var.db,
    {
      userId: user.id,
      name,
      scopes,
      tokenHash: await hashPersonalToken(token),
      expiresAt: new Date(Date.now() + expires_in_days * DAY_MS),
    },
    MAX_LIVE_TOKENS,
  );
  if (!row) {
    audit(c, { userId: user.id, action: "auth.token_create", outcome: "denied", detail: { reason: "token_limit" } });
    throw new ProblemError(409, {
      code: "token_limit_reached",
      detail: `You already have ${MAX_LIVE_TOKENS} live personal access tokens; revoke one you no longer use (DELETE /api/auth/tokens/{id}).`,
    });
  }
  audit(c, { userId: user.id, action: "auth.token_create", target: `token:${row.id}`, outcome: "success", detail: { scopes } });
  return { row, token };
}

/** Revokes one of `user`'s tokens; 404 for an id that is not theirs, exactly as for one that does not exist. */
export async function revokeOwnPersonalToken<E extends AppEnv>(c: Context<E>, user: UserRow, id: string): Promise<void> {
  const [revoked] = await revokePersonalToken(c.var.db, id, user.id);
  if (!revoked) throw new ProblemError(404, { code: "not_found", detail: "You have no personal access token with that id." });
  audit(c, { userId: user.id, action: "auth.token_revoke", target: `token:${id}`, outcome: "success" });
}
