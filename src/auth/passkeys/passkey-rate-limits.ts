/**
 * The passkey steps' limits, on the login bindings (wrangler.toml), answered as every limit is:
 * 429 problem+json with `Retry-After` (src/lib/rate-limits.ts).
 * - A sign-in's options and its answer, per client IP (`LOGIN_IP_LIMITER`): neither needs an
 *   account, and each stores or spends a challenge.
 * - A sign-in's answer, per account once the credential names one (`LOGIN_ACCOUNT_LIMITER`), in
 *   the same budget as that account's password logins.
 * - A registration's answer, per account (`LOGIN_LIMITER`).
 */
import type { Context } from "hono";
import type { AppEnv } from "../../env";
import { clientIp } from "../../lib/client-ip";
import { ProblemError } from "../../lib/problem";

const PERIOD_SECONDS = 60;

async function enforce(limiter: RateLimit, key: string, what: string) {
  if (!(await limiter.limit({ key })).success) {
    throw new ProblemError(429, {
      code: "rate_limited",
      detail: `Too many ${what} attempts; try again in a minute.`,
      headers: { "Retry-After": String(PERIOD_SECONDS) },
    });
  }
}

export const enforcePasskeyIpLimit = <E extends AppEnv>(c: Context<E>) =>
  enforce(c.env.LOGIN_IP_LIMITER, `passkey-ip:${clientIp(c)}`, "passkey sign-in");

export const enforcePasskeyAccountLimit = <E extends AppEnv>(c: Context<E>, userId: string) =>
  enforce(c.env.LOGIN_ACCOUNT_LIMITER, `login-account:${userId}`, "sign-in");

export const enforcePasskeyRegistrationLimit = <E extends AppEnv>(c: Context<E>, userId: string) =>
  enforce(c.env.LOGIN_LIMITER, `passkey-register:${userId}`, "passkey registration");
