import type { AppRouteHandler } from "../lib/openapi";
import type { logoutAll } from "./auth.routes";
import { signOutEverywhere } from "./sign-out-everywhere";

export const logoutAllHandler: AppRouteHandler<typeof logoutAll> = async (c) => {
  await signOutEverywhere(c, c.var.token);
  return c.body(null, 204);
};
