/** Session notes: the request, the three formats' sections, the answer, and the model's structured output. */
import { z } from "@hono/zod-openapi";
import { modelText } from "../ai/structured";
import { thousands } from "../lib/thousands";
import { AiResponseSchema, MAX_TEXT, RetrievedSourceSchema } from "../rag/rag.schemas";
import { SafetySchema } from "../safety/safety.schemas";

export const NOTE_FORMATS = ["soap", "dap", "birp"] as const;
export type NoteFormat = (typeof NOTE_FORMATS)[number];

/** Each format's sections, in the order a note is written. */
export const NOTE_SECTIONS = {
  soap: ["subjective", "objective", "assessment", "plan"],
  dap: ["data", "assessment", "plan"],
  birp: ["behavior", "intervention", "response", "plan"],
} as const satisfies Record<NoteFormat, readonly string[]>;

export const SECTION_TITLES: Record<string, string> = {
  subjective: "Subjective",
  objective: "Objective",
  assessment: "Assessment",
  plan: "Plan",
  data: "Data",
  behavior: "Behavior",
  intervention: "Intervention",
  response: "Response",
};

/** What a section says when the source has nothing for it: a note must not invent facts. */
export const NOT_DOCUMENTED = "Not documented in the source text.";
/** The most codes a note suggests; the note prompt states it (note.prompts.ts). */
export const MAX_SUGGESTED_CODES = 6;

const limited = (name: string) =>
  z.string({ error: `${name} must be a string` }).max(MAX_TEXT, `${name} must be at most ${thousands(MAX_TEXT)} characters`);

const FORMAT_ERROR = `format must be one of ${NOTE_FORMATS.join(", ")}, or the id of one of your note templates`;

export const NoteInput = z
  .object({
    format: z
      .union([z.enum(NOTE_FORMATS), z.uuid()], { error: FORMAT_ERROR })
      .openapi({ description: "soap, dap, birp, or the id of one of your note templates (§12)" }),
    text: limited("text")
      .refine((value) => value.trim().length > 0, "text must not be empty")
      .optional()
      .openapi({ description: "the session text or transcript (≤ 20,000 characters); or send audio_id" }),
    audio_id: z.uuid({ error: "audio_id must be the id of your stored audio" }).optional().openapi({
      description: "a recording you stored through /voice (transcribed for the note); or send text",
    }),
    client_context: limited("client_context").optional(),
  })
  .strict()
  .refine((input) => (input.text === undefined) !== (input.audio_id === undefined), {
    message: "Send exactly one of text or audio_id.",
    path: ["text"],
  })
  .openapi("NoteRequest");

const SuggestedCode = z.object({
  code: z.string(),
  system: z.enum(["DSM-5-TR", "ICD-11"]),
  /** Retrieved sources that carry this code; a code without one is never suggested. */
  supporting_sources: z.array(z.string()).min(1),
});

const NoteRisk = z
  .object({
    crisis_detected: z.boolean(),
    categories: z.array(z.string()),
    summary: z.string(),
  })
  .openapi("NoteRisk");

/** The sections a note has: its format's, or its template's in the template's order. */
export function noteSectionNames(note: { format: string; template?: { sections: Array<{ name: string }> } | null }): readonly string[] {
  if (note.template) return note.template.sections.map((section) => section.name);
  return (NOTE_SECTIONS as Record<string, readonly string[]>)[note.format] ?? [];
}

/** A section's heading: the format's title, or a template section's name in words. */
export const sectionTitle = (name: string) =>
  SECTION_TITLES[name] ?? name.replaceAll("_", " ").replace(/^./, (first) => first.toUpperCase());

/** A note has exactly its format's (or its template's) sections. */
export function hasFormatSections(
  note: { format: string; template?: { sections: Array<{ name: string }> } | null; sections: Record<string, string | undefined> },
  ctx: z.RefinementCtx,
) {
  const expected = noteSectionNames(note);
  if (!expected.length) {
    ctx.addIssue({ code: "custom", path: ["template"], message: "a note in a template's format carries its template" });
    return;
  }
  const present = Object.keys(note.sections).filter((name) => note.sections[name] !== undefined);
  if (present.length !== expected.length || expected.some((name) => note.sections[name] === undefined))
    ctx.addIssue({ code: "custom", path: ["sections"], message: `a ${note.format} note has the sections ${expected.join(", ")}` });
}

const Span = z
  .object({ start: z.number().int().min(0), end: z.number().int().min(0) })
  .openapi("SourceSpan", { description: "0-based, end exclusive, into source.text" });

const Statement = z
  .object({ text: z.string(), spans: z.array(Span) })
  .openapi("NoteStatement", { description: "a statement of a section and the spans of the source text it rests on" });

const TemplateShape = z.object({
  id: z.string(),
  name: z.string(),
  sections: z.array(z.object({ name: z.string(), instruction: z.string() })),
});

export const NoteAnswer = z
  .object({
    status: z.literal("success"),
    format: z.string().openapi({ description: "soap, dap, birp, or the id of the note template used" }),
    /** The template the note follows, when `format` is one. */
    template: TemplateShape.nullable().optional(),
    source: z.object({
      input: z.enum(["text", "audio"]),
      audio_id: z.string().nullable(),
      chars: z.number().int(),
      /** The exact text the note was written from (the transcript for audio): what spans point into. Absent in answers from before spans. */
      text: z.string().optional(),
    }),
    sections: z.record(z.string(), z.string()).openapi({
      description:
        "soap: subjective, objective, assessment, plan; dap: data, assessment, plan; birp: behavior, intervention, response, plan; " +
        "a template: its sections. Each is its supported statements joined, or NOT_DOCUMENTED",
    }),
    statements: z.record(z.string(), z.array(Statement)).optional().openapi({
      description: "per section, each statement with the spans of source.text that support it",
    }),
    unsupported: z.array(z.string()).optional().openapi({
      description: "statements the model wrote with no support found in the source: not in sections, for the clinician to accept knowingly",
    }),
    risk: NoteRisk,
    safety: SafetySchema,
    suggested_codes: z.array(SuggestedCode),
    ai_response: AiResponseSchema,
    retrieved_sources: z.array(RetrievedSourceSchema),
    disclaimer: z.string(),
  })
  .superRefine(hasFormatSections)
  .openapi("NoteAnswer");
export type NoteAnswer = z.infer<typeof NoteAnswer>;

/**
 * The model's output for a note with these sections: per section, statements each with the
 * verbatim quotes of the source it rests on (every property required: strict structured
 * outputs). The server finds the quotes in the source to make the spans; no offsets are asked.
 */
export const modelNoteSchema = (sectionNames: readonly string[]) =>
  z.object({
    response: modelText("a short markdown summary of the session for the clinician"),
    statements: z.object(
      Object.fromEntries(
        sectionNames.map((name) => [
          name,
          z.array(
            z.object({
              text: z.string().describe("one statement of the section, concise clinical style"),
              quotes: z.array(z.string()).describe("the exact words of the SESSION TEXT this statement rests on, copied verbatim"),
            }),
          ),
        ]),
      ),
    ),
    suggested_codes: z
      .array(
        z.object({
          code: z.string(),
          system: z.enum(["DSM-5-TR", "ICD-11"]),
          supporting_sources: z.array(z.string()),
        }),
      )
      .max(MAX_SUGGESTED_CODES),
  });
/** One schema object per built-in format, so its JSON schema is converted once per isolate. */
export const MODEL_NOTE_SCHEMAS = {
  soap: modelNoteSchema(NOTE_SECTIONS.soap),
  dap: modelNoteSchema(NOTE_SECTIONS.dap),
  birp: modelNoteSchema(NOTE_SECTIONS.birp),
};
