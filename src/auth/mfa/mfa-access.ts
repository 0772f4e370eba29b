/**
 * Who may enrol TOTP: a signed-in account (an access token, checked like `authenticated`), or,
 * without one, an account in the middle of a login that MFA_REQUIRED sent to enrol (the login's
 * challenge_token in the body, checked by the handler). A request with a bearer token is always
 * judged by that token.
 */
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../../env";
import { ProblemError } from "../../lib/problem";
import { userByIdStatement } from "../auth.data";
import type { UserRow } from "../auth.table";
import { authenticated } from "../guard";
import type { AccessClaims } from "../tokens";
import { invalidChallenge, requireMfaChallenge } from "./mfa-challenge";
import type { Enroller } from "./totp-enrolment";

export type MaybeSignedIn = { Variables: { token?: AccessClaims; account?: UserRow } };

const [requireAccount] = authenticated;

const loadAccountIfBearer = createMiddleware<AppEnv & MaybeSignedIn>(async (c, next) => {
  if (c.req.header("Authorization")) return requireAccount(c as never, next);
  await next();
});
export const accountOrChallenge: [typeof loadAccountIfBearer] = [loadAccountIfBearer];

/** The enroller a request names: its signed-in account (with the password it must give) or its challenge's account. */
export async function enrollerOf<E extends AppEnv & MaybeSignedIn>(
  c: Context<E>,
  body: { challenge_token?: string },
): Promise<{ who: Enroller; signedIn: boolean }> {
  const { account } = c.var;
  if (account) return { who: { user: account }, signedIn: true };
  if (!body.challenge_token)
    throw new ProblemError(401, {
      code: "unauthorized",
      detail: "Sign in (Authorization: Bearer <access token>) or give the login's challenge_token.",
      headers: { "WWW-Authenticate": 'Bearer realm="therapy-assistant"' },
    });
  return { who: await challengeEnroller(c, body.challenge_token), signedIn: false };
}

/** The account a login challenge names, as an enroller (401 for a challenge that is not live). */
export async function challengeEnroller<E extends AppEnv>(
  c: Context<E>,
  challengeToken: string,
): Promise<{ user: UserRow; challengeId: string }> {
  const challenge = await requireMfaChallenge(c.var.db, challengeToken);
  const [user] = await userByIdStatement(c.var.db, challenge.userId);
  if (!user?.isActive) throw invalidChallenge();
  return { user, challengeId: challenge.id };
}
