/**
 * Every rate limit the API applies, in one place. Each is a Workers Rate Limiting binding
 * (wrangler.toml, so a local benchmark can raise them) and answers 429 problem+json with
 * `Retry-After`:
 * - registration per client IP;
 * - login per IP and name, per IP across names (password spraying), per account across IPs (a
 *   botnet), and guesses at the current password through change-password, erasure and personal
 *   token creation per account;
 * - the AI routes (answers, case analysis, voice) per account, and query embeddings for knowledge
 *   search per account (past it, search answers lexically instead of refusing).
 */
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { clientIp } from "./client-ip";
import { ProblemError } from "./problem";

/** The bindings' period (wrangler.toml); a client retrying after it gets a fresh window. */
const PERIOD_SECONDS = 60;

/** Counts one use of `key`; false once it is over its binding's limit. */
async function withinRateLimit(limiter: RateLimit, key: string): Promise<boolean> {
  return (await limiter.limit({ key })).success;
}

async function enforceRateLimit(limiter: RateLimit, key: string, what: string): Promise<void> {
  if (!(await withinRateLimit(limiter, key))) {
    throw new ProblemError(429, {
      code: "rate_limited",
      detail: `Too many ${what} attempts; try again in a minute.`,
      headers: { "Retry-After": String(PERIOD_SECONDS) },
    });
  }
}

export const registerRateLimit = createMiddleware<AppEnv>(async (c, next) => {
  await enforceRateLimit(c.env.REGISTER_LIMITER, `register:${clientIp(c)}`, "registration");
  await next();
});

/** Before the account lookup: one IP's attempts at one name, and at any name (password spraying). */
export async function enforceLoginRateLimit<E extends AppEnv>(c: Context<E>, login: string) {
  const ip = clientIp(c);
  await enforceRateLimit(c.env.LOGIN_IP_LIMITER, `login-ip:${ip}`, "login");
  await enforceRateLimit(c.env.LOGIN_LIMITER, `login:${ip}:${login.toLowerCase()}`, "login");
}

/**
 * After the lookup, before the password check: every IP's attempts at one account (a botnet).
 * Keyed by the account's id, so its email and username share one budget; an unknown name is
 * limited the same way, so a 429 never tells whether an account exists.
 */
export function enforceAccountLoginRateLimit<E extends AppEnv>(c: Context<E>, accountId: string | undefined, login: string) {
  return enforceRateLimit(c.env.LOGIN_ACCOUNT_LIMITER, `login-account:${accountId ?? `unknown:${login.toLowerCase()}`}`, "login");
}

/**
 * Guesses at the current password through change-password, account erasure or personal token
 * creation (a stolen access token) are limited like logins, per account and in one budget for
 * all three: each costs a full password hash, and each is a guess.
 */
export function enforcePasswordCheckRateLimit<E extends AppEnv>(c: Context<E>, userId: string, what = "password change") {
  return enforceRateLimit(c.env.LOGIN_LIMITER, `password:${userId}`, what);
}

/**
 * Every second-factor check (a TOTP code, a recovery code, a passkey at the login's second step,
 * an enrolment's confirming code): per challenge, per account across IPs and per IP across
 * accounts, in the login limiters' budgets (a second factor is worth guessing only with the
 * password, but a 6-digit code is a small space). `challengeId` is absent for a signed-in caller.
 */
export async function enforceMfaRateLimit<E extends AppEnv>(c: Context<E>, userId: string, challengeId?: string) {
  await enforceRateLimit(c.env.LOGIN_IP_LIMITER, `mfa-ip:${clientIp(c)}`, "verification");
  await enforceRateLimit(c.env.LOGIN_ACCOUNT_LIMITER, `mfa-account:${userId}`, "verification");
  if (challengeId) await enforceRateLimit(c.env.LOGIN_LIMITER, `mfa-challenge:${challengeId}`, "verification");
}

/** The AI routes' limit, per account (10 a minute by default). */
export function enforceAiRateLimit<E extends AppEnv>(c: Context<E>, accountId: string) {
  return enforceRateLimit(c.env.AI_LIMITER, `ai:${accountId}`, "AI");
}

/** Knowledge search embeds its query only while the account is within this limit. */
export function mayEmbedSearchQuery<E extends AppEnv>(c: Context<E>, accountId: string) {
  return withinRateLimit(c.env.AI_LIMITER, `search:${accountId}`);
}
