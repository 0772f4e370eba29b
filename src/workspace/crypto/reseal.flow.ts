/** An admin's step of a key rotation: one audited batch of re-sealing (docs/encryption.md). */
import { audited } from "../../audit/audited";
import type { UseCaseDeps } from "../../use-case/deps";
import { encryptionUnavailable, loadKeyring } from "./field-cipher";
import { resealBatch } from "./key-rotation";

interface ResealResult {
  resealed: number;
  remaining: number;
  current_key_id: string;
}

export function resealWorkspace(deps: UseCaseDeps, batchSize: number): Promise<ResealResult> {
  return audited(
    deps,
    { action: "workspace.reseal" },
    async () => {
      const keyring = await loadKeyring(deps.settings.encryptionKeys);
      if (!keyring) throw encryptionUnavailable();
      const progress = await resealBatch(deps.db, keyring, batchSize);
      return { ...progress, current_key_id: keyring.current.id };
    },
    (result) => ({ detail: { resealed: result.resealed, remaining: result.remaining } }),
  );
}
