/**
 * A signed-in person's own passkeys: register (options, then the browser's answer), list, remove.
 * Shared by /api/auth/passkeys and the console's settings page.
 */
import { generateRegistrationOptions, verifyRegistrationResponse } from "@simplewebauthn/server";
import { isoBase64URL } from "@simplewebauthn/server/helpers";
import type { Context } from "hono";
import type { z } from "zod";
import { audit } from "../../audit/audit";
import type { AppEnv } from "../../env";
import { ProblemError } from "../../lib/problem";
import { enforcePasswordCheckRateLimit } from "../../lib/rate-limits";
import type { UserRow } from "../auth.table";
import { verifyPassword } from "../password";
import { answeredChallenge, userHandleOf } from "./ceremony";
import { enforcePasskeyRegistrationLimit } from "./passkey-rate-limits";
import {
  CHALLENGE_SECONDS,
  deleteOwnPasskey,
  insertChallenge,
  insertPasskey,
  listPasskeys,
  type PasskeyRow,
  spendChallenge,
} from "./passkeys.data";
import type { RegistrationResponse } from "./passkeys.schemas";
import { relyingParty } from "./relying-party";

/** Enough for every device and key one person uses; it also bounds the options' excludeCredentials. */
const MAX_PASSKEYS = 20;

/**
 * The options for navigator.credentials.create(). The credential must be discoverable (a resident
 * key), so that it can later sign in with no name typed; the account's own passkeys are excluded,
 * so one authenticator is not registered twice.
 */
export async function passkeyRegistrationOptions<E extends AppEnv>(c: Context<E>, user: UserRow) {
  const rp = relyingParty(c);
  const existing = await listPasskeys(c.var.db, user.id);
  if (existing.length >= MAX_PASSKEYS) {
    throw new ProblemError(409, {
      code: "passkey_limit_reached",
      detail: `You already have ${MAX_PASSKEYS} passkeys; remove one you no longer use.`,
    });
  }
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: user.email,
    userDisplayName: `${user.firstName} ${user.lastName}`,
    userID: userHandleOf(user.id),
    attestationType: "none",
    timeout: CHALLENGE_SECONDS * 1000,
    excludeCredentials: existing.map((passkey) => ({ id: passkey.credentialId, transports: passkey.transports })),
    authenticatorSelection: { residentKey: "required", userVerification: "preferred" },
  });
  await insertChallenge(c.var.db, "passkey_register", options.challenge, user.id);
  return options;
}

const notVerified = (detail = "The passkey could not be registered; start again from the options.") =>
  new ProblemError(400, { code: "passkey_not_verified", detail });

/**
 * Checks the browser's answer against the challenge this account was given (spent by the check,
 * whatever its outcome), this origin and this RP ID, and stores the public key. A wrong or reused
 * challenge, another origin or a bad attestation is a 400; a credential already registered a 409.
 */
export async function registerPasskey<E extends AppEnv>(
  c: Context<E>,
  user: UserRow,
  { name, response }: { name: string; response: z.infer<typeof RegistrationResponse> },
): Promise<PasskeyRow> {
  await enforcePasskeyRegistrationLimit(c, user.id);
  const rp = relyingParty(c);
  const challenge = answeredChallenge(response.response.clientDataJSON);
  const fail = (reason: string) => {
    audit(c, { userId: user.id, action: "auth.passkey.register", outcome: "failure", detail: { reason } });
    return notVerified();
  };
  const { db } = c.var;
  // Spent whatever follows, so an answer is checked once; another account's challenge is no use here.
  const spent = await spendChallenge(db, "passkey_register", challenge);
  if (spent?.userId !== user.id) throw fail("challenge");
  let verification: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    verification = await verifyRegistrationResponse({
      // The schema checked the shape; the library checks what it proves.
      response: response as Parameters<typeof verifyRegistrationResponse>[0]["response"],
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: false,
    });
  } catch {
    throw fail("verification_failed");
  }
  if (!verification.verified) throw fail("verification_failed");
  const { credential, credentialDeviceType, credentialBackedUp } = verification.registrationInfo;
  const row = await insertPasskey(db, {
    userId: user.id,
    credentialId: credential.id,
    publicKey: isoBase64URL.fromBuffer(credential.publicKey),
    counter: credential.counter,
    transports: response.response.transports ?? credential.transports ?? [],
    deviceType: credentialDeviceType,
    backedUp: credentialBackedUp,
    name,
  });
  if (!row) {
    audit(c, { userId: user.id, action: "auth.passkey.register", outcome: "denied", detail: { reason: "already_registered" } });
    throw new ProblemError(409, { code: "passkey_exists", detail: "That passkey is already registered." });
  }
  audit(c, { userId: user.id, action: "auth.passkey.register", target: `passkey:${row.id}`, outcome: "success" });
  return row;
}

/**
 * Removes one of `user`'s passkeys once their password checks out (a stolen session must not be
 * enough to take away the owner's way back in, nor to clean up after adding its own): one budget
 * with the other password checks. A wrong password is a 403; an id that is not theirs a 404.
 */
export async function removePasskey<E extends AppEnv>(c: Context<E>, user: UserRow, id: string, password: string): Promise<void> {
  await enforcePasswordCheckRateLimit(c, user.id, "password check");
  if (!(await verifyPassword(password, user.passwordHash)).valid) {
    audit(c, { userId: user.id, action: "auth.passkey.remove", outcome: "failure", detail: { reason: "wrong_password" } });
    throw new ProblemError(403, {
      code: "invalid_password",
      detail: "The password is incorrect; the passkey was not removed.",
      errors: [{ path: "body.password", message: "incorrect" }],
    });
  }
  if (!(await deleteOwnPasskey(c.var.db, id, user.id)))
    throw new ProblemError(404, { code: "not_found", detail: "You have no passkey with that id." });
  audit(c, { userId: user.id, action: "auth.passkey.remove", target: `passkey:${id}`, outcome: "success" });
}
