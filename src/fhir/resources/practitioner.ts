/**
 * The clinicians a client record names (recorder, author, signer) as `Practitioner` resources.
 * Unlike the client, the clinician is named: they wrote and signed the record, and a receiving
 * EHR needs to know who. The id is our user id, so the reference is stable across exports.
 */
import type { Practitioner } from "@medplum/fhirtypes";
import { OUR_SYSTEMS } from "../terminology";

export interface Clinician {
  id: string;
  /** Known for the account exporting; another user id in the record (none today: records are the owner's) stays unnamed. */
  name?: { given: string; family: string } | null;
}

export function practitioner({ id, name }: Clinician): Practitioner {
  return {
    resourceType: "Practitioner",
    id,
    identifier: [{ system: OUR_SYSTEMS.userId, value: id }],
    ...(name ? { name: [{ given: [name.given], family: name.family }] } : {}),
  };
}
