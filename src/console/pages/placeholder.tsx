/** A tool page whose content is still to come; students and unverified clinicians get the explanation instead. */
import type { UserRow } from "../../auth/auth.table";
import { Layout, NeedsVerification } from "../layout";
import { type ConsoleTool, mayUse } from "../tools";

export function PlaceholderPage({ account, csrfToken, tool }: { account: UserRow; csrfToken: string; tool: ConsoleTool }) {
  return (
    <Layout title={tool.label} account={account} csrfToken={csrfToken} path={tool.path}>
      {mayUse(account, tool.access) ? <p>{tool.description} This page is being built.</p> : <NeedsVerification account={account} />}
    </Layout>
  );
}
