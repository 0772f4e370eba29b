/** The console's English (US spelling) strings for the pages area, keyed by message id. */
export const enPages = {} as const;
