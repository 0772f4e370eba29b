/** What the data-rights routes answer (the export, the caller's audit trail) and take (the erasure's confirmation). */
import { z } from "@hono/zod-openapi";
import { AuditEventSchema } from "../audit/audit-event";
import { UserSchema } from "./auth.schemas";
import { PersonalTokenSchema } from "./personal-tokens.schemas";

/** Events in the export itself; the rest, if any, page through `GET /api/auth/me/audit-events`. */
export const EXPORT_AUDIT_EVENTS = 1000;

const dateTime = (description?: string) => z.string().openapi({ format: "date-time", description });

export const OwnAuditEventSchema = AuditEventSchema.omit({ user_id: true })
  .extend({
    by_you: z.boolean().openapi({ description: "false: someone else's action on your account (an admin's change)" }),
  })
  .openapi("OwnAuditEvent");

export const ExportSchema = z
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
    workspace: z
      .object({
        clients: z.array(z.record(z.string(), z.unknown())).openapi({
          description:
            "every client record you keep (§12), decrypted: the client with its notes (sections, addenda), measures (with responses), diagnoses and plan (goals with their history)",
        }),
        note_templates: z.array(
          z.object({
            id: z.uuid(),
            name: z.string(),
            sections: z.array(z.object({ name: z.string(), instruction: z.string() })),
            created_at: dateTime(),
          }),
        ),
      })
      .openapi({ description: "your clinician workspace (§12)" }),
  })
  .openapi("AccountExport");

export const EraseBody = z
  .object({
    password: z.string().min(1).max(128).openapi({ description: "the current password, to confirm" }),
    confirm_delete_client_records: z.boolean().optional().openapi({
      description:
        "must be true when the account keeps client records (§12): they are erased with it; without it → 409 client_records_exist",
    }),
  })
  .strict()
  .openapi("EraseAccountRequest");
