import type { AppRouteHandler } from "../lib/openapi";
import { assessResponses } from "./assess";
import type { scoreRoute } from "./assessments.routes";

export const scoreHandler: AppRouteHandler<typeof scoreRoute> = (c) =>
  c.json(assessResponses(c.req.valid("param").instrument, c.req.valid("json").responses), 200);
