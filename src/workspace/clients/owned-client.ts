/** The client a workspace request names, if the caller owns it: another clinician's client is 404, never 403 (§12). */
import { ProblemError } from "../../lib/problem";
import type { ClientRow } from "../workspace.table";
import type { WorkspaceDeps } from "../workspace-action";
import { findOwnedClient } from "./clients.data";

export const clientNotFound = () =>
  new ProblemError(404, { code: "client_not_found", detail: "No client with this id is in your workspace." });

export async function ownedClient(workspace: Pick<WorkspaceDeps, "db" | "account">, clientId: string): Promise<ClientRow> {
  const [row] = await findOwnedClient(workspace.db, workspace.account.id, clientId);
  if (!row) throw clientNotFound();
  return row;
}
