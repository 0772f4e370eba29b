import type { AppRouteHandler } from "../../lib/openapi";
import { useCaseDeps } from "../../use-case/deps";
import { changeDiagnosisVerification, listClientDiagnoses, recordDiagnosis } from "./diagnoses.flow";
import type { listDiagnosesRoute, recordDiagnosisRoute, updateDiagnosisRoute } from "./diagnoses.routes";

export const recordDiagnosisHandler: AppRouteHandler<typeof recordDiagnosisRoute> = async (c) =>
  c.json(await recordDiagnosis(useCaseDeps(c), c.req.valid("param").id, c.req.valid("json")), 201);

export const listDiagnosesHandler: AppRouteHandler<typeof listDiagnosesRoute> = async (c) =>
  c.json(await listClientDiagnoses(useCaseDeps(c), c.req.valid("param").id), 200);

export const updateDiagnosisHandler: AppRouteHandler<typeof updateDiagnosisRoute> = async (c) => {
  const { id, diagnosis_id } = c.req.valid("param");
  return c.json(await changeDiagnosisVerification(useCaseDeps(c), id, diagnosis_id, c.req.valid("json").verification), 200);
};
