/** Router factory: every feature router validates with zod and reports failures as problems. */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../env";
import { ProblemError } from "./problem";

export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (result.success) return;
      const errors = result.error.issues.map((issue) => ({
        path: [result.target, ...issue.path.map(String)].join("."),
        message: issue.message,
      }));
      throw new ProblemError(400, {
        code: "validation_error",
        detail: `The request is invalid: ${errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`,
        errors,
      });
    },
  });
}

export type Router = ReturnType<typeof createRouter>;
