import { createRoute, z } from "@hono/zod-openapi";
import { registerRateLimit } from "../lib/rate-limits";
import { bearerSecurity, jsonContent, problemResponses } from "../lib/schemas";
import { ChangePasswordBody, LoginBody, RefreshBody, RegisterBody, TokenPairSchema, UpdateMeBody, UserSchema } from "./auth.schemas";
import { authenticated, readAccess, tokenChecked } from "./guard";
import { LoginAnswerSchema } from "./mfa/mfa.schemas";

const tags = ["Accounts"];
const bearer = bearerSecurity;

/** The OAuth2 password grant form, so the docs' "Authorize" dialog can log in. */
const LoginForm = z.object({
  username: z.string().trim().min(1).max(254).openapi({ description: "username or email" }),
  password: z.string().min(1).max(128),
  grant_type: z.string().max(50).optional(),
  scope: z.string().max(500).optional(),
  client_id: z.string().max(200).optional(),
  client_secret: z.string().max(200).optional(),
});

export const register = createRoute({
  method: "post",
  path: "/register",
  tags,
  summary: "Create an account (role defaults to student; licensed roles start unverified)",
  middleware: [registerRateLimit] as const,
  request: { body: { required: true, content: { "application/json": { schema: RegisterBody } } } },
  responses: { 201: jsonContent(z.object({ user: UserSchema }), "Created"), ...problemResponses(400, 409, 413, 415, 429, 503) },
});

export const login = createRoute({
  method: "post",
  path: "/login",
  tags,
  summary: "Log in with JSON {username | email, password} or the OAuth2 password form",
  request: {
    body: {
      content: {
        "application/json": { schema: LoginBody },
        "application/x-www-form-urlencoded": { schema: LoginForm },
        "multipart/form-data": { schema: LoginForm },
      },
    },
  },
  responses: {
    200: jsonContent(LoginAnswerSchema, "Tokens and the user, or (a second factor needed) a challenge for POST /api/auth/mfa/verify"),
    ...problemResponses(400, 401, 403, 415, 429, 503),
  },
});

export const refresh = createRoute({
  method: "post",
  path: "/refresh",
  tags,
  summary: "Exchange a refresh token for a new pair (rotation; reuse revokes the login's chain)",
  request: { body: { required: true, content: { "application/json": { schema: RefreshBody } } } },
  responses: { 200: jsonContent(TokenPairSchema, "A new pair"), ...problemResponses(400, 401, 403, 415, 503) },
});

export const logout = createRoute({
  method: "post",
  path: "/logout",
  tags,
  security: bearer,
  summary: "Revoke the caller's refresh chain",
  middleware: tokenChecked,
  responses: { 204: { description: "Logged out" }, ...problemResponses(401, 403, 503) },
});

export const logoutAll = createRoute({
  method: "post",
  path: "/logout-all",
  tags,
  security: bearer,
  summary: "Sign out everywhere: revoke every login of the caller, this one included (personal tokens stay)",
  middleware: authenticated,
  responses: { 204: { description: "Every login ended" }, ...problemResponses(401, 403, 503) },
});

export const me = createRoute({
  method: "get",
  path: "/me",
  tags,
  security: bearer,
  summary: "The caller's account (personal tokens with scope read too)",
  middleware: readAccess,
  responses: { 200: jsonContent(UserSchema, "The user"), ...problemResponses(401, 403, 503) },
});

export const updateMe = createRoute({
  method: "patch",
  path: "/me",
  tags,
  security: bearer,
  summary: "Update own names, organization and licence fields (licence changes reset verification)",
  middleware: authenticated,
  request: { body: { required: true, content: { "application/json": { schema: UpdateMeBody } } } },
  responses: { 200: jsonContent(UserSchema, "The updated user"), ...problemResponses(400, 401, 403, 415, 503) },
});

export const changePassword = createRoute({
  method: "post",
  path: "/change-password",
  tags,
  security: bearer,
  summary: "Change password; every older access and refresh token stops working",
  middleware: authenticated,
  request: { body: { required: true, content: { "application/json": { schema: ChangePasswordBody } } } },
  responses: { 204: { description: "Changed; log in again" }, ...problemResponses(400, 401, 403, 415, 429, 503) },
});
