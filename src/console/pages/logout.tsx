/** /app/logout: a confirmation with the sign-out button (signing out is a POST, so another site cannot trigger it). */
import type { UserRow } from "../../auth/auth.table";
import { useMessages } from "../i18n/i18n";
import { Layout } from "../layout";

export function LogoutPage({ account, csrfToken }: { account: UserRow; csrfToken: string }) {
  const { t } = useMessages();
  return (
    <Layout title={t("layout.signOut")} account={account} csrfToken={csrfToken}>
      <form class="card narrow" method="post" action="/app/logout">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <p>{t("pages.logout.confirm")}</p>
        <button type="submit">{t("pages.logout.submit")}</button>
      </form>
    </Layout>
  );
}
