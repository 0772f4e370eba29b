/**
 * Signing in with a passkey, two ways (docs/api.md §14):
 * - passwordless ("Sign in with a passkey"): the options name nobody, the browser offers the
 *   discoverable passkeys it holds for this site, and the answer names the credential. A passkey
 *   proves possession of a device key bound to this origin (phishing-resistant) and, with user
 *   verification required, the device's PIN or biometric: two factors, so it completes a login on
 *   its own, second-factor rules included.
 * - as the second factor of a password login: the options list that account's passkeys, and a
 *   verified answer completes the login the `challenge_token` names (src/auth/mfa/mfa-challenge.ts);
 *   a wrong answer counts against that challenge's attempts.
 * Either way the WebAuthn challenge is single use and spent by its first answer, right or wrong.
 */
import { generateAuthenticationOptions, verifyAuthenticationResponse } from "@simplewebauthn/server";
import { isoBase64URL } from "@simplewebauthn/server/helpers";
import type { Context } from "hono";
import type { z } from "zod";
import { audit } from "../../audit/audit";
import type { AppEnv } from "../../env";
import { ProblemError } from "../../lib/problem";
import { completeMfaLogin, recordWrongAnswer, requireMfaChallenge } from "../mfa/mfa-challenge";
import { accountInactive, type LoginGrant, startLogin } from "../sessions";
import { answeredChallenge, userHandleOf } from "./ceremony";
import { enforcePasskeyAccountLimit, enforcePasskeyIpLimit } from "./passkey-rate-limits";
import { CHALLENGE_SECONDS, findPasskeyWithOwner, insertChallenge, listPasskeys, recordPasskeyUse, spendChallenge } from "./passkeys.data";
import type { AuthenticationResponse } from "./passkeys.schemas";
import { relyingParty } from "./relying-party";

/** The options for navigator.credentials.get(): discoverable without a challenge token, that account's passkeys with one. */
export async function passkeySignInOptions<E extends AppEnv>(c: Context<E>, challengeToken?: string) {
  await enforcePasskeyIpLimit(c);
  const rp = relyingParty(c);
  const { db } = c.var;
  const mfa = challengeToken === undefined ? undefined : await requireMfaChallenge(db, challengeToken);
  const allowCredentials = mfa ? (await listPasskeys(db, mfa.userId)).map((p) => ({ id: p.credentialId, transports: p.transports })) : [];
  if (mfa && allowCredentials.length === 0) {
    throw new ProblemError(409, {
      code: "no_passkeys",
      detail: "This account has no passkey; answer with another of the offered methods.",
    });
  }
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    allowCredentials,
    timeout: CHALLENGE_SECONDS * 1000,
    // Alone, the passkey must be two factors; after a password, possession is the missing one.
    userVerification: mfa ? "preferred" : "required",
  });
  await insertChallenge(db, "passkey_login", options.challenge, mfa?.userId ?? null);
  return options;
}

const notVerified = () => new ProblemError(401, { code: "passkey_not_verified", detail: "The passkey could not be verified; try again." });

/**
 * Checks a sign-in answer: the challenge (spent here) was issued for this kind of sign-in, the
 * credential is registered (to the challenge's account, for a second factor), and its signature,
 * origin, RP ID and (passwordless) user verification hold. Then records the use and starts the
 * login. Every refusal is the same 401, so an answer tells nothing about which credentials exist;
 * a deactivated account is a 403, too many attempts a 429.
 */
export async function signInWithPasskey<E extends AppEnv>(
  c: Context<E>,
  { response, challenge_token }: { response: z.infer<typeof AuthenticationResponse>; challenge_token?: string },
): Promise<LoginGrant> {
  await enforcePasskeyIpLimit(c);
  const rp = relyingParty(c);
  const { db } = c.var;
  const started = Date.now();
  const mfa = challenge_token === undefined ? undefined : await requireMfaChallenge(db, challenge_token);
  const challenge = answeredChallenge(response.response.clientDataJSON);
  const fail = async (reason: string, userId = mfa?.userId) => {
    if (mfa) await recordWrongAnswer(db, mfa.id);
    audit(c, {
      ...(userId ? { userId, target: `user:${userId}` } : {}),
      action: "auth.passkey.login",
      outcome: "failure",
      latencyMs: Date.now() - started,
      detail: { reason },
    });
    return notVerified();
  };

  const spent = await spendChallenge(db, "passkey_login", challenge);
  if (!spent || spent.userId !== (mfa?.userId ?? null)) throw await fail("challenge");
  const found = await findPasskeyWithOwner(db, response.id);
  if (!found || (mfa && found.user.id !== mfa.userId)) throw await fail("unknown_credential");
  const { passkey, user } = found;
  await enforcePasskeyAccountLimit(c, user.id);
  const handle = response.response.userHandle;
  if (handle && handle !== isoBase64URL.fromBuffer(userHandleOf(user.id))) throw await fail("user_handle", user.id);

  let verification: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
  try {
    verification = await verifyAuthenticationResponse({
      response: response as Parameters<typeof verifyAuthenticationResponse>[0]["response"],
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: {
        id: passkey.credentialId,
        publicKey: isoBase64URL.toBuffer(passkey.publicKey),
        counter: passkey.counter,
        transports: passkey.transports,
      },
      requireUserVerification: !mfa,
    });
  } catch {
    throw await fail("verification_failed", user.id);
  }
  if (!verification.verified) throw await fail("verification_failed", user.id);

  await recordPasskeyUse(db, passkey.id, verification.authenticationInfo.newCounter);
  if (!mfa && !user.isActive) {
    audit(c, {
      userId: user.id,
      action: "auth.passkey.login",
      target: `user:${user.id}`,
      outcome: "denied",
      detail: { reason: "inactive" },
    });
    throw accountInactive();
  }
  const grant = mfa ? await completeMfaLogin(c, mfa.id, mfa.userId, "passkey") : await startLogin(c, user, { started, method: "passkey" });
  audit(c, {
    userId: user.id,
    action: "auth.passkey.login",
    target: `passkey:${passkey.id}`,
    outcome: "success",
    latencyMs: Date.now() - started,
    detail: { stage: mfa ? "second_factor" : "passwordless" },
  });
  return grant;
}
