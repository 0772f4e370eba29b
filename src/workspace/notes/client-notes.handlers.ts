import type { AppRouteHandler } from "../../lib/openapi";
import { useCaseDeps } from "../../use-case/deps";
import { addAddendum, createNote, listClientNotes, readNote, signNote, updateNote } from "./client-notes.flow";
import type {
  addAddendumRoute,
  createNoteRoute,
  listNotesRoute,
  readNoteRoute,
  signNoteRoute,
  updateNoteRoute,
} from "./client-notes.routes";

export const createNoteHandler: AppRouteHandler<typeof createNoteRoute> = async (c) =>
  c.json(await createNote(useCaseDeps(c), c.req.valid("param").id, c.req.valid("json")), 201);

export const listNotesHandler: AppRouteHandler<typeof listNotesRoute> = async (c) =>
  c.json(await listClientNotes(useCaseDeps(c), c.req.valid("param").id, c.req.valid("query")), 200);

export const readNoteHandler: AppRouteHandler<typeof readNoteRoute> = async (c) => {
  const { id, note_id } = c.req.valid("param");
  return c.json(await readNote(useCaseDeps(c), id, note_id), 200);
};

export const updateNoteHandler: AppRouteHandler<typeof updateNoteRoute> = async (c) => {
  const { id, note_id } = c.req.valid("param");
  return c.json(await updateNote(useCaseDeps(c), id, note_id, c.req.valid("json")), 200);
};

export const signNoteHandler: AppRouteHandler<typeof signNoteRoute> = async (c) => {
  const { id, note_id } = c.req.valid("param");
  return c.json(await signNote(useCaseDeps(c), id, note_id), 200);
};

export const addAddendumHandler: AppRouteHandler<typeof addAddendumRoute> = async (c) => {
  const { id, note_id } = c.req.valid("param");
  return c.json(await addAddendum(useCaseDeps(c), id, note_id, c.req.valid("json")), 201);
};
