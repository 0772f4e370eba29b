import { audit } from "../audit/audit";
import type { AppRouteHandler } from "../lib/openapi";
import { ProblemError } from "../lib/problem";
import type { PersonalAccessTokenRow } from "./auth.table";
import { hashPersonalToken, newPersonalToken } from "./personal-token";
import { insertPersonalToken, listLivePersonalTokens, revokePersonalToken } from "./personal-tokens.data";
import { type createToken, type listTokens, MAX_LIVE_TOKENS, type revokeToken } from "./personal-tokens.routes";

const DAY_MS = 24 * 60 * 60 * 1000;

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
  const { name, scopes, expires_in_days } = c.req.valid("json");
  const user = c.var.account;
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
  return c.json({ ...toPersonalToken(row), token }, 201);
};

export const listTokensHandler: AppRouteHandler<typeof listTokens> = async (c) =>
  c.json({ tokens: (await listLivePersonalTokens(c.var.db, c.var.account.id)).map(toPersonalToken) }, 200);

export const revokeTokenHandler: AppRouteHandler<typeof revokeToken> = async (c) => {
  const { id } = c.req.valid("param");
  const user = c.var.account;
  const [revoked] = await revokePersonalToken(c.var.db, id, user.id);
  if (!revoked) throw new ProblemError(404, { code: "not_found", detail: "You have no personal access token with that id." });
  audit(c, { userId: user.id, action: "auth.token_revoke", target: `token:${id}`, outcome: "success" });
  return c.body(null, 204);
};
