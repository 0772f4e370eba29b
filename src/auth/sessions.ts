/** Token pairs for a login: a new one at login, the next one at each refresh. */
import type { Context } from "hono";
import type { AppEnv } from "../env";
import type { UserRow } from "./auth.table";
import { jwtSecret } from "./guard";
import { ACCESS_TOKEN_SECONDS, hashRefreshToken, newRefreshToken, signAccessToken } from "./tokens";
import { toUser } from "./user.schemas";

/** A fresh opaque refresh token and the hash that is stored in its place. */
export async function mintRefreshToken(): Promise<{ token: string; hash: string }> {
  const token = newRefreshToken();
  return { token, hash: await hashRefreshToken(token) };
}

/** The login and refresh answer: an access token on `sessionId` beside the given refresh token. */
export async function tokenPairBody<E extends AppEnv>(c: Context<E>, user: UserRow, sessionId: string, refreshToken: string) {
  const accessToken = await signAccessToken(user, sessionId, jwtSecret(c));
  return {
    access_token: accessToken,
    token_type: "bearer" as const,
    expires_in: ACCESS_TOKEN_SECONDS,
    refresh_token: refreshToken,
    user: toUser(user),
  };
}
