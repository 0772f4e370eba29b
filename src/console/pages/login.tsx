/** The sign-in page: email and password, the error of a failed attempt shown in the page. */
import { PasskeySignIn } from "../components/passkeys";
import { useMessages } from "../i18n/i18n";
import { Layout } from "../layout";

export function LoginPage({ next, email = "", error, notice }: { next: string; email?: string; error?: string; notice?: string }) {
  const { t } = useMessages();
  return (
    <Layout title={t("login.title")} scripts={["passkeys.js"]}>
      <form class="card narrow" method="post" action="/app/login" novalidate>
        {notice && (
          <p class="success" role="status">
            {notice}
          </p>
        )}
        {error && (
          <p class="error" role="alert" id="login-error">
            {error}
          </p>
        )}
        <input type="hidden" name="next" value={next} />
        <label for="email">{t("login.email")}</label>
        <input
          id="email"
          name="email"
          type="email"
          autocomplete="username"
          required
          maxlength={254}
          value={email}
          aria-describedby={error ? "login-error" : undefined}
        />
        <label for="password">{t("login.password")}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required maxlength={128} />
        <button type="submit">{t("login.submit")}</button>
      </form>
      <PasskeySignIn next={next} />
    </Layout>
  );
}
