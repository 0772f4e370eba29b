/** Issuing a token pair for a user, as login and refresh both do. */
import type { Context } from "hono";
import type { AppEnv } from "../env";
import type { UserRow } from "./auth.schema";
import { jwtSecret } from "./guard";
import { ACCESS_TOKEN_SECONDS, hashRefreshToken, newRefreshToken, refreshExpiry, signAccessToken } from "./tokens";
import { toUser } from "./user.schemas";
import { insertRefreshToken } from "./users.data";

export async function issueTokenPair(c: Context<AppEnv>, user: UserRow, familyId: string) {
  const refreshToken = newRefreshToken();
  const [accessToken, tokenHash] = await Promise.all([signAccessToken(user, familyId, jwtSecret(c)), hashRefreshToken(refreshToken)]);
  return {
    body: { access_token: accessToken, token_type: "bearer" as const, expires_in: ACCESS_TOKEN_SECONDS, refresh_token: refreshToken, user: toUser(user) },
    /** The refresh token's row; the caller decides whether to write it now or deferred. */
    storeRefreshToken: () => insertRefreshToken(c.var.db, { userId: user.id, familyId, tokenHash, expiresAt: refreshExpiry() }),
  };
}
