import type { AppRouteHandler } from "../lib/openapi";
import type { PersonalAccessTokenRow } from "./auth.table";
import { createPersonalToken, revokeOwnPersonalToken } from "./personal-token-changes";
import { listLivePersonalTokens } from "./personal-tokens.data";
import type { createToken, listTokens, revokeToken } from "./personal-tokens.routes";

export function toPersonalToken(row: PersonalAccessTokenRow) {
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes,
    created_at: row.createdAt.toISOString(),
    expires_at: row.expiresAt.toISOString(),
    last_used_at: row.lastUsedAt ? row.lastUsedAt.toISOString() : null,
  };
}

export const createTokenHandler: AppRouteHandler<typeof createToken> = async (c) => {
  const { row, token } = await createPersonalToken(c, c.var.account, c.req.valid("json"));
  return c.json({ ...toPersonalToken(row), token }, 201);
};

export const listTokensHandler: AppRouteHandler<typeof listTokens> = async (c) =>
  c.json({ tokens: (await listLivePersonalTokens(c.var.db, c.var.account.id)).map(toPersonalToken) }, 200);

export const revokeTokenHandler: AppRouteHandler<typeof revokeToken> = async (c) => {
  await revokeOwnPersonalToken(c, c.var.account, c.req.valid("param").id);
  return c.body(null, 204);
};
