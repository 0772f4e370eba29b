/** The console's English (US spelling) strings for the interactions area, keyed by message id. */
export const enInteractions = {} as const;
