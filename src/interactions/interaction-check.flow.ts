/** The interaction check as every door runs it (REST, console, MCP): the answer, and an audit event that keeps counts only. */
import { audited } from "../audit/audited";
import type { UseCaseDeps } from "../use-case/deps";
import { checkCounts, checkInteractions, type InteractionCheck } from "./check";

export function checkMedications(
  deps: Pick<UseCaseDeps, "account" | "audit">,
  medications: readonly string[],
  { action }: { action: string },
): Promise<InteractionCheck> {
  return audited(
    deps,
    { action, asked: { medications: medications.length } },
    async () => checkInteractions(medications),
    (result) => ({ detail: checkCounts(result) }),
  );
}
