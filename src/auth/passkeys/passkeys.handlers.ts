import type { AppRouteHandler } from "../../lib/openapi";
import { tokenPairBody } from "../sessions";
import { passkeyRegistrationOptions, registerPasskey, removePasskey } from "./passkey-registration";
import { passkeySignInOptions, signInWithPasskey } from "./passkey-sign-in";
import { listPasskeys } from "./passkeys.data";
import type {
  authenticationOptions,
  authenticationVerify,
  listPasskeysRoute,
  registrationOptions,
  registrationVerify,
  removePasskeyRoute,
} from "./passkeys.routes";
import { toPasskey } from "./passkeys.schemas";

export const registrationOptionsHandler: AppRouteHandler<typeof registrationOptions> = async (c) =>
  c.json(await passkeyRegistrationOptions(c, c.var.account), 200);

export const registrationVerifyHandler: AppRouteHandler<typeof registrationVerify> = async (c) =>
  c.json(toPasskey(await registerPasskey(c, c.var.account, c.req.valid("json"))), 201);

export const listPasskeysHandler: AppRouteHandler<typeof listPasskeysRoute> = async (c) =>
  c.json({ passkeys: (await listPasskeys(c.var.db, c.var.account.id)).map(toPasskey) }, 200);

export const removePasskeyHandler: AppRouteHandler<typeof removePasskeyRoute> = async (c) => {
  await removePasskey(c, c.var.account, c.req.valid("param").id, c.req.valid("json").password);
  return c.body(null, 204);
};

export const authenticationOptionsHandler: AppRouteHandler<typeof authenticationOptions> = async (c) => {
  // The body is optional: no body (or `{}`) asks for a passwordless sign-in.
  const body = (c.req.valid("json") as { challenge_token?: string } | undefined) ?? {};
  return c.json(await passkeySignInOptions(c, body.challenge_token), 200);
};

export const authenticationVerifyHandler: AppRouteHandler<typeof authenticationVerify> = async (c) =>
  c.json(await tokenPairBody(c, await signInWithPasskey(c, c.req.valid("json"))), 200);
