/** The console's Spanish strings for the admin area (our own translations): every English id, so a missing one is a type error. */
import type { enAdmin } from "./admin.en";

export const esAdmin: Record<keyof typeof enAdmin, string> = {};
