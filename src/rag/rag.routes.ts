import { createRoute, z } from "@hono/zod-openapi";
import { requireLicensedToken } from "../auth/guard";
import { bearerSecurity, problemResponses } from "../lib/schemas";
import { DiagnoseAnswer, DiagnoseInput, TreatmentAnswer, TreatmentInput } from "./rag.schemas";

const tags = ["RAG"];
const errors = problemResponses(400, 401, 403, 413, 415, 429, 502, 503, 504);
const sse = { "text/event-stream": { schema: z.string().openapi({ description: "events: sources, delta…, done (the JSON answer) or error (a problem)" }) } };

function answerResponses<T extends z.ZodType>(schema: T, description: string) {
  return { 200: { description, content: { "application/json": { schema }, ...sse } }, ...errors };
}

const diagnoseDescription = "Ranked differential with DSM-5-TR and ICD-11 codes, each item citing retrieved sources; `Accept: text/event-stream` streams it";
const treatmentDescription = "Evidence-based treatment plan citing retrieved guidelines (medication considerations for psychiatrists and admins only)";

export const diagnoseGet = createRoute({
  method: "get", path: "/rag/diagnose", tags, security: bearerSecurity, summary: diagnoseDescription,
  middleware: [requireLicensedToken],
  request: { query: DiagnoseInput },
  responses: answerResponses(DiagnoseAnswer, "The differential"),
});

export const diagnosePost = createRoute({
  method: "post", path: "/rag/diagnose", tags, security: bearerSecurity, summary: `${diagnoseDescription} (body form, for long notes)`,
  middleware: [requireLicensedToken],
  request: { body: { required: true, content: { "application/json": { schema: DiagnoseInput } } } },
  responses: answerResponses(DiagnoseAnswer, "The differential"),
});

export const treatmentGet = createRoute({
  method: "get", path: "/rag/treatment", tags, security: bearerSecurity, summary: treatmentDescription,
  middleware: [requireLicensedToken],
  request: { query: TreatmentInput },
  responses: answerResponses(TreatmentAnswer, "The treatment plan"),
});

export const treatmentPost = createRoute({
  method: "post", path: "/rag/treatment", tags, security: bearerSecurity, summary: `${treatmentDescription} (body form)`,
  middleware: [requireLicensedToken],
  request: { body: { required: true, content: { "application/json": { schema: TreatmentInput } } } },
  responses: answerResponses(TreatmentAnswer, "The treatment plan"),
});
