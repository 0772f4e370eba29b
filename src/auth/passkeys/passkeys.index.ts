/** The passkey routes, mounted inside the account router (/api/auth), which keeps their answers out of every cache. */
import { createRouter } from "../../lib/openapi";
import {
  authenticationOptionsHandler,
  authenticationVerifyHandler,
  listPasskeysHandler,
  registrationOptionsHandler,
  registrationVerifyHandler,
  removePasskeyHandler,
} from "./passkeys.handlers";
import {
  authenticationOptions,
  authenticationVerify,
  listPasskeysRoute,
  registrationOptions,
  registrationVerify,
  removePasskeyRoute,
} from "./passkeys.routes";

export const passkeysRouter = createRouter()
  .openapi(registrationOptions, registrationOptionsHandler)
  .openapi(registrationVerify, registrationVerifyHandler)
  .openapi(listPasskeysRoute, listPasskeysHandler)
  .openapi(removePasskeyRoute, removePasskeyHandler)
  .openapi(authenticationOptions, authenticationOptionsHandler)
  .openapi(authenticationVerify, authenticationVerifyHandler);
