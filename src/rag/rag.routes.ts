import { createRoute, z } from "@hono/zod-openapi";
import { licensed } from "../auth/guard";
import { bearerSecurity, problemResponses } from "../lib/schemas";
import { DiagnoseAnswer, DiagnoseInput, TreatmentAnswer, TreatmentInput } from "./rag.schemas";

const tags = ["RAG"];
const errors = problemResponses(400, 401, 403, 413, 415, 429, 502, 503, 504);
const sse = {
  "text/event-stream": {
    schema: z.string().openapi({ description: "events: sources, delta…, done (the JSON answer) or error (a problem)" }),
  },
};

function answerResponses<T extends z.ZodType>(schema: T, description: string) {
  return { 200: { description, content: { "application/json": { schema }, ...sse } }, ...errors };
}

const diagnoseDescription =
  "Ranked differential with DSM-5-TR and ICD-11 codes, each item citing retrieved sources; `Accept: text/event-stream` streams it";
const treatmentDescription =
  "Evidence-based treatment plan citing retrieved guidelines (medication considerations for psychiatrists and admins only)";

/** The GET (query string) and POST (JSON body, for long notes) forms of one RAG route. */
function ragRoutes<I extends z.ZodObject, A extends z.ZodType>(
  path: "/rag/diagnose" | "/rag/treatment",
  input: I,
  answer: A,
  summary: string,
  description: string,
) {
  const common = { path, tags, security: bearerSecurity, middleware: licensed, responses: answerResponses(answer, description) };
  return {
    get: createRoute({ ...common, method: "get", summary, request: { query: input } }),
    post: createRoute({
      ...common,
      method: "post",
      summary: `${summary} (body form, for long notes)`,
      request: { body: { required: true, content: { "application/json": { schema: input } } } },
    }),
  };
}

const diagnose = ragRoutes("/rag/diagnose", DiagnoseInput, DiagnoseAnswer, diagnoseDescription, "The differential");
const treatment = ragRoutes("/rag/treatment", TreatmentInput, TreatmentAnswer, treatmentDescription, "The treatment plan");

export const { get: diagnoseGet, post: diagnosePost } = diagnose;
export const { get: treatmentGet, post: treatmentPost } = treatment;
