/** The console's English (US spelling) strings for the cases area, keyed by message id. */
export const enCases = {} as const;
