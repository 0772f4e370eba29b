/** The console's English (US spelling) strings for the safety-plan area, keyed by message id. */
export const enSafetyPlan = {} as const;
