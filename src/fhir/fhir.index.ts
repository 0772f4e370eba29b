/** The FHIR R4 routes (docs/api.md §13): each group in its own routes file, mounted here. */
import { createRouter } from "../lib/openapi";
import { clientBundleHandler } from "./client-bundle.handlers";
import { clientBundleRoute } from "./client-bundle.routes";
import { convertHandler } from "./convert.handlers";
import { convertRoute } from "./convert.routes";
import { getQuestionnaireHandler, scoreQuestionnaireResponseHandler } from "./questionnaires/questionnaires.handlers";
import { getQuestionnaireRoute, scoreQuestionnaireResponseRoute } from "./questionnaires/questionnaires.routes";

export const fhirRouter = createRouter()
  .openapi(clientBundleRoute, clientBundleHandler)
  .openapi(convertRoute, convertHandler)
  .openapi(getQuestionnaireRoute, getQuestionnaireHandler)
  .openapi(scoreQuestionnaireResponseRoute, scoreQuestionnaireResponseHandler);
