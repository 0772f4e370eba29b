/**
 * The warning a minute before sign-out after inactivity: rendered hidden on every signed-in page
 * (in the page's language, so the script needs no strings) and shown by /app/assets/idle.js,
 * which moves focus to "Stay signed in" so a screen reader announces the dialog and a keyboard
 * user can answer with one key.
 */
import { useMessages } from "../i18n/i18n";

export function IdleWarning() {
  const { t } = useMessages();
  return (
    <div
      id="idle-warning"
      class="idle-warning"
      role="alertdialog"
      aria-modal="false"
      aria-labelledby="idle-warning-title"
      aria-describedby="idle-warning-detail"
      hidden
    >
      <p id="idle-warning-title" class="idle-warning-title">
        {t("session.idleWarning")}
      </p>
      <p id="idle-warning-detail">{t("session.idleWarningDetail")}</p>
      <button type="button" id="idle-stay">
        {t("session.staySignedIn")}
      </button>
    </div>
  );
}
