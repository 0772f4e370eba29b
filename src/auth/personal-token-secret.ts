/** The personal access token secret: its recognisable form, how it is minted and how it is stored. */
import { hashRefreshToken, newRefreshToken } from "./tokens";

/**
 * Every personal token starts with this, so the guards tell it from a JWT (which starts `eyJ`)
 * by a string test, before any hashing or database work, and secret scanners can spot a leaked one.
 */
const PERSONAL_TOKEN_PREFIX = "tap_";

export const isPersonalToken = (bearer: string) => bearer.startsWith(PERSONAL_TOKEN_PREFIX);

/** `tap_` and 32 random bytes (base64url): 256 bits that nobody can guess. */
export const newPersonalToken = () => `${PERSONAL_TOKEN_PREFIX}${newRefreshToken()}`;

/**
 * SHA-256, unsalted, like refresh tokens: the secret is 256 random bits, so neither a dictionary
 * nor a precomputed table can reach it, and a slow password hash (PBKDF2) would only add CPU to
 * every request that presents one. An unsalted digest also lets the lookup be an index hit.
 */
export const hashPersonalToken = hashRefreshToken;
