/** The console's English (US spelling) strings for the voice area, keyed by message id. */
export const enVoice = {} as const;
