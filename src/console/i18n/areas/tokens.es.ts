/** The console's Spanish strings for the tokens area (our own translations): every English id, so a missing one is a type error. */
import type { enTokens } from "./tokens.en";

export const esTokens: Record<keyof typeof enTokens, string> = {};
