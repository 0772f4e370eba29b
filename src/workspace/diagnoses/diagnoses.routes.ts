/** Diagnoses in a client's record (docs/api.md §12): recorded by the clinician, provisional until confirmed. */
import { createRoute, z } from "@hono/zod-openapi";
import { workspaceOwner } from "../../auth/guard";
import { bearerSecurity, jsonContent, problemResponses } from "../../lib/schemas";
import { ClientIdParams } from "../clients/clients.schemas";
import { DiagnosisParams, DiagnosisSchema, RecordDiagnosisBody, UpdateDiagnosisBody } from "./diagnoses.schemas";

const tags = ["Workspace"];
const security = bearerSecurity;
const middleware = workspaceOwner;

export const recordDiagnosisRoute = createRoute({
  method: "post",
  path: "/clients/{id}/diagnoses",
  tags,
  security,
  summary: "Record a diagnosis for a client (e.g. one from a differential), provisional unless you say otherwise",
  middleware,
  request: { params: ClientIdParams, body: { required: true, content: { "application/json": { schema: RecordDiagnosisBody } } } },
  responses: { 201: jsonContent(DiagnosisSchema, "Recorded"), ...problemResponses(400, 401, 403, 404, 413, 415, 503) },
});

export const listDiagnosesRoute = createRoute({
  method: "get",
  path: "/clients/{id}/diagnoses",
  tags,
  security,
  summary: "A client's recorded diagnoses, oldest first",
  middleware,
  request: { params: ClientIdParams },
  responses: {
    200: jsonContent(z.object({ diagnoses: z.array(DiagnosisSchema) }), "The diagnoses"),
    ...problemResponses(400, 401, 403, 404, 503),
  },
});

export const updateDiagnosisRoute = createRoute({
  method: "patch",
  path: "/clients/{id}/diagnoses/{diagnosis_id}",
  tags,
  security,
  summary: "Change a recorded diagnosis's verification status (confirm it, refute it, or mark it entered in error)",
  middleware,
  request: { params: DiagnosisParams, body: { required: true, content: { "application/json": { schema: UpdateDiagnosisBody } } } },
  responses: { 200: jsonContent(DiagnosisSchema, "The diagnosis"), ...problemResponses(400, 401, 403, 404, 413, 415, 503) },
});
