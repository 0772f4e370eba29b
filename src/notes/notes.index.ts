import { createRouter } from "../lib/openapi";
import { createNoteHandler } from "./notes.handlers";
import { createNote } from "./notes.routes";

export const notesRouter = createRouter().openapi(createNote, createNoteHandler);
