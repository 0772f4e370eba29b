/** Personal access tokens: create (the secret shown once), list, revoke. Managed with a login's access token only. */
import { createRoute, z } from "@hono/zod-openapi";
import { bearerSecurity, jsonContent, problemResponses } from "../lib/schemas";
import { authenticated } from "./guard";
import { CreatedPersonalTokenSchema, CreatePersonalTokenBody, MAX_LIVE_TOKENS, PersonalTokenSchema } from "./personal-tokens.schemas";

const tags = ["Accounts"];
const security = bearerSecurity;

export const createToken = createRoute({
  method: "post",
  path: "/tokens",
  tags,
  security,
  summary: `Create a personal access token with the current password (the secret is shown once; at most ${MAX_LIVE_TOKENS} live tokens)`,
  middleware: authenticated,
  request: { body: { required: true, content: { "application/json": { schema: CreatePersonalTokenBody } } } },
  responses: { 201: jsonContent(CreatedPersonalTokenSchema, "Created"), ...problemResponses(400, 401, 403, 409, 415, 429, 503) },
});

export const listTokens = createRoute({
  method: "get",
  path: "/tokens",
  tags,
  security,
  summary: "The caller's live personal access tokens (never the secret), newest first",
  middleware: authenticated,
  responses: {
    200: jsonContent(z.object({ tokens: z.array(PersonalTokenSchema) }), `Live tokens (at most ${MAX_LIVE_TOKENS}, so not paged)`),
    ...problemResponses(401, 403, 503),
  },
});

export const revokeToken = createRoute({
  method: "delete",
  path: "/tokens/{id}",
  tags,
  security,
  summary: "Revoke one of the caller's personal access tokens; it is refused from the next request",
  middleware: authenticated,
  request: { params: z.object({ id: z.uuid("must be a token id (UUID)") }) },
  responses: { 204: { description: "Revoked" }, ...problemResponses(400, 401, 403, 404, 503) },
});
