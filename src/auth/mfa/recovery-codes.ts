/**
 * Recovery codes: ten one-time codes shown once when TOTP is confirmed, for a lost phone. Only
 * their SHA-256 is stored; a code is compared after normalising (case, spaces and dashes), so
 * "ABCDE-FGHJK", "abcde fghjk" and "abcdefghjk" are the same code.
 */
const RECOVERY_CODE_COUNT = 10;
/** No 0/O, 1/I/L: read from paper without doubt. 10 characters of 31: about 50 bits each. */
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const CODE_LENGTH = 10;

function newRecoveryCode(): string {
  const limit = 256 - (256 % ALPHABET.length); // no modulo bias
  let code = "";
  while (code.length < CODE_LENGTH) {
    for (const byte of crypto.getRandomValues(new Uint8Array(16))) {
      if (byte < limit && code.length < CODE_LENGTH) code += ALPHABET[byte % ALPHABET.length];
    }
  }
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
}

export async function hashRecoveryCode(code: string): Promise<string> {
  const normalised = code.toLowerCase().replace(/[\s-]/g, "");
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(normalised));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}
