/** Measures over time (docs/api.md §12): questionnaires administered to your client, scored and kept, and read back as a series. */
import { createRoute, z } from "@hono/zod-openapi";
import { workspaceOwner } from "../../auth/guard";
import { bearerSecurity, jsonContent, problemResponses } from "../../lib/schemas";
import { ClientIdParams } from "../clients/clients.schemas";
import { CreateMeasureBody, MeasureListQuery, MeasureSchema, MeasureSeriesSchema, MeasureSummaryListSchema } from "./measures.schemas";

const tags = ["Workspace"];
const security = bearerSecurity;
const middleware = workspaceOwner;

export const createMeasureRoute = createRoute({
  method: "post",
  path: "/clients/{id}/measures",
  tags,
  security,
  summary:
    "Record a questionnaire your client completed: scored as POST /assessments/{instrument} (same validation), stored with " +
    "the answers encrypted, and returned with its band, flags and safety block",
  middleware,
  request: { params: ClientIdParams, body: { required: true, content: { "application/json": { schema: CreateMeasureBody } } } },
  responses: { 201: jsonContent(MeasureSchema, "Recorded"), ...problemResponses(400, 401, 403, 404, 413, 415, 503) },
});

export const listMeasuresRoute = createRoute({
  method: "get",
  path: "/clients/{id}/measures",
  tags,
  security,
  summary:
    "With ?instrument=, that instrument's series oldest first, each score read against the first by the published " +
    "reliable-change, response and remission rule; without it, the first and latest score of each instrument",
  middleware,
  request: { params: ClientIdParams, query: MeasureListQuery },
  responses: {
    200: jsonContent(z.union([MeasureSeriesSchema, MeasureSummaryListSchema]), "A series, or the summary of every instrument"),
    ...problemResponses(400, 401, 403, 404, 503),
  },
});
