/** Notes kept in a client's record (docs/api.md §12): the shapes a client sends and reads. */
import { z } from "@hono/zod-openapi";
import { paginationQuery } from "../../lib/pagination";
import { thousands } from "../../lib/thousands";
import { NOTE_STATUSES } from "../workspace.table";

export const MAX_SECTION = 20_000;
/** Sections, statements and unsupported statements together: a long note, far below the 1 MiB body cap. */
const MAX_NOTE_TEXT = 200_000;
const MAX_SECTIONS = 20;
const MAX_STATEMENTS = 200;
const MAX_GOALS = 50;
const EARLIEST_SESSION = "1900-01-01";

const sectionName = z
  .string()
  .max(60, "a section name is at most 60 characters")
  .regex(/^[a-z][a-z0-9_]{0,59}$/, "a section name is lower-case words joined by _ (e.g. subjective)");
const sectionText = (what: string) =>
  z.string({ error: `${what} must be a string` }).max(MAX_SECTION, `${what} must be at most ${thousands(MAX_SECTION)} characters`);

/** The latest calendar date anywhere on Earth (UTC+14), so a clinician's "today" is never "the future". */
export function latestSessionDate(now = new Date()): string {
  return new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
}

const sessionDate = z.iso
  .date("session_date must be a date (YYYY-MM-DD)")
  .refine((date) => date >= EARLIEST_SESSION, "session_date must be 1900-01-01 or later")
  .refine((date) => date <= latestSessionDate(), "session_date must not be in the future")
  .openapi({ example: "2026-03-14", maxLength: 10 });

const sections = z
  .record(sectionName, sectionText("a section"))
  .refine((value) => Object.keys(value).length > 0, "a note has at least one section")
  .refine((value) => Object.keys(value).length <= MAX_SECTIONS, `a note has at most ${MAX_SECTIONS} sections`)
  .openapi({
    maxProperties: MAX_SECTIONS,
    description: "{section name: text}: exactly the format's sections",
    example: { subjective: "…", objective: "…" },
  });

const Span = z
  .object({ start: z.number().int().min(0), end: z.number().int().min(0) })
  .strict()
  .refine((span) => span.end >= span.start, "a span's end is not before its start");
const Statement = z.object({ text: sectionText("a statement"), spans: z.array(Span).max(50) }).strict();
const statements = z
  .record(sectionName, z.array(Statement).max(MAX_STATEMENTS))
  .refine((value) => Object.keys(value).length <= MAX_SECTIONS, `statements are for at most ${MAX_SECTIONS} sections`)
  .openapi({
    maxProperties: MAX_SECTIONS,
    description: "Per section, what the §10 generator returned: statements with their spans in the source",
  });
const unsupported = z
  .array(sectionText("an unsupported statement"))
  .max(MAX_STATEMENTS)
  .openapi({ description: "Statements the generator found no support for in the source (kept out of sections)" });
const goalIds = z
  .array(z.uuid("goal_ids must hold goal ids (UUID)"))
  .max(MAX_GOALS)
  .transform((ids) => [...new Set(ids)])
  .openapi({ description: "Goals of this client's plan the session worked on" });

interface NoteText {
  sections?: Record<string, string>;
  statements?: Record<string, unknown[]>;
  unsupported?: string[];
}

/** Statements only for sections the note has, and a bounded amount of text in all. */
function checkNoteText(note: NoteText, ctx: z.RefinementCtx) {
  if (note.statements && note.sections) {
    for (const name of Object.keys(note.statements))
      if (!(name in note.sections)) ctx.addIssue({ code: "custom", path: ["statements", name], message: "not a section of this note" });
  }
  if (JSON.stringify([note.sections, note.statements, note.unsupported]).length > MAX_NOTE_TEXT)
    ctx.addIssue({ code: "custom", path: [], message: `a note holds at most ${thousands(MAX_NOTE_TEXT)} characters in all` });
}

export const CreateNoteBody = z
  .object({
    session_date: sessionDate,
    format: z.string({ error: "format must be soap, dap, birp or the id of one of your note templates" }).max(60).openapi({
      description: "soap | dap | birp, or the id of one of your note templates",
      example: "soap",
    }),
    sections,
    statements: statements.optional(),
    unsupported: unsupported.optional(),
    goal_ids: goalIds.optional(),
  })
  .strict()
  .superRefine(checkNoteText)
  .openapi("CreateClientNote");
export type CreateNoteInput = z.output<typeof CreateNoteBody>;

export const UpdateNoteBody = z
  .object({
    session_date: sessionDate.optional(),
    sections: sections.optional().openapi({ description: "The note's sections, the same names it has" }),
    statements: statements.nullable().optional().openapi({ description: "null removes them" }),
    unsupported: unsupported.nullable().optional().openapi({ description: "null removes them" }),
    goal_ids: goalIds.optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, "Send at least one field to change.")
  .superRefine((body, ctx) =>
    checkNoteText({ ...body, statements: body.statements ?? undefined, unsupported: body.unsupported ?? undefined }, ctx),
  )
  .openapi("UpdateClientNote");
export type UpdateNoteInput = z.output<typeof UpdateNoteBody>;

export const AddendumBody = z
  .object({
    text: z
      .string({ error: "text must be a string" })
      .max(MAX_SECTION, `text must be at most ${thousands(MAX_SECTION)} characters`)
      .refine((text) => text.trim().length > 0, "text must not be empty"),
  })
  .strict()
  .openapi("NoteAddendumRequest");
export type AddendumInput = z.output<typeof AddendumBody>;

const AddendumSchema = z.object({ text: z.string(), at: z.iso.datetime(), by: z.uuid() }).openapi("NoteAddendum");

const noteFacts = {
  id: z.uuid(),
  session_date: z.iso.date(),
  format: z.string(),
  status: z.enum(NOTE_STATUSES),
  signed_at: z.iso.datetime().nullable(),
  signed_by: z.uuid().nullable(),
  goal_ids: z.array(z.uuid()),
  created_at: z.iso.datetime(),
};

export const ClientNoteSchema = z
  .object({
    ...noteFacts,
    sections: z.record(z.string(), z.string()),
    statements: z
      .record(z.string(), z.array(z.object({ text: z.string(), spans: z.array(z.object({ start: z.number(), end: z.number() })) })))
      .optional(),
    unsupported: z.array(z.string()).optional(),
    addenda: z.array(AddendumSchema).openapi({ description: "Oldest first; never editable" }),
  })
  .openapi("ClientNote");
export type ClientNote = z.infer<typeof ClientNoteSchema>;

export const ClientNoteSummarySchema = z.object(noteFacts).openapi("ClientNoteSummary");
export type ClientNoteSummary = z.infer<typeof ClientNoteSummarySchema>;

export const ClientNoteListSchema = z
  .object({ notes: z.array(ClientNoteSummarySchema), next_cursor: z.string().nullable() })
  .openapi("ClientNoteList");

export const NoteListQuery = z.object(paginationQuery);
export type NoteListQuery = z.infer<typeof NoteListQuery>;

export const ClientIdParams = z.object({ id: z.uuid("must be a client id (UUID)") });
export const NoteIdParams = z.object({ id: z.uuid("must be a client id (UUID)"), note_id: z.uuid("must be a note id (UUID)") });

/** What a note's sealed body holds. */
export interface NoteBody {
  sections: Record<string, string>;
  statements?: Record<string, Array<{ text: string; spans: Array<{ start: number; end: number }> }>>;
  unsupported?: string[];
}
