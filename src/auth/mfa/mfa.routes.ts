/** Two-factor sign-in: TOTP enrolment, status and removal, and the login's second step. Mounted under /api/auth. */
import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, jsonContent, problemResponses } from "../../lib/schemas";
import { TokenPairSchema } from "../auth.schemas";
import { authenticated } from "../guard";
import {
  ConfirmedTotpSchema,
  ConfirmTotpBody,
  EnrolTotpBody,
  MfaStatusSchema,
  RemoveTotpBody,
  TotpEnrolmentSchema,
  VerifyMfaBody,
} from "./mfa.schemas";
import { accountOrChallenge } from "./mfa-access";

const tags = ["Accounts"];
const security = [...bearerSecurity, {}];

export const mfaStatusRoute = createRoute({
  method: "get",
  path: "/mfa",
  tags,
  security: bearerSecurity,
  summary: "The caller's second factors: TOTP, passkey count, recovery codes left",
  middleware: authenticated,
  responses: { 200: jsonContent(MfaStatusSchema, "Status"), ...problemResponses(401, 403, 503) },
});

export const enrolTotpRoute = createRoute({
  method: "post",
  path: "/mfa/totp",
  tags,
  security,
  summary: "Start TOTP enrolment (access token + password, or a login's enrolment challenge_token): a new secret and its QR code",
  middleware: accountOrChallenge,
  request: { body: { required: true, content: { "application/json": { schema: EnrolTotpBody } } } },
  responses: { 201: jsonContent(TotpEnrolmentSchema, "Enrolment started"), ...problemResponses(400, 401, 403, 409, 415, 429, 503) },
});

export const confirmTotpRoute = createRoute({
  method: "post",
  path: "/mfa/totp/confirm",
  tags,
  security,
  summary: "Confirm TOTP with a current code: ten recovery codes shown once (and, with a challenge_token, the login's tokens)",
  middleware: accountOrChallenge,
  request: { body: { required: true, content: { "application/json": { schema: ConfirmTotpBody } } } },
  responses: { 200: jsonContent(ConfirmedTotpSchema, "Confirmed"), ...problemResponses(400, 401, 403, 409, 415, 429, 503) },
});

export const removeTotpRoute = createRoute({
  method: "delete",
  path: "/mfa/totp",
  tags,
  security: bearerSecurity,
  summary: "Remove TOTP and its recovery codes (with the current password)",
  middleware: authenticated,
  request: { body: { required: true, content: { "application/json": { schema: RemoveTotpBody } } } },
  responses: { 204: { description: "Removed" }, ...problemResponses(400, 401, 403, 404, 415, 429, 503) },
});

export const verifyMfaRoute = createRoute({
  method: "post",
  path: "/mfa/verify",
  tags,
  summary: "The login's second step: the challenge_token with a TOTP code or a recovery code; answers like login",
  request: { body: { required: true, content: { "application/json": { schema: VerifyMfaBody } } } },
  responses: { 200: jsonContent(TokenPairSchema, "Tokens and the user"), ...problemResponses(400, 401, 403, 415, 429, 503) },
});
