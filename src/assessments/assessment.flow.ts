/** Scoring a questionnaire as every door runs it (REST, console, MCP), audited with the instrument's id only, never the answers. */
import { audited } from "../audit/audited";
import type { UseCaseDeps } from "../use-case/deps";
import { assess } from "./assess";
import type { Instrument } from "./instrument-registry";

export function scoreQuestionnaire(
  deps: Pick<UseCaseDeps, "account" | "audit" | "country">,
  instrument: Instrument,
  responses: readonly unknown[],
  { action }: { action: string },
): Promise<ReturnType<typeof assess>> {
  // Validated before the audit boundary: a bad answer is the caller's input, a 400 that writes nothing.
  const result = assess(instrument, responses, deps.country);
  return audited(deps, { action, asked: { instrument } }, async () => result);
}
