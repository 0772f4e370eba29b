import type { AppRouteHandler } from "../lib/openapi";
import { assess } from "./assessment";
import type { scoreRoute } from "./assessments.routes";

export const scoreHandler: AppRouteHandler<typeof scoreRoute> = (c) =>
  c.json(assess(c.req.valid("param").instrument, c.req.valid("json").responses), 200);
