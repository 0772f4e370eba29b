/**
 * Per-request state that outbound clients need but cannot be handed explicitly.
 *
 * The Neon driver only takes its fetch function and endpoint as module-wide settings, while the
 * time spent in the database (for `Server-Timing`) and the query timeout belong to one request.
 * AsyncLocalStorage carries them from the request's middleware to that fetch function.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export interface RequestScope {
  dbMs: number;
  dbCalls: number;
  aiMs: number;
  aiCalls: number;
  dbTimeoutMs: number;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function newRequestScope(dbTimeoutMs: number): RequestScope {
  return { dbMs: 0, dbCalls: 0, aiMs: 0, aiCalls: 0, dbTimeoutMs };
}

export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}

/** Runs an outbound call and adds its duration to the scope's `db` or `ai` figures. */
export async function timed<T>(kind: "db" | "ai", call: () => Promise<T>): Promise<T> {
  const scope = storage.getStore();
  const started = performance.now();
  try {
    return await call();
  } finally {
    if (scope) {
      scope[`${kind}Ms`] += performance.now() - started;
      scope[`${kind}Calls`] += 1;
    }
  }
}
