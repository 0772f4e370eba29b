/** The console's English (US spelling) strings for the notes area, keyed by message id. */
export const enNotes = {} as const;
