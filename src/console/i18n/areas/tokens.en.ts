/** The console's English (US spelling) strings for the tokens area, keyed by message id. */
export const enTokens = {} as const;
