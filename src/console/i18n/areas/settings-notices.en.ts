/** The console's English (US spelling) notices from the settings routes (what a save or a refused form says), keyed by message id. */
export const enSettingsNotices = {
  "settingsNotices.profileSaved": "Profile saved.",
  "settingsNotices.passwordsDiffer": "The two new passwords differ; type the same one twice.",
} as const;
