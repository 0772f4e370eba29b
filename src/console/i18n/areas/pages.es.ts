/** The console's Spanish strings for the pages area (our own translations): every English id, so a missing one is a type error. */
import type { enPages } from "./pages.en";

export const esPages: Record<keyof typeof enPages, string> = {};
