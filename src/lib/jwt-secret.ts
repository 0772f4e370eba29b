/** HS256 needs a key of at least 256 bits; anything shorter is treated as no key at all. */
export const MIN_JWT_SECRET_BYTES = 32;

export function hasUsableJwtSecret(secret: string | undefined): secret is string {
  return !!secret && new TextEncoder().encode(secret).length >= MIN_JWT_SECRET_BYTES;
}
