/**
 * The frame of every workspace use case: one audit event naming the client (never the text),
 * the `workspace` capability asked first, then the encryption keyring, so a refusal or a
 * missing key costs nothing and is still recorded (docs/api.md §12: every read and write of a
 * client's record is audited).
 */
import { type AuditedAction, type AuditFacts, audited, type NoteFacts } from "../audit/audited";
import { assertMay } from "../policy/policy";
import type { UseCaseDeps } from "../use-case/deps";
import { encryptionUnavailable, type Keyring, loadKeyring } from "./crypto/field-cipher";

export interface WorkspaceDeps extends UseCaseDeps {
  keyring: Keyring;
}

/** An audit target naming a client: `client:<id>`. */
export const clientTarget = (clientId: string) => `client:${clientId}`;

export function workspaceAction<T>(
  deps: UseCaseDeps,
  action: AuditedAction,
  run: (workspace: WorkspaceDeps, note: NoteFacts) => Promise<T>,
  facts?: (result: T) => AuditFacts,
): Promise<T> {
  return audited(
    deps,
    action,
    async (note) => {
      assertMay(deps.account, "workspace");
      const keyring = await loadKeyring(deps.settings.encryptionKeys);
      if (!keyring) throw encryptionUnavailable();
      return run({ ...deps, keyring }, note);
    },
    facts,
  );
}
