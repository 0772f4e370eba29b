import type { AppRouteHandler } from "../../lib/openapi";
import { useCaseDeps } from "../../use-case/deps";
import { measureSeries, measureSummaries, recordMeasure } from "./measures.flow";
import type { createMeasureRoute, listMeasuresRoute } from "./measures.routes";

export const createMeasureHandler: AppRouteHandler<typeof createMeasureRoute> = async (c) =>
  c.json(await recordMeasure(useCaseDeps(c), c.req.valid("param").id, c.req.valid("json")), 201);

export const listMeasuresHandler: AppRouteHandler<typeof listMeasuresRoute> = async (c) => {
  const clientId = c.req.valid("param").id;
  const { instrument } = c.req.valid("query");
  return c.json(
    instrument ? await measureSeries(useCaseDeps(c), clientId, instrument) : await measureSummaries(useCaseDeps(c), clientId),
    200,
  );
};
