/** The account routes' rate limits (shared/API.md §2), keyed by client IP and, for login, username. */
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { clientIp } from "../lib/client-ip";
import { enforceRateLimit } from "../lib/rate-limit";

export const registerRateLimit = createMiddleware<AppEnv>(async (c, next) => {
  await enforceRateLimit(c.env.REGISTER_LIMITER, `register:${clientIp(c)}`, "registration");
  await next();
});

export function enforceLoginRateLimit(c: Context<AppEnv>, login: string) {
  return enforceRateLimit(c.env.LOGIN_LIMITER, `login:${clientIp(c)}:${login.toLowerCase()}`, "login");
}

/**
 * Guesses at the current password through change-password (a stolen access token) are limited
 * like logins, per account: each costs a full password hash, and each is a guess.
 */
export function enforcePasswordCheckRateLimit(c: Context<AppEnv>, userId: string) {
  return enforceRateLimit(c.env.LOGIN_LIMITER, `password:${userId}`, "password change");
}
