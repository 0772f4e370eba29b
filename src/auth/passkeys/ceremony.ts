/** What both ceremonies share: reading the challenge a browser answered, and the user handle passkeys carry. */
import { decodeClientDataJSON } from "@simplewebauthn/server/helpers";
import { ProblemError } from "../../lib/problem";

/**
 * The challenge the browser signed, from its clientDataJSON; a 400 when that is not even JSON with
 * a challenge. (That the answer is what it claims is checked later, by @simplewebauthn/server.)
 */
export function answeredChallenge(clientDataJSON: string): string {
  try {
    const { challenge } = decodeClientDataJSON(clientDataJSON);
    if (typeof challenge === "string" && challenge.length > 0 && challenge.length <= 200) return challenge;
  } catch {
    // fall through to the problem below
  }
  throw new ProblemError(400, {
    code: "validation_error",
    detail: "The passkey answer's clientDataJSON is not a WebAuthn client data object.",
    errors: [{ path: "body.response.response.clientDataJSON", message: "not WebAuthn client data" }],
  });
}

/**
 * The WebAuthn user handle of an account: its id's bytes. An id, not a name or an email, since the
 * authenticator may show or sync it; a discoverable sign-in's answer hands it back.
 */
export const userHandleOf = (userId: string) => new Uint8Array(new TextEncoder().encode(userId));
