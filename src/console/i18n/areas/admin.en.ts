/** The console's English (US spelling) strings for the admin area, keyed by message id. */
export const enAdmin = {} as const;
