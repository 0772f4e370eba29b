/** Notes kept in a client's record (docs/api.md §12): drafts, signing, addenda; another clinician's client is 404. */
import { createRoute } from "@hono/zod-openapi";
import { workspaceOwner } from "../../auth/guard";
import { bearerSecurity, jsonContent, problemResponses } from "../../lib/schemas";
import {
  AddendumBody,
  ClientIdParams,
  ClientNoteListSchema,
  ClientNoteSchema,
  CreateNoteBody,
  NoteIdParams,
  NoteListQuery,
  UpdateNoteBody,
} from "./client-notes.schemas";

const tags = ["Workspace"];
const security = bearerSecurity;
const middleware = workspaceOwner;
const json = <T>(schema: T) => ({ required: true, content: { "application/json": { schema } } });

export const createNoteRoute = createRoute({
  method: "post",
  path: "/clients/{id}/notes",
  tags,
  security,
  summary: "Keep a session note (a draft) in a client's record: soap, dap, birp or one of your templates",
  middleware,
  request: { params: ClientIdParams, body: json(CreateNoteBody) },
  responses: { 201: jsonContent(ClientNoteSchema, "The draft note"), ...problemResponses(400, 401, 403, 404, 413, 415, 503) },
});

export const listNotesRoute = createRoute({
  method: "get",
  path: "/clients/{id}/notes",
  tags,
  security,
  summary: "The client's notes, latest session first (date, format, status; read one for its text)",
  middleware,
  request: { params: ClientIdParams, query: NoteListQuery },
  responses: { 200: jsonContent(ClientNoteListSchema, "A page of notes"), ...problemResponses(400, 401, 403, 404, 503) },
});

export const readNoteRoute = createRoute({
  method: "get",
  path: "/clients/{id}/notes/{note_id}",
  tags,
  security,
  summary: "One note with its addenda",
  middleware,
  request: { params: NoteIdParams },
  responses: { 200: jsonContent(ClientNoteSchema, "The note"), ...problemResponses(400, 401, 403, 404, 503) },
});

export const updateNoteRoute = createRoute({
  method: "patch",
  path: "/clients/{id}/notes/{note_id}",
  tags,
  security,
  summary: "Change a draft note (a signed note is 409 note_signed)",
  middleware,
  request: { params: NoteIdParams, body: json(UpdateNoteBody) },
  responses: { 200: jsonContent(ClientNoteSchema, "The note"), ...problemResponses(400, 401, 403, 404, 409, 413, 415, 503) },
});

export const signNoteRoute = createRoute({
  method: "post",
  path: "/clients/{id}/notes/{note_id}/sign",
  tags,
  security,
  summary: "Sign a draft note, which locks it (signing twice is 409 note_signed)",
  middleware,
  request: { params: NoteIdParams },
  responses: { 200: jsonContent(ClientNoteSchema, "The signed note"), ...problemResponses(400, 401, 403, 404, 409, 503) },
});

export const addAddendumRoute = createRoute({
  method: "post",
  path: "/clients/{id}/notes/{note_id}/addenda",
  tags,
  security,
  summary: "Append an addendum to a signed note (a draft is 409 note_not_signed); addenda are never editable",
  middleware,
  request: { params: NoteIdParams, body: json(AddendumBody) },
  responses: {
    201: jsonContent(ClientNoteSchema, "The note with the addendum appended"),
    ...problemResponses(400, 401, 403, 404, 409, 413, 415, 503),
  },
});
