/**
 * "Save to client…" under a clinical answer (issue 23): the clinician's active clients, carried
 * to the page's script (save-to-client.js) in a data attribute. Rendered only for an account with
 * a workspace, so a student's or an admin's page has nothing to save to. Labels are the
 * clinician's own pseudonyms, never names.
 */
import type { Context } from "hono";
import type { HasAccount } from "../../auth/guard";
import { may } from "../../policy/policy";
import { useCaseDeps } from "../../use-case/deps";
import { listClients } from "../../workspace/clients/clients.flow";

export interface ClientChoice {
  id: string;
  label: string;
}

/** The most clients a page offers; a clinician with more finds the rest on the Clients page. */
const MAX_CHOICES = 100;

/** The account's active clients, newest first, or null when the account has no workspace. */
export async function clientChoices<E extends HasAccount>(c: Context<E>): Promise<ClientChoice[] | null> {
  if (!may(c.var.account, "workspace")) return null;
  const { clients } = await listClients(useCaseDeps(c), { status: "active", limit: MAX_CHOICES });
  return clients.map(({ id, label }) => ({ id, label }));
}

export function SaveToClientData({ clients }: { clients: ClientChoice[] | null | undefined }) {
  if (!clients) return null;
  return <div id="workspace-clients" hidden data-clients={JSON.stringify(clients)} />;
}
