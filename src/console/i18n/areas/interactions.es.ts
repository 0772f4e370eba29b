/** The console's Spanish strings for the interactions area (our own translations): every English id, so a missing one is a type error. */
import type { enInteractions } from "./interactions.en";

export const esInteractions: Record<keyof typeof enInteractions, string> = {};
