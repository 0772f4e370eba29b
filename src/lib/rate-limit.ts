/** Workers Rate Limiting: a 429 problem with `Retry-After` once a key exceeds its binding's limit. */
import { ProblemError } from "./problem";

/** The bindings' period (wrangler.toml); a client retrying after it gets a fresh window. */
const PERIOD_SECONDS = 60;

/** Counts one use of `key`; false once it is over its binding's limit. */
export async function withinRateLimit(limiter: RateLimit, key: string): Promise<boolean> {
  return (await limiter.limit({ key })).success;
}

export async function enforceRateLimit(limiter: RateLimit, key: string, what: string): Promise<void> {
  if (!(await withinRateLimit(limiter, key))) {
    throw new ProblemError(429, {
      code: "rate_limited",
      detail: `Too many ${what} attempts; try again in a minute.`,
      headers: { "Retry-After": String(PERIOD_SECONDS) },
    });
  }
}
