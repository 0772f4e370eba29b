import type { AppRouteHandler } from "../lib/openapi";
import { assess } from "./assessment";
import type { listRoute, scoreRoute } from "./assessments.routes";
import { CATALOGUE } from "./catalogue";

export const listHandler: AppRouteHandler<typeof listRoute> = (c) => c.json({ instruments: CATALOGUE }, 200);

export const scoreHandler: AppRouteHandler<typeof scoreRoute> = (c) =>
  c.json(assess(c.req.valid("param").instrument, c.req.valid("json").responses), 200);
