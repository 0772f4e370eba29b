/** A client's record as a FHIR R4 Bundle (docs/api.md §13): the owner only; another clinician's client is 404. */
import { createRoute } from "@hono/zod-openapi";
import { workspaceOwner } from "../auth/guard";
import { bearerSecurity, problemResponses } from "../lib/schemas";
import { ClientIdParams } from "../workspace/clients/clients.schemas";
import { FhirBundleSchema } from "./convert.schemas";
import { FHIR_JSON } from "./terminology";

export const clientBundleRoute = createRoute({
  method: "get",
  path: "/clients/{id}/fhir",
  tags: ["FHIR"],
  security: bearerSecurity,
  summary:
    "One of your clients' records as a FHIR R4 Bundle (type collection): a pseudonymous Patient (no name), each measure's " +
    "QuestionnaireResponse and Observation, each recorded diagnosis as a Condition, the plan as a CarePlan with Goals, each " +
    "note as a DocumentReference (LOINC 11506-3; final when signed, preliminary when draft) and a Provenance for model-drafted notes",
  middleware: workspaceOwner,
  request: { params: ClientIdParams },
  responses: {
    200: { description: "The client's record as a FHIR R4 Bundle", content: { [FHIR_JSON]: { schema: FhirBundleSchema } } },
    ...problemResponses(400, 401, 403, 404, 503),
  },
});
