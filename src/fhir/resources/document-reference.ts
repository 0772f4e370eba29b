/**
 * A note in the client's record as a FHIR `DocumentReference` (LOINC 11506-3 Progress note):
 * `docStatus` final once signed (the signer its authenticator), preliminary while a draft; the
 * note itself as UTF-8 plain text, each section under its heading, then the addenda, oldest first.
 */
import type { DocumentReference, Patient, Practitioner, Reference } from "@medplum/fhirtypes";
import { sectionTitle } from "../../notes/notes.schemas";
import type { ClientNote } from "../../workspace/notes/client-notes.schemas";
import { PROGRESS_NOTE } from "../terminology";

/** A note as the export reads it: the API's shape plus who wrote it. */
export type RecordNote = ClientNote & { created_by: string };

/** Base64 of bytes (Attachment.data is base64Binary), in chunks: String.fromCharCode's argument list has a limit. */
export function base64(bytes: Uint8Array): string {
  let binary = "";
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary);
}

/** The note as a reader sees it: sections under their headings, then the addenda with their time. */
function recordNoteText(note: ClientNote): string {
  const sections = Object.entries(note.sections).map(([name, text]) => `${sectionTitle(name)}\n${text}`);
  const addenda = note.addenda.map((addendum) => `Addendum (${addendum.at})\n${addendum.text}`);
  return `${[`Progress note, session of ${note.session_date}`, ...sections, ...addenda].join("\n\n")}\n`;
}

export function documentReference(
  note: RecordNote,
  refs: { subject: Reference<Patient>; author: Reference<Practitioner>; signer: Reference<Practitioner> | null },
): DocumentReference {
  const signed = note.status === "signed";
  return {
    resourceType: "DocumentReference",
    id: note.id,
    status: "current",
    docStatus: signed ? "final" : "preliminary",
    type: { coding: [{ ...PROGRESS_NOTE }], text: PROGRESS_NOTE.display },
    subject: refs.subject,
    // When the document came to be what it is: its signature, or for a draft its creation.
    date: (signed && note.signed_at) || note.created_at,
    author: [refs.author],
    ...(signed && refs.signer ? { authenticator: refs.signer } : {}),
    content: [
      {
        attachment: {
          contentType: "text/plain; charset=utf-8",
          data: base64(new TextEncoder().encode(recordNoteText(note))),
          title: `Progress note ${note.session_date}`,
          creation: note.created_at,
        },
      },
    ],
    context: { period: { start: note.session_date, end: note.session_date } },
  };
}
