/** The settings page's "Sign out everywhere": ends every login of the account, this one included (routes/sessions.tsx). */
import { useMessages } from "../i18n/i18n";

export function SignOutEverywhereSection({ csrfToken }: { csrfToken: string }) {
  const { t } = useMessages();
  return (
    <section class="card" aria-labelledby="sign-out-everywhere-heading">
      <h2 id="sign-out-everywhere-heading">{t("session.everywhereHeading")}</h2>
      <p id="sign-out-everywhere-intro">{t("session.everywhereIntro")}</p>
      <form method="post" action="/app/settings/sign-out-everywhere">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <button type="submit" aria-describedby="sign-out-everywhere-intro">
          {t("session.everywhereButton")}
        </button>
      </form>
    </section>
  );
}
