/**
 * Access tokens (HS256 JWT, 30 minutes) and opaque refresh tokens (stored only as SHA-256).
 */
import { sign, verify } from "hono/jwt";
import type { UserRole } from "./auth.schema";
import { isLicensedUser } from "./user.schemas";

export const ACCESS_TOKEN_SECONDS = 30 * 60;
const REFRESH_TOKEN_DAYS = 30;

export interface AccessClaims {
  sub: string;
  role: UserRole;
  /** The user's token version when issued; a password change makes older tokens invalid. */
  ver: number;
  /** The refresh-token family (login session) this token belongs to; logout revokes it. */
  sid: string;
  /**
   * Whether the account could use the licensed routes when the token was issued. Only a hint that
   * saves a query: without it the guard asks the database before any AI call, and with it the
   * account is still checked in the route's own batch.
   */
  lic?: boolean;
  iat: number;
  exp: number;
  jti: string;
}

export async function signAccessToken(user: { id: string; role: UserRole; tokenVersion: number; isVerified: boolean }, sessionId: string, secret: string) {
  const now = Math.floor(Date.now() / 1000);
  const claims: AccessClaims = { sub: user.id, role: user.role, ver: user.tokenVersion, sid: sessionId, lic: isLicensedUser(user), iat: now, exp: now + ACCESS_TOKEN_SECONDS, jti: crypto.randomUUID() };
  return sign({ ...claims }, secret, "HS256");
}

/** Only HS256 is accepted: `alg: none` and any other algorithm fail verification. */
export async function verifyAccessToken(token: string, secret: string): Promise<AccessClaims | null> {
  try {
    const payload = (await verify(token, secret, "HS256")) as Partial<AccessClaims>;
    if (typeof payload.sub !== "string" || typeof payload.ver !== "number" || typeof payload.sid !== "string") return null;
    return payload as AccessClaims;
  } catch {
    return null;
  }
}

export function newRefreshToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

export async function hashRefreshToken(token: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

export function refreshExpiry(): Date {
  return new Date(Date.now() + REFRESH_TOKEN_DAYS * 24 * 60 * 60 * 1000);
}
