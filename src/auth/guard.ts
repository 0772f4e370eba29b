/**
 * Access guards that routes declare: `requireAuth` (any active user with a current token),
 * `requireLicensed` (a verified therapist, psychiatrist or psychologist, or an admin) and
 * `requireAdmin`. The user is loaded with one query per request, so deactivation and password
 * changes take effect on the very next request.
 */
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { hasUsableJwtSecret } from "../lib/jwt-secret";
import { ProblemError } from "../lib/problem";
import type { UserRow } from "./auth.schema";
import { verifyAccessToken } from "./tokens";
import { isLicensedRole } from "./user.schemas";
import { findUserById } from "./users.data";

const unauthorized = (detail: string) =>
  new ProblemError(401, { code: "unauthorized", detail, headers: { "WWW-Authenticate": 'Bearer realm="therapy-assistant", error="invalid_token"' } });

/** The JWT secret, or a 503 problem: a missing or short secret never falls back to a default. */
export function jwtSecret(c: Context<AppEnv>): string {
  const secret = c.var.settings.jwtSecret;
  if (!hasUsableJwtSecret(secret)) {
    throw new ProblemError(503, { code: "server_misconfigured", detail: "Authentication is unavailable: the server's JWT secret is missing or too short.", headers: { "Retry-After": "60" } });
  }
  return secret;
}

export const requireAuth = createMiddleware<AppEnv>(async (c, next) => {
  const secret = jwtSecret(c);
  const header = c.req.header("Authorization") ?? "";
  const match = /^Bearer\s+([A-Za-z0-9_\-.]+)$/i.exec(header.trim());
  if (!match) throw unauthorized("A bearer access token is required (Authorization: Bearer <token>).");
  const claims = await verifyAccessToken(match[1], secret);
  if (!claims) throw unauthorized("The access token is invalid or expired; log in again or refresh it.");
  const user = await findUserById(c.var.db, claims.sub);
  if (!user || user.tokenVersion !== claims.ver) throw unauthorized("The access token is no longer valid; log in again.");
  if (!user.isActive) throw unauthorized("This account has been deactivated.");
  c.set("user", user);
  c.set("claims", claims);
  await next();
});

function requireRole(allowed: (user: UserRow) => boolean, detail: (user: UserRow) => string) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const user = c.get("user");
    if (!allowed(user)) throw new ProblemError(403, { code: "forbidden", detail: detail(user) });
    await next();
  });
}

export const requireLicensed = requireRole(
  (user) => user.role === "admin" || (isLicensedRole(user.role) && user.isVerified),
  (user) =>
    isLicensedRole(user.role)
      ? "This route needs a verified licensed professional: your licence has not been verified by an admin yet."
      : "This route is for licensed professionals (therapist, psychiatrist, psychologist) verified by an admin; student accounts cannot use it.",
);

export const requireAdmin = requireRole((user) => user.role === "admin", () => "This route needs the admin role.");

/** Middleware lists for route definitions: `middleware: licensed`. */
export const authenticated = [requireAuth];
export const licensed = [requireAuth, requireLicensed];
export const adminOnly = [requireAuth, requireAdmin];
