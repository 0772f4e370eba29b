/** Router factory: every feature router validates with zod and reports failures as problems. */
import { OpenAPIHono, type RouteConfig, type RouteConfigToEnv, type RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../env";
import { invalidFields, type ProblemError } from "./problem";

/** What a zod issue carries that a problem reports (unknown keys are listed in `keys`). */
type Issue = { code: string; path: PropertyKey[]; message: string; keys?: string[] };

/**
 * A 400 `validation_error` listing each issue at `<location>.<path>` (`body.email`,
 * `query.limit`). An unknown field is reported at its own path, so a client can point at it.
 * However many issues the input has, the problem lists a bounded number ({@link invalidFields}).
 */
export function validationProblem(issues: readonly Issue[], location: string, detail = "The request is invalid"): ProblemError {
  const errors = issues.flatMap((issue) =>
    issue.code === "unrecognized_keys" && issue.keys
      ? issue.keys.map((key) => ({
          path: [location, ...issue.path.map(String), key].join("."),
          message: `Unknown field "${key}"; this route does not accept it.`,
        }))
      : [{ path: [location, ...issue.path.map(String)].join("."), message: issue.message }],
  );
  return invalidFields(errors, detail);
}

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
