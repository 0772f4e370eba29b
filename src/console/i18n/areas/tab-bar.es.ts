/** The console's Spanish strings for the phone's bottom tab bar (src/console/components/tab-bar.tsx). */
export const esTabBar = {
  "tabs.label": "Herramientas principales",
  "tabs.more": "Más",
  "tabs.allTools": "Todas las herramientas",
} as const;
