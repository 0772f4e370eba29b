import type { AppRouteHandler } from "../../lib/openapi";
import { ProblemError } from "../../lib/problem";
import { tokenPairBody } from "../sessions";
import type { confirmTotpRoute, enrolTotpRoute, mfaStatusRoute, removeTotpRoute, verifyMfaRoute } from "./mfa.routes";
import { enrollerOf } from "./mfa-access";
import { verifySecondFactor } from "./mfa-verify";
import { confirmTotp, enrolTotp, mfaStatus, removeTotp, requirePassword } from "./totp-enrolment";

export const mfaStatusHandler: AppRouteHandler<typeof mfaStatusRoute> = async (c) => c.json(await mfaStatus(c, c.var.account.id), 200);

export const enrolTotpHandler: AppRouteHandler<typeof enrolTotpRoute> = async (c) => {
  const body = c.req.valid("json");
  const { who, signedIn } = await enrollerOf(c, body);
  if (signedIn) {
    if (body.password === undefined)
      throw new ProblemError(400, {
        code: "validation_error",
        detail: "Give your current password to set up two-factor sign-in.",
        errors: [{ path: "body.password", message: "required" }],
      });
    await requirePassword(c, who.user, body.password, "auth.mfa.enrol");
  }
  const enrolment = await enrolTotp(c, who);
  return c.json({ secret: enrolment.secret, otpauth_url: enrolment.otpauthUrl, qr_svg: enrolment.qrSvg }, 201);
};

export const confirmTotpHandler: AppRouteHandler<typeof confirmTotpRoute> = async (c) => {
  const body = c.req.valid("json");
  const { who } = await enrollerOf(c, body);
  const { recoveryCodes, grant } = await confirmTotp(c, who, body.code);
  return c.json({ recovery_codes: recoveryCodes, ...(grant ? await tokenPairBody(c, grant) : {}) }, 200);
};

export const removeTotpHandler: AppRouteHandler<typeof removeTotpRoute> = async (c) => {
  await removeTotp(c, c.var.account, c.req.valid("json").password);
  return c.body(null, 204);
};

export const verifyMfaHandler: AppRouteHandler<typeof verifyMfaRoute> = async (c) => {
  const { challenge_token, code, recovery_code } = c.req.valid("json");
  const grant = await verifySecondFactor(c, challenge_token, code !== undefined ? { code } : { recovery_code: recovery_code! });
  return c.json(await tokenPairBody(c, grant), 200);
};
