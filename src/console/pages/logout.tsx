/** /app/logout: a confirmation with the sign-out button (signing out is a POST, so another site cannot trigger it). */
import type { UserRow } from "../../auth/auth.table";
import { Layout } from "../layout";

export function LogoutPage({ account, csrfToken }: { account: UserRow; csrfToken: string }) {
  return (
    <Layout title="Sign out" account={account} csrfToken={csrfToken}>
      <form class="card narrow" method="post" action="/app/logout">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <p>Sign out of the Therapy Assistant on this device?</p>
        <button type="submit">Sign out now</button>
      </form>
    </Layout>
  );
}
