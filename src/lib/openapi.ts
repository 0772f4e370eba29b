/** Router factory: every feature router validates with zod and reports failures as problems. */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../env";
import { ProblemError } from "./problem";

export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (result.success) return;
      // Body fields are reported as `body.<field>` whichever media type carried them.
      const location = result.target === "json" || result.target === "form" ? "body" : result.target;
      const errors = result.error.issues.flatMap((issue) =>
        // An unknown field is reported at its own path, so a client can point at it.
        issue.code === "unrecognized_keys"
          ? issue.keys.map((key) => ({ path: [location, ...issue.path.map(String), key].join("."), message: `Unknown field "${key}"; this route does not accept it.` }))
          : [{ path: [location, ...issue.path.map(String)].join("."), message: issue.message }],
      );
      throw new ProblemError(400, {
        code: "validation_error",
        detail: `The request is invalid: ${errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`,
        errors,
      });
    },
  });
}

export type Router = ReturnType<typeof createRouter>;
