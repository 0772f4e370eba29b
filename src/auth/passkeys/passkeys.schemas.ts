/**
 * Passkeys as the API takes and shows them. The browser's answers (navigator.credentials.create /
 * get, serialised with base64url fields, as @simplewebauthn/browser's JSON types) are checked here
 * only for shape and size; what they prove is checked by @simplewebauthn/server.
 */
import { z } from "@hono/zod-openapi";
import { text } from "../auth.schemas";
import type { PasskeyRow } from "./passkeys.data";

/** Far above any real credential (ids ≤ 1023 bytes, attestation objects a few KiB), far below abuse. */
const base64url = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+=*$/, "must be base64url");

/** WebAuthn defines a handful of client extensions (credProps, prf, largeBlob, …); a browser answers a few at most. */
const MAX_EXTENSION_RESULTS = 32;

const credentialBase = {
  id: base64url(1400),
  rawId: base64url(1400),
  type: z.literal("public-key"),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
  clientExtensionResults: z
    .record(z.string(), z.unknown())
    .refine((results) => Object.keys(results).length <= MAX_EXTENSION_RESULTS, {
      message: `must have at most ${MAX_EXTENSION_RESULTS} extension results`,
    })
    .openapi({ maxProperties: MAX_EXTENSION_RESULTS })
    .default({}),
};

export const RegistrationResponse = z
  .object({
    ...credentialBase,
    response: z.object({
      clientDataJSON: base64url(4096),
      attestationObject: base64url(16384),
      transports: z.array(z.string().max(32)).max(8).optional(),
      authenticatorData: base64url(16384).optional(),
      publicKey: base64url(4096).optional(),
      publicKeyAlgorithm: z.number().int().optional(),
    }),
  })
  .openapi("PasskeyRegistrationResponse", { description: "navigator.credentials.create()'s credential, as JSON (base64url fields)" });

export const AuthenticationResponse = z
  .object({
    ...credentialBase,
    response: z.object({
      clientDataJSON: base64url(4096),
      authenticatorData: base64url(16384),
      signature: base64url(1024),
      userHandle: base64url(128).optional(),
    }),
  })
  .openapi("PasskeyAuthenticationResponse", { description: "navigator.credentials.get()'s credential, as JSON (base64url fields)" });

export const RegistrationVerifyBody = z
  .object({
    name: text(100).openapi({ description: "your name for it", example: "Work laptop" }),
    response: RegistrationResponse,
  })
  .strict()
  .openapi("PasskeyRegistrationRequest");

const challengeToken = z
  .string()
  .min(1)
  .max(200)
  .openapi({ description: "the `challenge_token` of a password login that asked for a second factor" });

export const AuthenticationOptionsBody = z
  .object({ challenge_token: challengeToken.optional() })
  .strict()
  .openapi("PasskeyAuthenticationOptionsRequest");

export const AuthenticationVerifyBody = z
  .object({ response: AuthenticationResponse, challenge_token: challengeToken.optional() })
  .strict()
  .openapi("PasskeyAuthenticationRequest");

export const RemovePasskeyBody = z
  .object({ password: z.string().min(1).max(128).openapi({ description: "the current password, to confirm" }) })
  .strict()
  .openapi("RemovePasskeyRequest");

export const PasskeyParams = z.object({ id: z.uuid("must be a passkey id (UUID)") });

export const PasskeySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    created_at: z.string().openapi({ format: "date-time" }),
    last_used_at: z.string().nullable().openapi({ format: "date-time" }),
    device_type: z.string().nullable().openapi({ description: "`singleDevice`, or `multiDevice` for a synced passkey" }),
    backed_up: z.boolean(),
  })
  .openapi("Passkey");

export function toPasskey(row: PasskeyRow): z.infer<typeof PasskeySchema> {
  return {
    id: row.id,
    name: row.name,
    created_at: row.createdAt.toISOString(),
    last_used_at: row.lastUsedAt ? row.lastUsedAt.toISOString() : null,
    device_type: row.deviceType,
    backed_up: row.backedUp,
  };
}

/** The options are the WebAuthn JSON the browser feeds to navigator.credentials; described, not re-declared. */
export const CreationOptionsSchema = z
  .object({ challenge: z.string(), rp: z.object({ id: z.string().optional(), name: z.string() }) })
  .passthrough()
  .openapi("PublicKeyCredentialCreationOptionsJSON");

export const RequestOptionsSchema = z
  .object({ challenge: z.string(), rpId: z.string().optional() })
  .passthrough()
  .openapi("PublicKeyCredentialRequestOptionsJSON");
