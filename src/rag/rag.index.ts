import { createRouter } from "../lib/openapi";
import { diagnoseGetHandler, diagnosePostHandler, treatmentGetHandler, treatmentPostHandler } from "./rag.handlers";
import { diagnoseGet, diagnosePost, treatmentGet, treatmentPost } from "./rag.routes";

export const ragRouter = createRouter()
  .openapi(diagnoseGet, diagnoseGetHandler)
  .openapi(diagnosePost, diagnosePostHandler)
  .openapi(treatmentGet, treatmentGetHandler)
  .openapi(treatmentPost, treatmentPostHandler);
