/**
 * Access tokens (HS256 JWT, 30 minutes) and opaque refresh tokens (stored only as SHA-256).
 */
import { sign, verify } from "hono/jwt";
import { RecentValues } from "../lib/recent-values";
import type { UserRole } from "./auth.table";

export const ACCESS_TOKEN_SECONDS = 30 * 60;
/** A login's fixed lifetime: refreshing rotates its tokens but never extends it. */
const LOGIN_DAYS = 30;

const isUuid = (value: unknown): value is string =>
  typeof value === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/**
 * The HMAC key for a secret, imported once per isolate: importing it costs more than the
 * signature check itself, and every authenticated request verifies a token.
 */
const hmacKeys = new Map<string, Promise<CryptoKey>>();
function hmacKey(secret: string): Promise<CryptoKey> {
  let key = hmacKeys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
    hmacKeys.set(secret, key);
  }
  return key;
}

export interface AccessClaims {
  sub: string;
  role: UserRole;
  /** The user's token version when issued; a password change makes older tokens invalid. */
  ver: number;
  /** The login this token was issued on; once it is revoked or over, the token is refused. */
  sid: string;
  iat: number;
  exp: number;
  jti: string;
}

export async function signAccessToken(user: { id: string; role: UserRole; tokenVersion: number }, sessionId: string, secret: string) {
  const now = Math.floor(Date.now() / 1000);
  const claims: AccessClaims = {
    sub: user.id,
    role: user.role,
    ver: user.tokenVersion,
    sid: sessionId,
    iat: now,
    exp: now + ACCESS_TOKEN_SECONDS,
    jti: crypto.randomUUID(),
  };
  return sign({ ...claims }, await hmacKey(secret), "HS256");
}

/**
 * Tokens whose signature already checked out, per isolate. A client sends the same access token
 * with every request for up to 30 minutes, and checking it (base64url and JSON decoding, an HMAC
 * through crypto.subtle) was the largest cost of our own in `GET /api/auth/me`'s profile. Only a
 * byte-identical token under the same secret reuses a result; its expiry is checked on every use;
 * whether its holder may still act is decided by the account check every request makes anyway.
 */
const verifiedTokens = new RecentValues<{ secret: string; claims: AccessClaims }>({
  maxEntries: 1000,
  ttlMs: ACCESS_TOKEN_SECONDS * 1000,
});

/** Only HS256 is accepted: `alg: none` and any other algorithm fail verification. */
export async function verifyAccessToken(token: string, secret: string): Promise<AccessClaims | null> {
  const known = verifiedTokens.get(token);
  if (known && known.secret === secret) return known.claims.exp > Date.now() / 1000 ? known.claims : null;
  try {
    const payload = (await verify(token, await hmacKey(secret), "HS256")) as Partial<AccessClaims>;
    // The ids are compared with uuid columns: a malformed one must be a 401, not a database error.
    if (!isUuid(payload.sub) || typeof payload.ver !== "number" || !isUuid(payload.sid)) return null;
    const claims = payload as AccessClaims;
    verifiedTokens.set(token, { secret, claims });
    return claims;
  } catch {
    return null;
  }
}

export function newRefreshToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");
}

export async function hashRefreshToken(token: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

export function loginExpiry(loggedInAt: Date): Date {
  return new Date(loggedInAt.getTime() + LOGIN_DAYS * 24 * 60 * 60 * 1000);
}
