/** Session notes: the request, the three formats' sections, the answer, and the model's structured output. */
import { z } from "@hono/zod-openapi";
import { modelText } from "../ai/structured";
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
  z.string({ error: `${name} must be a string` }).max(MAX_TEXT, `${name} must be at most ${MAX_TEXT.toLocaleString("en-US")} characters`);

export const NoteInput = z
  .object({
    format: z.enum(NOTE_FORMATS, { error: `format must be one of ${NOTE_FORMATS.join(", ")}` }),
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

const sectionsOf = (format: NoteFormat) =>
  z.object(Object.fromEntries(NOTE_SECTIONS[format].map((name) => [name, z.string()])) as Record<string, z.ZodString>);

/** A note has exactly its format's sections. */
export function hasFormatSections(note: { format: NoteFormat; sections: Record<string, string | undefined> }, ctx: z.RefinementCtx) {
  const expected: readonly string[] = NOTE_SECTIONS[note.format];
  const present = Object.keys(note.sections).filter((name) => note.sections[name] !== undefined);
  if (present.length !== expected.length || expected.some((name) => note.sections[name] === undefined))
    ctx.addIssue({ code: "custom", path: ["sections"], message: `a ${note.format} note has the sections ${expected.join(", ")}` });
}

export const NoteAnswer = z
  .object({
    status: z.literal("success"),
    format: z.enum(NOTE_FORMATS),
    source: z.object({ input: z.enum(["text", "audio"]), audio_id: z.string().nullable(), chars: z.number().int() }),
    sections: z
      .object(
        Object.fromEntries(Object.keys(SECTION_TITLES).map((name) => [name, z.string().optional()])) as Record<
          string,
          z.ZodOptional<z.ZodString>
        >,
      )
      .openapi({
        description:
          "soap: subjective, objective, assessment, plan; dap: data, assessment, plan; birp: behavior, intervention, response, plan",
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

/** The model's output for one format: every section required (strict structured outputs), codes cited. */
const modelNoteSchema = (format: NoteFormat) =>
  z.object({
    response: modelText("a short markdown summary of the session for the clinician"),
    sections: sectionsOf(format),
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
export const MODEL_NOTE_SCHEMAS = {
  soap: modelNoteSchema("soap"),
  dap: modelNoteSchema("dap"),
  birp: modelNoteSchema("birp"),
};
