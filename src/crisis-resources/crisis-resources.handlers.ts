import type { AppRouteHandler } from "../lib/openapi";
import { CRISIS_RESOURCES_CHECKED, crisisResourcesFor } from "../safety/crisis-resources";
import { useCaseDeps } from "../use-case/deps";
import type { crisisResourcesRoute } from "./crisis-resources.routes";

/** The asked country's list, else the caller's choice (the one every safety block of theirs uses). */
export const crisisResourcesHandler: AppRouteHandler<typeof crisisResourcesRoute> = (c) => {
  const country = c.req.valid("query").country ?? useCaseDeps(c).country;
  return c.json({ ...crisisResourcesFor(country), checked: CRISIS_RESOURCES_CHECKED }, 200);
};
