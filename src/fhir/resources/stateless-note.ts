/**
 * A §10 note answer (not saved to any record) as a FHIR R4 `DocumentReference`: a progress note
 * (LOINC 11506-3) nobody has signed, so `docStatus` preliminary, its sections as text/plain.
 * Pure: the id and the time are given. ./document-reference.ts builds a stored note, which has
 * what an answer lacks (a session date, a signer, addenda).
 */
import type { DocumentReference, Patient, Reference } from "@medplum/fhirtypes";
import { type NoteAnswer, noteSectionNames, sectionTitle } from "../../notes/notes.schemas";
import { PROGRESS_NOTE } from "../terminology";
import { base64 } from "./document-reference";

/** The note as a reader sees it: each section's heading, then its text, in the note's order. */
function noteText(note: Pick<NoteAnswer, "format" | "template" | "sections">): string {
  return noteSectionNames(note)
    .map((name) => `${sectionTitle(name)}\n${note.sections[name] ?? ""}`)
    .join("\n\n");
}

export function statelessNoteDocument(note: NoteAnswer, subject: Reference<Patient>, date: string, id: string): DocumentReference {
  // A FHIR string may not be blank or padded (https://hl7.org/fhir/R4/datatypes.html#string).
  const format = note.template?.name.trim() || note.format.toUpperCase();
  return {
    resourceType: "DocumentReference",
    id,
    status: "current",
    docStatus: "preliminary",
    type: { coding: [{ ...PROGRESS_NOTE }], text: PROGRESS_NOTE.display },
    subject,
    date,
    description: `${format} session note drafted by the Therapy Assistant; not reviewed or signed`,
    content: [
      {
        attachment: {
          contentType: "text/plain; charset=utf-8",
          data: base64(new TextEncoder().encode(noteText(note))),
          title: `${format} session note`,
          creation: date,
        },
      },
    ],
  };
}
