/** How the console names a note's format and its sections, in the clinician's language. */
import { NOTE_FORMATS, NOTE_SECTIONS, type NoteFormat } from "../../../notes/notes.schemas";
import type { MessageId } from "../../i18n/i18n";

type Translate = (id: MessageId) => string;

export interface TemplateChoice {
  id: string;
  name: string;
}

export const isStandardFormat = (format: string): format is NoteFormat => (NOTE_FORMATS as readonly string[]).includes(format);

/** SOAP, DAP, BIRP; a template by its name, or "Own template" when it is not (or no longer) among the clinician's. */
export function formatLabel(t: Translate, format: string, templates: readonly TemplateChoice[] = []): string {
  if (isStandardFormat(format)) return t(`clientNotes.format.${format}`);
  return templates.find((template) => template.id === format)?.name ?? t("clientNotes.format.template");
}

const STANDARD_SECTIONS = new Set<string>(Object.values(NOTE_SECTIONS).flat());

/** A standard section's title; a template's section name as words (`risk_factors` → "Risk factors"). */
export function sectionTitle(t: Translate, name: string): string {
  if (STANDARD_SECTIONS.has(name)) return t(`clientNotes.section.${name}` as MessageId);
  const words = name.replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
