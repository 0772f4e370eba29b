import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { createRouter } from "../lib/openapi";
import { noStore } from "../lib/response-headers";
import { changeUserPassword, currentUser, loginUser, logoutUser, refreshTokens, registerUser, updateCurrentUser } from "./auth.handlers";
import { changePassword, login, logout, logoutAll, me, refresh, register, updateMe } from "./auth.routes";
import { eraseMeHandler, exportMeHandler, myAuditEventsHandler } from "./data-rights.handlers";
import { eraseMe, exportMe, myAuditEvents } from "./data-rights.routes";
import { jwtSecret } from "./guard";
import { logoutAllHandler } from "./logout-all.handlers";
import { confirmTotpHandler, enrolTotpHandler, mfaStatusHandler, removeTotpHandler, verifyMfaHandler } from "./mfa/mfa.handlers";
import { confirmTotpRoute, enrolTotpRoute, mfaStatusRoute, removeTotpRoute, verifyMfaRoute } from "./mfa/mfa.routes";
import { passkeysRouter } from "./passkeys/passkeys.index";
import { createTokenHandler, listTokensHandler, revokeTokenHandler } from "./personal-tokens.handlers";
import { createToken, listTokens, revokeToken } from "./personal-tokens.routes";

/** Every account route needs the signing key: without a usable one they answer 503, never sign with a default. */
const requireSigningKey = createMiddleware<AppEnv>(async (c, next) => {
  jwtSecret(c);
  await next();
});

const router = createRouter();
// Every answer here carries tokens or personal data (or is an error about them): kept by no cache.
// First, so that the signing key's 503 is covered too.
router.use(noStore);
router.use(requireSigningKey);
// Chained so that the exported router's type carries every route (`use` would return a plain Hono).
export const authRouter = router
  .openapi(register, registerUser)
  .openapi(login, loginUser)
  .openapi(refresh, refreshTokens)
  .openapi(logout, logoutUser)
  .openapi(logoutAll, logoutAllHandler)
  .openapi(me, currentUser)
  .openapi(updateMe, updateCurrentUser)
  .openapi(changePassword, changeUserPassword)
  .openapi(createToken, createTokenHandler)
  .openapi(listTokens, listTokensHandler)
  .openapi(revokeToken, revokeTokenHandler)
  .openapi(exportMe, exportMeHandler)
  .openapi(myAuditEvents, myAuditEventsHandler)
  .openapi(eraseMe, eraseMeHandler)
  .openapi(mfaStatusRoute, mfaStatusHandler)
  .openapi(enrolTotpRoute, enrolTotpHandler)
  .openapi(confirmTotpRoute, confirmTotpHandler)
  .openapi(removeTotpRoute, removeTotpHandler)
  .openapi(verifyMfaRoute, verifyMfaHandler)
  .route("/", passkeysRouter);
