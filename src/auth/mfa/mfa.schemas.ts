import { z } from "@hono/zod-openapi";
import { TokenPairSchema } from "../auth.schemas";
import { MFA_CHALLENGE_PREFIX } from "./mfa-challenge";

const challengeToken = z
  .string()
  .trim()
  .startsWith(MFA_CHALLENGE_PREFIX)
  .max(200)
  .openapi({ description: "The login answer's challenge_token" });
const totpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, "a 6-digit code")
  .max(6, "a 6-digit code")
  .openapi({ description: "The 6-digit code the authenticator app shows", example: "123456" });
const password = z.string().min(1).max(128);

const MfaMethodSchema = z.enum(["totp", "recovery_code", "passkey"]);

const MfaChallengeSchema = z
  .object({
    mfa_required: z.literal(true).optional(),
    mfa_enrolment_required: z.literal(true).optional(),
    challenge_token: z.string(),
    methods: z.array(MfaMethodSchema),
    expires_in: z.number().int().openapi({ description: "Seconds the challenge stays usable" }),
  })
  .openapi("MfaChallenge", {
    description:
      "The password was right and a second factor is needed: answer with POST /api/auth/mfa/verify (or enrol one first when mfa_enrolment_required).",
  });

/**
 * The login's 200: a token pair or a challenge. The OpenAPI document shows both; the typed
 * client keeps seeing a token pair, which is what every account without a second factor gets
 * (and what the test suite's logins rely on): code that may meet a challenge narrows with
 * `"challenge_token" in body`.
 */
export const LoginAnswerSchema = z.union([TokenPairSchema, MfaChallengeSchema]) as unknown as typeof TokenPairSchema;

export const EnrolTotpBody = z
  .object({
    password: password.optional().openapi({ description: "The current password (signed in with an access token)" }),
    challenge_token: challengeToken
      .optional()
      .openapi({ description: "Instead of an access token: a login's mfa_enrolment_required challenge" }),
  })
  .strict()
  .openapi("EnrolTotpRequest");

export const TotpEnrolmentSchema = z
  .object({
    secret: z.string().openapi({ description: "Base32, for typing into the app by hand" }),
    otpauth_url: z.string(),
    qr_svg: z.string().openapi({ description: "The otpauth URL as a QR code (SVG markup)" }),
  })
  .openapi("TotpEnrolment");

export const ConfirmTotpBody = z
  .object({ code: totpCode, challenge_token: challengeToken.optional() })
  .strict()
  .openapi("ConfirmTotpRequest");

export const ConfirmedTotpSchema = z
  .object({ recovery_codes: z.array(z.string()).openapi({ description: "Ten one-time codes, shown only in this answer" }) })
  .extend(TokenPairSchema.partial().shape)
  .openapi("ConfirmedTotp", { description: "Recovery codes; with a challenge_token also the login's token pair" });

export const RemoveTotpBody = z.object({ password }).strict().openapi("RemoveTotpRequest");

export const MfaStatusSchema = z
  .object({
    totp: z.object({ enabled: z.boolean(), confirmed_at: z.string().nullable() }),
    passkeys: z.number().int(),
    recovery_codes_left: z.number().int(),
  })
  .openapi("MfaStatus");

export const VerifyMfaBody = z
  .object({
    challenge_token: challengeToken,
    code: totpCode.optional(),
    recovery_code: z.string().trim().min(1).max(40).optional(),
  })
  .strict()
  .refine((body) => (body.code === undefined) !== (body.recovery_code === undefined), {
    message: "give either code or recovery_code",
    path: ["code"],
  })
  .openapi("VerifyMfaRequest");
