import { createRoute } from "@hono/zod-openapi";
import { licensed } from "../auth/guard";
import { bearerSecurity, problemResponses } from "../lib/schemas";
import { ConvertInput, FhirBundleSchema } from "./convert.schemas";
import { FHIR_JSON } from "./terminology";

export const convertRoute = createRoute({
  method: "post",
  path: "/fhir/convert",
  tags: ["FHIR"],
  security: bearerSecurity,
  summary:
    "An answer the API gave (a §6 assessment result, a §10 note, a §3 diagnose or treatment answer) as a FHIR R4 Bundle of the " +
    "matching resources, with one unidentified Patient for the receiving system to link; nothing is stored",
  middleware: licensed,
  request: { body: { required: true, content: { "application/json": { schema: ConvertInput } } } },
  responses: {
    200: { description: "A FHIR R4 Bundle (type collection)", content: { [FHIR_JSON]: { schema: FhirBundleSchema } } },
    ...problemResponses(400, 401, 403, 413, 415, 503),
  },
});
