/** The console's Spanish notices from the settings routes (our own translations): every English id, so a missing one is a type error. */
import type { enSettingsNotices } from "./settings-notices.en";

export const esSettingsNotices: Record<keyof typeof enSettingsNotices, string> = {
  "settingsNotices.profileSaved": "Perfil guardado.",
  "settingsNotices.passwordsDiffer": "Las dos contraseñas nuevas no coinciden; escriba la misma dos veces.",
};
