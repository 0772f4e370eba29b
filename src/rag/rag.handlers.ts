/** Diagnose and treatment answer JSON or an event stream, chosen by the request's Accept header. */
import type { AppRouteHandler } from "../lib/openapi";
import { diagnose } from "./diagnose.flow";
import type { diagnoseGet, diagnosePost, treatmentGet, treatmentPost } from "./rag.routes";
import { recommendTreatment } from "./treatment.flow";

export const diagnoseGetHandler: AppRouteHandler<typeof diagnoseGet> = (c) => diagnose(c, c.req.valid("query"));
export const diagnosePostHandler: AppRouteHandler<typeof diagnosePost> = (c) => diagnose(c, c.req.valid("json"));
export const treatmentGetHandler: AppRouteHandler<typeof treatmentGet> = (c) => recommendTreatment(c, c.req.valid("query"));
export const treatmentPostHandler: AppRouteHandler<typeof treatmentPost> = (c) => recommendTreatment(c, c.req.valid("json"));
