/** The console's Spanish strings for the knowledge area (our own translations): every English id, so a missing one is a type error. */
import type { enKnowledge } from "./knowledge.en";

export const esKnowledge: Record<keyof typeof enKnowledge, string> = {};
