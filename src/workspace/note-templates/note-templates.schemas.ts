/** The clinician's own note formats (docs/api.md §12): a name and 1–12 ordered sections, each with an instruction. */
import { z } from "@hono/zod-openapi";

const MAX_TEMPLATE_NAME = 60;
const MAX_SECTIONS = 12;
const MAX_INSTRUCTION = 300;
const SECTION_NAME = /^[a-z][a-z0-9_]{0,39}$/;

const Section = z
  .object({
    name: z
      .string({ error: "name must be a string" })
      .max(40, "name must be 1–40 lower-case letters, digits or _, starting with a letter")
      .regex(SECTION_NAME, "name must be 1–40 lower-case letters, digits or _, starting with a letter")
      .openapi({ example: "risk" }),
    instruction: z
      .string({ error: "instruction must be a string" })
      .trim()
      .min(1, "instruction must not be empty")
      .max(MAX_INSTRUCTION, `instruction must be at most ${MAX_INSTRUCTION} characters`)
      .openapi({ example: "Risk and protective factors the client named, in their words where possible" }),
  })
  .strict();

export const CreateTemplateBody = z
  .object({
    name: z
      .string({ error: "name must be a string" })
      .trim()
      .min(1, "name must not be empty")
      .max(MAX_TEMPLATE_NAME, `name must be at most ${MAX_TEMPLATE_NAME} characters`)
      .regex(/^[^\p{Cc}]*$/u, "name must be one line")
      .openapi({ description: "Unique among your templates (case-insensitive)", example: "Brief check-in" }),
    sections: z
      .array(Section)
      .min(1, "a template needs at least one section")
      .max(MAX_SECTIONS, `a template has at most ${MAX_SECTIONS} sections`)
      .superRefine((sections, ctx) => {
        const seen = new Set<string>();
        for (const [index, section] of sections.entries()) {
          if (seen.has(section.name))
            ctx.addIssue({ code: "custom", path: [index, "name"], message: "section names must be unique within a template" });
          seen.add(section.name);
        }
      }),
  })
  .strict()
  .openapi("CreateNoteTemplate");
export type CreateTemplateInput = z.output<typeof CreateTemplateBody>;

export const NoteTemplateSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    sections: z.array(z.object({ name: z.string(), instruction: z.string() })),
    created_at: z.iso.datetime(),
  })
  .openapi("NoteTemplate");
export type NoteTemplateBody = z.infer<typeof NoteTemplateSchema>;

export const NoteTemplateListSchema = z.object({ templates: z.array(NoteTemplateSchema) }).openapi("NoteTemplateList");

export const TemplateIdParams = z.object({ id: z.uuid("must be a template id (UUID)") });
