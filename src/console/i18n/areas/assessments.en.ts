/** The console's English (US spelling) strings for the assessments area, keyed by message id. */
export const enAssessments = {} as const;
