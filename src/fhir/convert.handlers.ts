import type { AppRouteHandler } from "../lib/openapi";
import { useCaseDeps } from "../use-case/deps";
import { convertToFhir } from "./convert.flow";
import type { convertRoute } from "./convert.routes";
import { FHIR_JSON } from "./terminology";

export const convertHandler: AppRouteHandler<typeof convertRoute> = async (c) =>
  c.json(await convertToFhir(useCaseDeps(c), c.req.valid("json"), { action: "fhir.convert" }), 200, { "Content-Type": FHIR_JSON });
