/** Router factory: every feature router validates with zod and reports failures as problems ({@link validationProblem}). */
import { OpenAPIHono, type RouteConfig, type RouteConfigToEnv, type RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../env";
import { validationProblem } from "./problem";

export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (result.success) return;
      // Body fields are reported as `body.<field>` whichever media type carried them.
      throw validationProblem(result.error.issues, result.target === "json" || result.target === "form" ? "body" : result.target);
    },
  });
}

export type Router = ReturnType<typeof createRouter>;

/**
 * A handler typed by its route: request and response types from the route's schemas, and the
 * variables its guard sets (a guarded route's handler sees `c.var.account`; others do not).
 */
export type AppRouteHandler<R extends RouteConfig> = RouteHandler<R, AppEnv & RouteConfigToEnv<R>>;
