/**
 * A stored note turned into the API's shape, in one place for every reader: the notes use cases
 * (GET …/notes, …/notes/{id}) and the FHIR export, which must give back exactly what a REST client
 * reads. The sealing contexts live here too, so a note is opened under the context it was sealed with.
 */

import { type Keyring, open, openJson, sealContext } from "../crypto/field-cipher";
import type { ClientNoteRow } from "../workspace.table";
import type { AddendumRow } from "./client-notes.data";
import type { ClientNote, ClientNoteSummary, NoteBody } from "./client-notes.schemas";

export const bodyContext = (noteId: string) => sealContext("client_notes", noteId, "body");
export const addendumContext = (addendumId: string) => sealContext("note_addenda", addendumId, "text");

export const openBody = (keyring: Keyring, row: ClientNoteRow) => openJson<NoteBody>(keyring, row.bodySealed, bodyContext(row.id));

export function toSummary(row: ClientNoteRow): ClientNoteSummary {
  return {
    id: row.id,
    session_date: row.sessionDate,
    format: row.format,
    status: row.status,
    signed_at: row.signedAt?.toISOString() ?? null,
    signed_by: row.signedBy,
    goal_ids: row.goalIds,
    created_at: row.createdAt.toISOString(),
  };
}

/** The whole note, its text opened, with its addenda in the order they were added. */
export async function toNote(keyring: Keyring, row: ClientNoteRow, addenda: AddendumRow[]): Promise<ClientNote> {
  const body = await openBody(keyring, row);
  return {
    ...toSummary(row),
    sections: body.sections,
    ...(body.statements ? { statements: body.statements } : {}),
    ...(body.unsupported ? { unsupported: body.unsupported } : {}),
    addenda: await Promise.all(
      addenda.map(async (addendum) => ({
        text: await open(keyring, addendum.textSealed, addendumContext(addendum.id)),
        at: addendum.at.toISOString(),
        by: addendum.by,
      })),
    ),
  };
}
