/** The FHIR R4 routes (docs/api.md §13): each group in its own routes file, mounted here. */
import { createRouter } from "../lib/openapi";

export const fhirRouter = createRouter();
