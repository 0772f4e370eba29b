/** Diagnose and treatment answer JSON or an event stream, chosen by the request's Accept header. */
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { answerStream, wantsEventStream } from "../grounded-answer/answer-response";
import type { AnswerEvents } from "../grounded-answer/complete-answer";
import type { AppRouteHandler } from "../lib/openapi";
import { useCaseDeps } from "../use-case/deps";
import { diagnose } from "./diagnose.flow";
import type { diagnoseGet, diagnosePost, treatmentGet, treatmentPost } from "./rag.routes";
import { recommendTreatment } from "./treatment.flow";

const DIAGNOSE = "rag.diagnose";
const TREATMENT = "rag.treatment";

/** The use case streamed when the client asks for events; otherwise its JSON, typed for the RPC client. */
const streamed = <E extends AppEnv>(c: Context<E>, run: (events: AnswerEvents) => Promise<object>) =>
  wantsEventStream(c) ? answerStream(c, run) : null;

export const diagnoseGetHandler: AppRouteHandler<typeof diagnoseGet> = async (c) => {
  const run = (events?: AnswerEvents) => diagnose(useCaseDeps(c), c.req.valid("query"), { action: DIAGNOSE, events });
  return (await streamed(c, run)) ?? c.json(await run(), 200);
};
export const diagnosePostHandler: AppRouteHandler<typeof diagnosePost> = async (c) => {
  const run = (events?: AnswerEvents) => diagnose(useCaseDeps(c), c.req.valid("json"), { action: DIAGNOSE, events });
  return (await streamed(c, run)) ?? c.json(await run(), 200);
};
export const treatmentGetHandler: AppRouteHandler<typeof treatmentGet> = async (c) => {
  const run = (events?: AnswerEvents) => recommendTreatment(useCaseDeps(c), c.req.valid("query"), { action: TREATMENT, events });
  return (await streamed(c, run)) ?? c.json(await run(), 200);
};
export const treatmentPostHandler: AppRouteHandler<typeof treatmentPost> = async (c) => {
  const run = (events?: AnswerEvents) => recommendTreatment(useCaseDeps(c), c.req.valid("json"), { action: TREATMENT, events });
  return (await streamed(c, run)) ?? c.json(await run(), 200);
};
