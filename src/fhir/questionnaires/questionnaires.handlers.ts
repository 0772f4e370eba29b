import { isInstrument } from "../../assessments/instrument-registry";
import type { AppRouteHandler } from "../../lib/openapi";
import { ProblemError } from "../../lib/problem";
import { useCaseDeps } from "../../use-case/deps";
import { questionnaire } from "../resources/questionnaire";
import { FHIR_JSON } from "../terminology";
import { scoreQuestionnaireResponse } from "./questionnaire-response.flow";
import type { getQuestionnaireRoute, scoreQuestionnaireResponseRoute } from "./questionnaires.routes";

export const getQuestionnaireHandler: AppRouteHandler<typeof getQuestionnaireRoute> = (c) => {
  const { instrument } = c.req.valid("param");
  if (!isInstrument(instrument))
    throw new ProblemError(404, { code: "not_found", detail: "No instrument has that id; GET /api/v1/assessments lists them." });
  // c.json with our media type: Hono keeps a Content-Type given here instead of application/json.
  return c.json(questionnaire(instrument), 200, { "Content-Type": FHIR_JSON });
};

export const scoreQuestionnaireResponseHandler: AppRouteHandler<typeof scoreQuestionnaireResponseRoute> = async (c) =>
  c.json(await scoreQuestionnaireResponse(useCaseDeps(c), c.req.valid("json")), 200);
