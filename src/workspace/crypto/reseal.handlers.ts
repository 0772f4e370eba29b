import type { AppRouteHandler } from "../../lib/openapi";
import { useCaseDeps } from "../../use-case/deps";
import { resealWorkspace } from "./reseal.flow";
import type { resealRoute } from "./reseal.routes";

export const resealHandler: AppRouteHandler<typeof resealRoute> = async (c) =>
  c.json(await resealWorkspace(useCaseDeps(c), c.req.valid("json")?.batch_size ?? 100), 200);
