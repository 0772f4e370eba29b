/**
 * The account routes' rate limits (shared/API.md §2): login per client IP and username, per
 * account across IPs and per IP across accounts; registration per IP.
 */
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { clientIp } from "../lib/client-ip";
import { enforceRateLimit } from "../lib/rate-limit";

export const registerRateLimit = createMiddleware<AppEnv>(async (c, next) => {
  await enforceRateLimit(c.env.REGISTER_LIMITER, `register:${clientIp(c)}`, "registration");
  await next();
});

/** Before the account lookup: one IP's attempts at one name, and at any name (password spraying). */
export async function enforceLoginRateLimit(c: Context<AppEnv>, login: string) {
  const ip = clientIp(c);
  await enforceRateLimit(c.env.LOGIN_IP_LIMITER, `login-ip:${ip}`, "login");
  await enforceRateLimit(c.env.LOGIN_LIMITER, `login:${ip}:${login.toLowerCase()}`, "login");
}

/**
 * After the lookup, before the password check: every IP's attempts at one account (a botnet).
 * Keyed by the account's id, so its email and username share one budget; an unknown name is
 * limited the same way, so a 429 never tells whether an account exists.
 */
export function enforceAccountLoginRateLimit(c: Context<AppEnv>, accountId: string | undefined, login: string) {
  return enforceRateLimit(c.env.LOGIN_ACCOUNT_LIMITER, `login-account:${accountId ?? `unknown:${login.toLowerCase()}`}`, "login");
}

/**
 * Guesses at the current password through change-password (a stolen access token) are limited
 * like logins, per account: each costs a full password hash, and each is a guess.
 */
export function enforcePasswordCheckRateLimit(c: Context<AppEnv>, userId: string) {
  return enforceRateLimit(c.env.LOGIN_LIMITER, `password:${userId}`, "password change");
}
