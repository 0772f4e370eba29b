import { createRouter } from "../lib/openapi";
import { answer } from "./rag.flow";
import { diagnoseGet, diagnosePost, treatmentGet, treatmentPost } from "./rag.routes";
import { diagnoseSpec, treatmentSpec } from "./rag.specs";

// The answer is JSON or an event stream depending on Accept, which a typed route response cannot
// express; the schemas in rag.routes.ts still document both.

export const ragRouter = createRouter()
  .openapi(diagnoseGet, (c) => answer(c, diagnoseSpec, c.req.valid("query")) as never)
  .openapi(diagnosePost, (c) => answer(c, diagnoseSpec, c.req.valid("json")) as never)
  .openapi(treatmentGet, (c) => answer(c, treatmentSpec, c.req.valid("query")) as never)
  .openapi(treatmentPost, (c) => answer(c, treatmentSpec, c.req.valid("json")) as never);
