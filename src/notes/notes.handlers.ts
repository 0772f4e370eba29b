import type { AppRouteHandler } from "../lib/openapi";
import { useCaseDeps } from "../use-case/deps";
import { writeNote } from "./note.flow";
import type { createNote } from "./notes.routes";

export const createNoteHandler: AppRouteHandler<typeof createNote> = async (c) =>
  c.json(await writeNote(useCaseDeps(c), c.req.valid("json"), { action: "note.create" }), 200);
