/**
 * Who made a resource the model drafted: a `Provenance` naming the note generator (a `Device`)
 * as the author and, once the note is signed, the clinician as the verifier
 * (https://hl7.org/fhir/R4/provenance.html, agent types from provenance-participant-type).
 *
 * What counts as model-drafted: a note stored with `statements` (what the §10 generator returns
 * with each section, kept when a generated note is saved to the record). A treatment plan does
 * not record whether it was saved from a drafted answer, so plans get no Provenance.
 */
import type { Device, DocumentReference, Practitioner, Provenance, ProvenanceAgent, Reference } from "@medplum/fhirtypes";
import { SYSTEMS } from "../terminology";
import { derivedId } from "./reference";

const NOTE_GENERATOR = "Therapy Assistant note generator";

/** The note generator as a Device: the stored notes do not say which model drafted them, so it is named by its role. */
export async function noteGenerator(): Promise<Device> {
  return {
    resourceType: "Device",
    id: await derivedId("device:note-generator"),
    deviceName: [{ name: NOTE_GENERATOR, type: "user-friendly-name" }],
  };
}

const participant = (code: "author" | "verifier", display: string): ProvenanceAgent["type"] => ({
  coding: [{ system: SYSTEMS.provenanceParticipantType, code, display }],
});

export function provenance(refs: {
  id: string;
  target: Reference<DocumentReference>;
  recorded: string;
  generator: Reference<Device>;
  verifier: Reference<Practitioner> | null;
}): Provenance {
  return {
    resourceType: "Provenance",
    id: refs.id,
    target: [refs.target],
    recorded: refs.recorded,
    agent: [
      { type: participant("author", "Author"), who: refs.generator },
      ...(refs.verifier ? [{ type: participant("verifier", "Verifier"), who: refs.verifier }] : []),
    ],
  };
}
