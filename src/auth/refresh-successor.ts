/**
 * A refresh token's successor is derived from the token (an HMAC under a key taken from the
 * server's JWT secret), not drawn at random, so that the rotation's grace window can hand the
 * same successor out again although only hashes of refresh tokens are stored.
 *
 * Why this and not the successor kept encrypted beside its predecessor: both need the server's
 * secret to recover a live token, and whoever holds that secret can sign access tokens anyway;
 * deriving it stores nothing more, and there is no copy of a live token to clear when the window
 * closes. Without the key a successor is as unguessable as a random token, and neither token of a
 * pair tells anything about the other. Knowing the derivation gains nothing outside the window:
 * a spent token presented after it is reuse (./sessions.ts), whatever its successor would be.
 * Changing JWT_SECRET changes every successor: a token spent just before the change and presented
 * again just after it is taken for reuse, a rare sign-in more.
 */

/** The derivation key per JWT secret, imported once per isolate (as the signing key is). */
const successorKeys = new Map<string, Promise<CryptoKey>>();

/** A key of its own (HKDF), so the JWT signing key never signs anything but JWTs. */
function successorKey(secret: string): Promise<CryptoKey> {
  let key = successorKeys.get(secret);
  if (!key) {
    key = crypto.subtle
      .importKey("raw", new TextEncoder().encode(secret), "HKDF", false, ["deriveKey"])
      .then((material) =>
        crypto.subtle.deriveKey(
          { name: "HKDF", hash: "SHA-256", salt: new Uint8Array(), info: new TextEncoder().encode("refresh-token successor v1") },
          material,
          { name: "HMAC", hash: "SHA-256", length: 256 },
          false,
          ["sign"],
        ),
      );
    successorKeys.set(secret, key);
  }
  return key;
}

/** The token that follows `refreshToken` on its login: 32 bytes, base64url, like a fresh one. */
export async function refreshTokenSuccessor(refreshToken: string, secret: string): Promise<string> {
  const mac = await crypto.subtle.sign("HMAC", await successorKey(secret), new TextEncoder().encode(refreshToken));
  return btoa(String.fromCharCode(...new Uint8Array(mac)))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");
}
