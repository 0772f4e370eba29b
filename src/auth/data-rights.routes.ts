/**
 * Data-subject rights: a copy of everything stored about the caller, and erasure of the account.
 * A login's access token only: a personal token is a delegated credential, not the person.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { AuditEventSchema } from "../audit/audit-event";
import { paginationQuery } from "../lib/pagination";
import { noStore } from "../lib/response-headers";
import { bearerSecurity, jsonContent, problemResponses } from "../lib/schemas";
import { authenticated } from "./guard";
import { PersonalTokenSchema } from "./personal-tokens.routes";
import { UserSchema } from "./user.schemas";

const tags = ["Accounts"];
const security = bearerSecurity;
/** Personal data in an answer: never kept by a browser or a proxy. */
const personalData: [...typeof authenticated, typeof noStore] = [...authenticated, noStore];

/** Events in the export itself; the rest, if any, page through `GET /api/auth/me/audit-events`. */
export const EXPORT_AUDIT_EVENTS = 1000;

const dateTime = (description?: string) => z.string().openapi({ format: "date-time", description });

const OwnAuditEventSchema = AuditEventSchema.omit({ user_id: true })
  .extend({
    by_you: z.boolean().openapi({ description: "false: someone else's action on your account (an admin's change)" }),
  })
  .openapi("OwnAuditEvent");

const ExportSchema = z
  .object({
    exported_at: dateTime(),
    user: UserSchema.extend({ updated_at: dateTime() }).openapi({
      description: "the account (the password is kept only as a salted hash, not exported)",
    }),
    login_sessions: z
      .array(z.object({ id: z.uuid(), created_at: dateTime(), expires_at: dateTime(), revoked_at: dateTime().nullable() }))
      .openapi({ description: "every login kept; its refresh tokens are stored only as hashes and not exported" }),
    personal_tokens: z
      .array(PersonalTokenSchema.extend({ revoked_at: dateTime().nullable() }))
      .openapi({ description: "every personal access token, revoked and expired ones too; never the secret" }),
    audit_events: z.array(OwnAuditEventSchema).openapi({
      description: `the audit trail about you, newest first: the first ${EXPORT_AUDIT_EVENTS} events; audit_events_next_cursor pages the rest`,
    }),
    audit_events_next_cursor: z
      .string()
      .nullable()
      .openapi({ description: "null when every event is above; else pass it as cursor to GET /api/auth/me/audit-events" }),
    audio: z
      .array(
        z.object({
          audio_id: z.string(),
          object_key: z.string(),
          content_type: z.string().nullable(),
          bytes: z.number().int(),
          uploaded_at: dateTime(),
          expires_at: dateTime().nullable(),
        }),
      )
      .openapi({ description: "session recordings stored for you (kept until expires_at); listed, the audio itself is not in the export" }),
  })
  .openapi("AccountExport");

export const exportMe = createRoute({
  method: "get",
  path: "/me/export",
  tags,
  security,
  summary: "Everything stored about the caller, as JSON (account, logins, personal tokens, audit trail, stored audio)",
  middleware: personalData,
  responses: { 200: jsonContent(ExportSchema, "The export"), ...problemResponses(401, 403, 503) },
});

export const myAuditEvents = createRoute({
  method: "get",
  path: "/me/audit-events",
  tags,
  security,
  summary: "The audit trail about the caller, newest first, paginated (continues the export's audit_events)",
  middleware: personalData,
  request: { query: z.object(paginationQuery) },
  responses: {
    200: jsonContent(z.object({ events: z.array(OwnAuditEventSchema), next_cursor: z.string().nullable() }), "A page of events"),
    ...problemResponses(400, 401, 403, 503),
  },
});

export const EraseBody = z
  .object({ password: z.string().min(1).max(128).openapi({ description: "the current password, to confirm" }) })
  .strict()
  .openapi("EraseAccountRequest");

export const eraseMe = createRoute({
  method: "delete",
  path: "/me",
  tags,
  security,
  summary:
    "Erase the caller's account: the account, its logins, personal tokens and stored audio are deleted; " +
    "audit events stay under a pseudonymous id. The last active admin is refused (409 last_admin)",
  middleware: authenticated,
  request: { body: { required: true, content: { "application/json": { schema: EraseBody } } } },
  responses: { 204: { description: "Erased" }, ...problemResponses(400, 401, 403, 409, 415, 429, 503) },
});
