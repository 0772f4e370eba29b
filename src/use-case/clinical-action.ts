/**
 * The frame of every clinical AI use case (diagnose, treatment, notes): one audit event, the
 * `clinical` capability asked first, then one use counted against the account's AI limit, all
 * before any work, so a refusal or a rate-limited call costs nothing and is still recorded.
 */
import { type AuditedAction, type AuditFacts, audited, type NoteFacts } from "../audit/audited";
import { assertMay } from "../policy/policy";
import type { UseCaseDeps } from "./deps";

export function clinicalAiAction<T>(
  deps: UseCaseDeps,
  action: AuditedAction,
  run: (note: NoteFacts) => Promise<T>,
  facts?: (result: T) => AuditFacts,
): Promise<T> {
  return audited(
    deps,
    action,
    async (note) => {
      assertMay(deps.account, "clinical");
      await deps.limitAi();
      return run(note);
    },
    facts,
  );
}
