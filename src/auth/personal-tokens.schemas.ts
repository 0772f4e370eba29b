/** A personal access token as the API takes and shows it, and the limits on how many and how long. */
import { z } from "@hono/zod-openapi";
import { text } from "./auth.schemas";
import { TOKEN_SCOPES } from "./auth.table";

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
      .openapi({
        description:
          "`read`: the read-only routes that accept personal tokens; `mcp`: the MCP server; `workspace`: with `mcp`, the MCP tools that reach your client records",
      }),
    expires_in_days: z.number().int().min(1).max(MAX_TOKEN_DAYS).default(DEFAULT_TOKEN_DAYS),
    password: z
      .string()
      .min(1)
      .max(128)
      .openapi({ description: "the current password, to confirm: a token outlives the login that creates it" }),
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

export const CreatedPersonalTokenSchema = PersonalTokenSchema.extend({
  token: z.string().openapi({ description: "the secret (`tap_…`): shown only in this answer; send it as `Authorization: Bearer`" }),
}).openapi("CreatedPersonalToken");
