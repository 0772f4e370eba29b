/** The console's Spanish strings for the voice area (our own translations): every English id, so a missing one is a type error. */
import type { enVoice } from "./voice.en";

export const esVoice: Record<keyof typeof enVoice, string> = {};
