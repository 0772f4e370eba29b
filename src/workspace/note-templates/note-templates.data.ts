/**
 * The clinician's own note formats (docs/api.md §12): ordered section names, each with a short
 * instruction the generator follows, usable as `format` wherever soap/dap/birp are. A format is
 * not clinical text, so it is stored in clear.
 */
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../../lib/db";
import { noteTemplates } from "../workspace.table";

export interface TemplateSection {
  /** The section's key in a note's `sections` (lower-case words joined by `_`). */
  name: string;
  /** What the section holds, for the generator, e.g. "Risk factors and protective factors the client named". */
  instruction: string;
}

export interface NoteTemplate {
  id: string;
  name: string;
  sections: TemplateSection[];
  createdAt: Date;
}

const toTemplate = (row: typeof noteTemplates.$inferSelect): NoteTemplate => ({
  id: row.id,
  name: row.name,
  sections: JSON.parse(row.sections) as TemplateSection[],
  createdAt: row.createdAt,
});

/** The owner's template with this id, or undefined (another clinician's template is not found). */
export async function findOwnedTemplate(db: Database, ownerId: string, id: string): Promise<NoteTemplate | undefined> {
  const [row] = await db
    .select()
    .from(noteTemplates)
    .where(and(eq(noteTemplates.ownerId, ownerId), eq(noteTemplates.id, id)))
    .limit(1);
  return row && toTemplate(row);
}

export async function listOwnedTemplates(db: Database, ownerId: string): Promise<NoteTemplate[]> {
  const rows = await db.select().from(noteTemplates).where(eq(noteTemplates.ownerId, ownerId)).orderBy(asc(noteTemplates.createdAt));
  return rows.map(toTemplate);
}

/** The new template, or undefined when the owner already has one with this name (any case). */
export async function insertTemplate(
  db: Database,
  template: { ownerId: string; name: string; sections: TemplateSection[] },
): Promise<NoteTemplate | undefined> {
  const [row] = await db
    .insert(noteTemplates)
    .values({ ownerId: template.ownerId, name: template.name, sections: JSON.stringify(template.sections) })
    .onConflictDoNothing()
    .returning();
  return row && toTemplate(row);
}

export async function deleteOwnedTemplate(db: Database, ownerId: string, id: string): Promise<boolean> {
  const removed = await db
    .delete(noteTemplates)
    .where(and(eq(noteTemplates.ownerId, ownerId), eq(noteTemplates.id, id)))
    .returning({ id: noteTemplates.id });
  return removed.length > 0;
}
