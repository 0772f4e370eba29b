/**
 * Password hashing with PBKDF2-SHA256 through WebCrypto, the strongest KDF Workers offer natively.
 * 100,000 iterations is the runtime's maximum. The stored string names algorithm and parameters
 * (`pbkdf2_sha256$<iterations>$<salt>$<hash>`) so a later login can upgrade old hashes.
 */
const ALGORITHM = "pbkdf2_sha256";
const PBKDF2_ITERATIONS = 100_000;
const SALT_BYTES = 16;
const KEY_BITS = 256;

const encoder = new TextEncoder();

function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(password), "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, key, KEY_BITS);
  return new Uint8Array(bits);
}

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await derive(password, salt, PBKDF2_ITERATIONS);
  return `${ALGORITHM}$${PBKDF2_ITERATIONS}$${toBase64(salt)}$${toBase64(hash)}`;
}

/** Equal-length comparison whose time does not depend on where the bytes differ. */
function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i] ^ b[i];
  return difference === 0;
}

interface PasswordCheck {
  valid: boolean;
  /** The stored hash uses weaker parameters than today's; rehash after a successful login. */
  needsRehash: boolean;
}

export async function verifyPassword(password: string, stored: string): Promise<PasswordCheck> {
  const [algorithm, iterationsText, saltText, hashText] = stored.split("$");
  const iterations = Number(iterationsText);
  if (algorithm !== ALGORITHM || !Number.isInteger(iterations) || !saltText || !hashText) return { valid: false, needsRehash: false };
  const actual = await derive(password, fromBase64(saltText), iterations);
  const valid = constantTimeEqual(actual, fromBase64(hashText));
  return { valid, needsRehash: valid && iterations < PBKDF2_ITERATIONS };
}

/**
 * A hash of a random password, computed once per isolate: verifying against it costs the same as
 * a real check, so a login for an unknown account takes as long as one with a wrong password.
 */
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword(crypto.randomUUID());
  await verifyPassword(password, await dummyHash);
}
