/**
 * Notes kept in a client's record (docs/api.md §12): written as drafts, changed while drafts,
 * signed once (then locked), and corrected only by addenda appended after signing. Each call is
 * one audited event naming the client and the note, never the text; the text is sealed.
 */

import { page } from "../../lib/pagination";
import { invalidFields, ProblemError } from "../../lib/problem";
import { NOTE_FORMATS, NOTE_SECTIONS, type NoteFormat } from "../../notes/notes.schemas";
import type { UseCaseDeps } from "../../use-case/deps";
import { ownedClient } from "../clients/owned-client";
import { type Keyring, seal, sealJson } from "../crypto/field-cipher";
import { findOwnedTemplate } from "../note-templates/note-templates.data";
import type { ClientNoteRow } from "../workspace.table";
import { clientTarget, type WorkspaceDeps, workspaceAction } from "../workspace-action";
import { addendumContext, bodyContext, openBody, toNote, toSummary } from "./client-note-view";
import {
  findNote,
  goalsOfClient,
  insertAddendum,
  insertNote,
  listAddenda,
  listNotes,
  NOTE_LIST,
  type NoteChanges,
  signDraftNote,
  updateDraftNote,
} from "./client-notes.data";
import type { AddendumInput, ClientNote, CreateNoteInput, NoteBody, NoteListQuery, UpdateNoteInput } from "./client-notes.schemas";

const noteNotFound = () => new ProblemError(404, { code: "note_not_found", detail: "This client's record has no note with this id." });
const noteSigned = () =>
  new ProblemError(409, { code: "note_signed", detail: "The note is signed and can no longer change; add an addendum instead." });
const noteNotSigned = () =>
  new ProblemError(409, { code: "note_not_signed", detail: "Addenda are for signed notes; while the note is a draft, edit it instead." });

/** The section names a format requires: a built-in format's, or those of one of the caller's templates. */
async function formatSections(workspace: WorkspaceDeps, format: string): Promise<readonly string[]> {
  if ((NOTE_FORMATS as readonly string[]).includes(format)) return NOTE_SECTIONS[format as NoteFormat];
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(format);
  const template = isUuid ? await findOwnedTemplate(workspace.db, workspace.account.id, format) : undefined;
  if (!template)
    throw invalidFields([
      { path: "body.format", message: `must be one of ${NOTE_FORMATS.join(", ")} or the id of one of your note templates` },
    ]);
  return template.sections.map((section) => section.name);
}

function requireSections(sections: Record<string, string>, expected: readonly string[], format: string) {
  const names = Object.keys(sections);
  if (names.length !== expected.length || expected.some((name) => !(name in sections)))
    throw invalidFields([{ path: "body.sections", message: `a ${format} note has exactly the sections ${expected.join(", ")}` }]);
}

async function requireGoals(workspace: WorkspaceDeps, clientId: string, goalIds: readonly string[]) {
  const found = await goalsOfClient(workspace.db, clientId, goalIds);
  const unknown = goalIds.map((id, index) => ({ id, index })).filter(({ id }) => !found.has(id));
  if (unknown.length > 0)
    throw invalidFields(unknown.map(({ index }) => ({ path: `body.goal_ids.${index}`, message: "not a goal in this client's plan" })));
}

const sealBody = (keyring: Keyring, noteId: string, body: NoteBody) => sealJson(keyring, body, bodyContext(noteId));

async function ownedNote(workspace: WorkspaceDeps, clientId: string, noteId: string): Promise<ClientNoteRow> {
  await ownedClient(workspace, clientId);
  const row = await findNote(workspace.db, clientId, noteId);
  if (!row) throw noteNotFound();
  return row;
}

const withAddenda = async (workspace: WorkspaceDeps, row: ClientNoteRow) =>
  toNote(workspace.keyring, row, await listAddenda(workspace.db, row.id));

export function createNote(deps: UseCaseDeps, clientId: string, input: CreateNoteInput): Promise<ClientNote> {
  return workspaceAction(
    deps,
    {
      action: "workspace.note.create",
      target: clientTarget(clientId),
      asked: { format: NOTE_FORMATS.includes(input.format as NoteFormat) ? input.format : "template" },
    },
    async (workspace, note) => {
      await ownedClient(workspace, clientId);
      requireSections(input.sections, await formatSections(workspace, input.format), input.format);
      const goalIds = input.goal_ids ?? [];
      await requireGoals(workspace, clientId, goalIds);
      const id = crypto.randomUUID();
      note({ detail: { note_id: id } });
      const body: NoteBody = { sections: input.sections, statements: input.statements, unsupported: input.unsupported };
      const row = await insertNote(workspace.db, {
        id,
        clientId,
        sessionDate: input.session_date,
        format: input.format,
        bodySealed: await sealBody(workspace.keyring, id, body),
        keyId: workspace.keyring.current.id,
        goalIds,
        createdBy: workspace.account.id,
      });
      return toNote(workspace.keyring, row, []);
    },
  );
}

export function listClientNotes(deps: UseCaseDeps, clientId: string, query: NoteListQuery) {
  return workspaceAction(deps, { action: "workspace.note.list", target: clientTarget(clientId) }, async (workspace) => {
    await ownedClient(workspace, clientId);
    const { items, nextCursor } = page(NOTE_LIST, await listNotes(workspace.db, clientId, query), query.limit);
    return { notes: items.map(toSummary), next_cursor: nextCursor };
  });
}

export function readNote(deps: UseCaseDeps, clientId: string, noteId: string): Promise<ClientNote> {
  return workspaceAction(
    deps,
    { action: "workspace.note.read", target: clientTarget(clientId), asked: { note_id: noteId } },
    async (workspace) => withAddenda(workspace, await ownedNote(workspace, clientId, noteId)),
  );
}

export function updateNote(deps: UseCaseDeps, clientId: string, noteId: string, input: UpdateNoteInput): Promise<ClientNote> {
  return workspaceAction(
    deps,
    { action: "workspace.note.update", target: clientTarget(clientId), asked: { note_id: noteId, fields: Object.keys(input) } },
    async (workspace) => {
      const current = await ownedNote(workspace, clientId, noteId);
      if (current.status !== "draft") throw noteSigned();
      const changes: NoteChanges = {};
      if (input.session_date !== undefined) changes.sessionDate = input.session_date;
      if (input.goal_ids !== undefined) {
        await requireGoals(workspace, clientId, input.goal_ids);
        changes.goalIds = input.goal_ids;
      }
      if (input.sections !== undefined || input.statements !== undefined || input.unsupported !== undefined) {
        const body = await openBody(workspace.keyring, current);
        // The format is fixed at creation: new sections keep the names the note has.
        if (input.sections) requireSections(input.sections, Object.keys(body.sections), current.format);
        const next: NoteBody = {
          sections: input.sections ?? body.sections,
          statements: input.statements === undefined ? body.statements : (input.statements ?? undefined),
          unsupported: input.unsupported === undefined ? body.unsupported : (input.unsupported ?? undefined),
        };
        for (const name of Object.keys(next.statements ?? {}))
          if (!(name in next.sections)) throw invalidFields([{ path: `body.statements.${name}`, message: "not a section of this note" }]);
        changes.bodySealed = await sealBody(workspace.keyring, noteId, next);
        changes.keyId = workspace.keyring.current.id;
      }
      const row = await updateDraftNote(workspace.db, clientId, noteId, changes);
      // Signed between the read above and this write: the signature wins, nothing changes.
      if (!row) throw noteSigned();
      return withAddenda(workspace, row);
    },
  );
}

export function signNote(deps: UseCaseDeps, clientId: string, noteId: string): Promise<ClientNote> {
  return workspaceAction(
    deps,
    { action: "workspace.note.sign", target: clientTarget(clientId), asked: { note_id: noteId } },
    async (workspace, note) => {
      await ownedNote(workspace, clientId, noteId);
      const row = await signDraftNote(workspace.db, clientId, noteId, workspace.account.id);
      if (!row) throw noteSigned();
      note({ detail: { status: "signed" } });
      return withAddenda(workspace, row);
    },
  );
}

export function addAddendum(deps: UseCaseDeps, clientId: string, noteId: string, input: AddendumInput): Promise<ClientNote> {
  return workspaceAction(
    deps,
    { action: "workspace.note.addendum", target: clientTarget(clientId), asked: { note_id: noteId } },
    async (workspace) => {
      const row = await ownedNote(workspace, clientId, noteId);
      // Signing is final (no path leads back to draft), so this check cannot go stale.
      if (row.status !== "signed") throw noteNotSigned();
      const id = crypto.randomUUID();
      await insertAddendum(workspace.db, {
        id,
        noteId,
        textSealed: await seal(workspace.keyring, input.text, addendumContext(id)),
        keyId: workspace.keyring.current.id,
        by: workspace.account.id,
      });
      return withAddenda(workspace, row);
    },
  );
}
