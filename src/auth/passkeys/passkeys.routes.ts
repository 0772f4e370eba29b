/** /api/auth/passkeys: register, list and remove your passkeys (signed in); sign in with one (docs/api.md §14). */
import { createRoute, z } from "@hono/zod-openapi";
import { bearerSecurity, jsonContent, problemResponses } from "../../lib/schemas";
import { TokenPairSchema } from "../auth.schemas";
import { authenticated } from "../guard";
import {
  AuthenticationOptionsBody,
  AuthenticationVerifyBody,
  CreationOptionsSchema,
  PasskeyParams,
  PasskeySchema,
  RegistrationVerifyBody,
  RemovePasskeyBody,
  RequestOptionsSchema,
} from "./passkeys.schemas";

const tags = ["Accounts"];
const security = bearerSecurity;

export const registrationOptions = createRoute({
  method: "post",
  path: "/passkeys/registration/options",
  tags,
  security,
  summary: "Start registering a passkey: options for navigator.credentials.create() (the challenge lasts 5 minutes, once)",
  middleware: authenticated,
  responses: { 200: jsonContent(CreationOptionsSchema, "WebAuthn creation options"), ...problemResponses(400, 401, 403, 409, 503) },
});

export const registrationVerify = createRoute({
  method: "post",
  path: "/passkeys/registration/verify",
  tags,
  security,
  summary: "Finish registering a passkey with the browser's answer and a name for it",
  middleware: authenticated,
  request: { body: { required: true, content: { "application/json": { schema: RegistrationVerifyBody } } } },
  responses: { 201: jsonContent(PasskeySchema, "The stored passkey"), ...problemResponses(400, 401, 403, 409, 415, 429, 503) },
});

export const listPasskeysRoute = createRoute({
  method: "get",
  path: "/passkeys",
  tags,
  security,
  summary: "The caller's passkeys, newest first",
  middleware: authenticated,
  responses: {
    200: jsonContent(z.object({ passkeys: z.array(PasskeySchema) }), "Passkeys (at most 20, so not paged)"),
    ...problemResponses(401, 403, 503),
  },
});

export const removePasskeyRoute = createRoute({
  method: "delete",
  path: "/passkeys/{id}",
  tags,
  security,
  summary: "Remove one of the caller's passkeys (the current password confirms)",
  middleware: authenticated,
  request: { params: PasskeyParams, body: { required: true, content: { "application/json": { schema: RemovePasskeyBody } } } },
  responses: { 204: { description: "Removed" }, ...problemResponses(400, 401, 403, 404, 415, 429, 503) },
});

export const authenticationOptions = createRoute({
  method: "post",
  path: "/passkeys/authentication/options",
  tags,
  summary:
    "Start a passkey sign-in: options for navigator.credentials.get(); with a login's challenge_token, that account's passkeys as its second factor",
  request: { body: { content: { "application/json": { schema: AuthenticationOptionsBody } } } },
  responses: { 200: jsonContent(RequestOptionsSchema, "WebAuthn request options"), ...problemResponses(400, 401, 409, 415, 429, 503) },
});

export const authenticationVerify = createRoute({
  method: "post",
  path: "/passkeys/authentication/verify",
  tags,
  summary: "Sign in with the browser's passkey answer (passwordless, or completing a login's second factor): the login's tokens",
  request: { body: { required: true, content: { "application/json": { schema: AuthenticationVerifyBody } } } },
  responses: {
    200: jsonContent(TokenPairSchema, "Tokens and the user, as login answers"),
    ...problemResponses(400, 401, 403, 415, 429, 503),
  },
});
