/**
 * The console's CSRF token: an HMAC of the login's id under the JWT secret, so it needs no
 * storage, is the same for every page of one login, and is worthless once that login ends.
 * Forms carry it as `_csrf`; the console's scripts send it as `X-CSRF-Token`.
 */
const encoder = new TextEncoder();
const keys = new Map<string, Promise<CryptoKey>>();

function csrfKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    // A key of its own (derived by a label), so a CSRF token can never pass as any other signature.
    key = crypto.subtle
      .digest("SHA-256", encoder.encode(`console-csrf\u0000${secret}`))
      .then((raw) => crypto.subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]));
    keys.set(secret, key);
  }
  return key;
}

const toBase64Url = (bytes: ArrayBuffer) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]{43}$/.test(text)) return null;
  const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

export async function csrfTokenFor(secret: string, sessionId: string): Promise<string> {
  return toBase64Url(await crypto.subtle.sign("HMAC", await csrfKey(secret), encoder.encode(sessionId)));
}

/** Constant-time: the HMAC verification compares the whole signature. */
export async function isCsrfTokenValid(secret: string, sessionId: string, token: string | undefined): Promise<boolean> {
  const signature = token ? fromBase64Url(token) : null;
  if (!signature) return false;
  return crypto.subtle.verify("HMAC", await csrfKey(secret), signature, encoder.encode(sessionId));
}
