/** The console's English (US spelling) strings for the knowledge area, keyed by message id. */
export const enKnowledge = {} as const;
