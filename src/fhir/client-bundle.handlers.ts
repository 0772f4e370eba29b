import type { z } from "@hono/zod-openapi";
import type { AppRouteHandler } from "../lib/openapi";
import { useCaseDeps } from "../use-case/deps";
import { exportClientBundle } from "./client-bundle.flow";
import type { clientBundleRoute } from "./client-bundle.routes";
import type { FhirBundleSchema } from "./convert.schemas";
import { FHIR_JSON } from "./terminology";

export const clientBundleHandler: AppRouteHandler<typeof clientBundleRoute> = async (c) => {
  // The OpenAPI schema describes a Bundle loosely; @medplum/fhirtypes' Bundle is the precise type.
  const { bundle } = await exportClientBundle(useCaseDeps(c), c.req.valid("param").id);
  return c.json(bundle as z.infer<typeof FhirBundleSchema>, 200, { "Content-Type": FHIR_JSON });
};
