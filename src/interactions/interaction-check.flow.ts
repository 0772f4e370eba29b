/** The check as the REST route and the console page run it: the answer, and an audit event that keeps counts only. */
import type { Context } from "hono";
import { audit } from "../audit/audit";
import type { AppEnv } from "../env";
import { checkCounts, checkInteractions, type InteractionCheck } from "./check";

export function auditedCheck<E extends AppEnv>(c: Context<E>, userId: string, medications: readonly string[]): InteractionCheck {
  const started = Date.now();
  const result = checkInteractions(medications);
  audit(c, { userId, action: "interactions.check", outcome: "success", latencyMs: Date.now() - started, detail: checkCounts(result) });
  return result;
}
