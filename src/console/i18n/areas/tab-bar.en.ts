/** The console's English strings for the phone's bottom tab bar (src/console/components/tab-bar.tsx). */
export const enTabBar = {
  "tabs.label": "Main tools",
  "tabs.more": "More",
  "tabs.allTools": "All tools",
} as const;
