import { createRoute } from "@hono/zod-openapi";
import { licensed } from "../auth/guard";
import { bearerSecurity, jsonContent, problemResponses } from "../lib/schemas";
import { NoteAnswer, NoteInput } from "./notes.schemas";

export const createNote = createRoute({
  method: "post",
  path: "/notes",
  tags: ["Documentation"],
  security: bearerSecurity,
  summary:
    "A SOAP, DAP or BIRP session note from text or your stored recording: sections grounded in the source, risk screened, codes only with retrieved sources; nothing stored",
  middleware: licensed,
  request: { body: { required: true, content: { "application/json": { schema: NoteInput } } } },
  responses: {
    200: jsonContent(NoteAnswer, "The note"),
    ...problemResponses(400, 401, 403, 404, 413, 415, 422, 429, 502, 503, 504),
  },
});
