/** The console's Spanish strings for the notes area (our own translations): every English id, so a missing one is a type error. */
import type { enNotes } from "./notes.en";

export const esNotes: Record<keyof typeof enNotes, string> = {};
