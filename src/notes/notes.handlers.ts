import type { AppRouteHandler } from "../lib/openapi";
import { writeNote } from "./note.flow";
import type { createNote } from "./notes.routes";

export const createNoteHandler: AppRouteHandler<typeof createNote> = async (c) => c.json(await writeNote(c, c.req.valid("json")), 200);
