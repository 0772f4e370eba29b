/** The console's Spanish strings for the cases area (our own translations): every English id, so a missing one is a type error. */
import type { enCases } from "./cases.en";

export const esCases: Record<keyof typeof enCases, string> = {};
