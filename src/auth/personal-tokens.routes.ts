/** Personal access tokens: create (the secret shown once), list, revoke. Managed with a login's access token only. */
import { createRoute, z } from "@hono/zod-openapi";
import { bearerSecurity, jsonContent, problemResponses } from "../lib/schemas";
import { TOKEN_SCOPES } from "./auth.table";
import { authenticated } from "./guard";
import { text } from "./user.schemas";

const tags = ["Accounts"];
const security = bearerSecurity;

export const DEFAULT_TOKEN_DAYS = 90;
/** Enough for every assistant and script one person runs; past it, old tokens should be revoked, not piled up. */
export const MAX_LIVE_TOKENS = 20;
export const MAX_TOKEN_DAYS = 365;

export const CreatePersonalTokenBody = z
  .object({
    name: text(100).openapi({ description: "what the token is for, e.g. the assistant that uses it", example: "Claude desktop" }),
    scopes: z
      .array(z.enum(TOKEN_SCOPES, { error: `each scope must be one of ${TOKEN_SCOPES.join(", ")}` }))
      .min(1, "give at least one scope")
      .max(TOKEN_SCOPES.length, `at most ${TOKEN_SCOPES.length} scopes`)
      .refine((scopes) => new Set(scopes).size === scopes.length, "scopes must not repeat")
      .openapi({ description: "`read`: the read-only routes that accept personal tokens; `mcp`: the MCP server" }),
    expires_in_days: z.number().int().min(1).max(MAX_TOKEN_DAYS).default(DEFAULT_TOKEN_DAYS),
  })
  .strict()
  .openapi("CreatePersonalTokenRequest");

export const PersonalTokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    scopes: z.array(z.enum(TOKEN_SCOPES)),
    created_at: z.string().openapi({ format: "date-time" }),
    expires_at: z.string().openapi({ format: "date-time" }),
    last_used_at: z.string().nullable().openapi({ format: "date-time", description: "to the minute" }),
  })
  .openapi("PersonalToken");

const CreatedPersonalTokenSchema = PersonalTokenSchema.extend({
  token: z.string().openapi({ description: "the secret (`tap_…`): shown only in this answer; send it as `Authorization: Bearer`" }),
}).openapi("CreatedPersonalToken");

export const createToken = createRoute({
  method: "post",
  path: "/tokens",
  tags,
  security,
  summary: `Create a personal access token (the secret is shown once; at most ${MAX_LIVE_TOKENS} live tokens)`,
  middleware: authenticated,
  request: { body: { required: true, content: { "application/json": { schema: CreatePersonalTokenBody } } } },
  responses: { 201: jsonContent(CreatedPersonalTokenSchema, "Created"), ...problemResponses(400, 401, 403, 409, 415, 503) },
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
