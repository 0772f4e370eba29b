/**
 * The console's passkey actions, for /app/assets/passkeys.js: the API's own passkey functions
 * (src/auth/passkeys/) behind the console session instead of a bearer token, answering JSON or
 * problem+json as the API does.
 * - Registration and removal need the signed-in session and its CSRF token (X-CSRF-Token header,
 *   or the `_csrf` field of the removal form when no script runs).
 * - Sign-in has no session yet: it takes only JSON bodies, which no other site can send here
 *   without a CORS preflight this Worker never grants, and the browser's answer itself is bound
 *   to this origin. A verified answer starts the console session (its cookies) and says where to go.
 */
import { Hono } from "hono";
import { z } from "zod";
import { passkeyRegistrationOptions, registerPasskey, removePasskey } from "../../auth/passkeys/passkey-registration";
import { passkeySignInOptions, signInWithPasskey } from "../../auth/passkeys/passkey-sign-in";
import {
  AuthenticationOptionsBody,
  AuthenticationVerifyBody,
  PasskeyParams,
  RegistrationVerifyBody,
  RemovePasskeyBody,
  toPasskey,
} from "../../auth/passkeys/passkeys.schemas";
import type { AppEnv } from "../../env";
import { handleError } from "../../lib/error-handler";
import { ProblemError } from "../../lib/problem";
import { jsonBody } from "../json-body";
import { parsed } from "../parsed";
import { consoleSession, safeReturnPath, setSessionCookies } from "../session";

export const passkeyActions = new Hono<AppEnv>();
passkeyActions.onError(handleError);

/** Only JSON reaches the sign-in actions (see above): a form post from anywhere is refused before it is read. */
passkeyActions.use("/passkeys/authentication/*", async (c, next) => {
  if (!/^application\/json/i.test(c.req.header("Content-Type") ?? ""))
    throw new ProblemError(415, { code: "unsupported_media_type", detail: "Send the passkey request as application/json." });
  await next();
});

passkeyActions.post("/passkeys/registration/options", consoleSession, async (c) =>
  c.json(await passkeyRegistrationOptions(c, c.var.account), 200),
);

passkeyActions.post("/passkeys/registration/verify", consoleSession, jsonBody(RegistrationVerifyBody), async (c) =>
  c.json(toPasskey(await registerPasskey(c, c.var.account, c.req.valid("json"))), 201),
);

/** JSON from the script (204), or the plain form without it (back to settings). */
passkeyActions.post("/passkeys/:id/remove", consoleSession, async (c) => {
  const { id } = parsed(PasskeyParams.safeParse(c.req.param()), "path");
  const isJson = /^application\/json/i.test(c.req.header("Content-Type") ?? "");
  const raw = isJson ? await c.req.json().catch(() => null) : { password: (await c.req.parseBody()).password };
  const { password } = parsed(RemovePasskeyBody.safeParse(raw), "body");
  await removePasskey(c, c.var.account, id, password);
  return isJson ? c.body(null, 204) : c.redirect("/app/settings?done=passkey_removed#passkeys", 303);
});

passkeyActions.post("/passkeys/authentication/options", jsonBody(AuthenticationOptionsBody), async (c) =>
  c.json(await passkeySignInOptions(c, c.req.valid("json").challenge_token), 200),
);

const SignInBody = AuthenticationVerifyBody.extend({ next: z.string().max(2000).optional() });

passkeyActions.post("/passkeys/authentication/verify", jsonBody(SignInBody), async (c) => {
  const { next, ...body } = c.req.valid("json");
  const grant = await signInWithPasskey(c, body);
  await setSessionCookies(c, grant);
  return c.json({ redirect: safeReturnPath(next) }, 200);
});
