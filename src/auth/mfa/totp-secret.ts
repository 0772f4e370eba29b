/**
 * TOTP (RFC 6238) as authenticator apps expect it: SHA-1, 6 digits, 30-second steps, a code from
 * the step before or after accepted for clock drift. otpauth computes the HMAC in plain
 * JavaScript, so it runs in workerd without Node's crypto. The secret is sealed with the
 * workspace field cipher, bound to its account's row.
 */
import { Secret, TOTP } from "otpauth";
import { renderSVG } from "uqr";
import type { Settings } from "../../lib/settings";
import { encryptionUnavailable, type Keyring, loadKeyring, open, seal, sealContext } from "../../workspace/crypto/field-cipher";

const ISSUER = "Therapy Assistant";
const PERIOD_SECONDS = 30;
/** Steps either side of the current one a code may come from. */
const DRIFT_STEPS = 1;
/** 160 bits, RFC 4226's recommended secret length. */
const SECRET_BYTES = 20;

function totpFor(secretBase32: string, label = "") {
  return new TOTP({ issuer: ISSUER, label, algorithm: "SHA1", digits: 6, period: PERIOD_SECONDS, secret: Secret.fromBase32(secretBase32) });
}

/** A fresh secret (base32), the otpauth:// address apps import, and that address as a QR code (SVG). */
export function newTotpEnrolment(accountLabel: string): TotpEnrolment {
  return totpEnrolment(new Secret({ size: SECRET_BYTES }).base32, accountLabel);
}

export interface TotpEnrolment {
  secret: string;
  otpauthUrl: string;
  qrSvg: string;
}

/** What the person needs to add `secret` to their app (again, after a mistyped confirming code). */
export function totpEnrolment(secret: string, accountLabel: string): TotpEnrolment {
  const otpauthUrl = totpFor(secret, accountLabel).toString();
  return { secret, otpauthUrl, qrSvg: renderSVG(otpauthUrl, { border: 2 }) };
}

/**
 * The time step a code belongs to, when it is right for now (within the drift window); the
 * caller refuses a step at or before the last one used, so a code works once.
 */
export function totpStep(secretBase32: string, code: string, now = Date.now()): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const delta = totpFor(secretBase32).validate({ token: code, timestamp: now, window: DRIFT_STEPS });
  return delta === null ? undefined : TOTP.counter({ period: PERIOD_SECONDS, timestamp: now }) + delta;
}

const context = (userId: string) => sealContext("user_totp", userId, "secret");

export async function totpKeyring(settings: Settings): Promise<Keyring> {
  const keyring = await loadKeyring(settings.encryptionKeys);
  if (!keyring) throw encryptionUnavailable();
  return keyring;
}

export const sealTotpSecret = (keyring: Keyring, userId: string, secret: string) => seal(keyring, secret, context(userId));
export const openTotpSecret = (keyring: Keyring, userId: string, sealed: string) => open(keyring, sealed, context(userId));
