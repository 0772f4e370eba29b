import type { AppRouteHandler } from "../lib/openapi";
import { useCaseDeps } from "../use-case/deps";
import { scoreQuestionnaire } from "./assessment.flow";
import type { listRoute, scoreRoute } from "./assessments.routes";
import { CATALOGUE } from "./catalogue";

export const listHandler: AppRouteHandler<typeof listRoute> = (c) => c.json({ instruments: CATALOGUE }, 200);

export const scoreHandler: AppRouteHandler<typeof scoreRoute> = async (c) =>
  c.json(
    await scoreQuestionnaire(useCaseDeps(c), c.req.valid("param").instrument, c.req.valid("json").responses, {
      action: "assessment.score",
    }),
    200,
  );
