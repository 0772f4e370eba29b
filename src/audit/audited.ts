/**
 * The audit boundary of a use case: one event per call, whatever happens inside it. Success
 * records the answer's facts (model, tokens, cited source ids); every failure, including the ones
 * before any model call (a refusal, the rate limit, a database outage, a client that went away),
 * records its problem code. Written in `finally`, so no path out of the use case skips it.
 */
import { ClientDisconnected } from "../ai/structured";
import { isDatabaseUnavailable } from "../lib/db";
import { ProblemError } from "../lib/problem";
import type { UseCaseDeps } from "../use-case/deps";
import type { AuditDetail } from "./audit-detail";

export interface AuditedAction {
  /** The action's name in the audit trail, e.g. `rag.diagnose`, `mcp.differential_diagnosis`. */
  action: string;
  target?: string;
  /** Sizes and ids of what was asked (never its text). */
  asked?: AuditDetail;
}

/** What a call adds to its event: learned along the way (`note`), or from its result. */
export interface AuditFacts {
  /** What the call acted on, once known (a stored recording: `audio:<id>`). */
  target?: string;
  model?: string | null;
  promptTokens?: number | null;
  completionTokens?: number | null;
  detail?: AuditDetail;
}

/** The problem code a failure is recorded under, as the app's error handler would answer it. */
function failureCode(error: unknown): string {
  if (error instanceof ProblemError) return error.problem.code;
  if (error instanceof ClientDisconnected) return "client_disconnected";
  if (isDatabaseUnavailable(error)) return "database_unavailable";
  return "internal_error";
}

/** Records facts a use case learns on its way (a stored recording's id, whether it was removed), whatever the outcome. */
export type NoteFacts = (facts: AuditFacts) => void;

export async function audited<T>(
  deps: Pick<UseCaseDeps, "account" | "audit">,
  { action, target, asked }: AuditedAction,
  run: (note: NoteFacts) => Promise<T>,
  facts: (result: T) => AuditFacts = () => ({}),
): Promise<T> {
  const started = Date.now();
  let noted: AuditFacts = {};
  const note: NoteFacts = (more) => {
    noted = { ...noted, ...more, detail: { ...noted.detail, ...more.detail } };
  };
  let recorded: AuditFacts = {};
  let error: string | undefined = "internal_error";
  try {
    const result = await run(note);
    recorded = facts(result);
    error = undefined;
    return result;
  } catch (thrown) {
    error = failureCode(thrown);
    throw thrown;
  } finally {
    deps.audit({
      userId: deps.account.id,
      action,
      target: recorded.target ?? noted.target ?? target,
      outcome: error ? "failure" : "success",
      latencyMs: Date.now() - started,
      model: recorded.model ?? noted.model ?? null,
      promptTokens: recorded.promptTokens ?? null,
      completionTokens: recorded.completionTokens ?? null,
      detail: { ...asked, ...noted.detail, ...recorded.detail, ...(error ? { error } : {}) },
    });
  }
}
