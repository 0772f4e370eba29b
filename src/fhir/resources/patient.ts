/**
 * A workspace client as a pseudonymous FHIR `Patient`: our client id as its only identifier and
 * no name (the label is the clinician's own pseudonym, not the client's name, so it stays home).
 * Gender, birth year and language appear only when the clinician recorded them.
 *
 * Our `sex` → FHIR administrative gender (https://hl7.org/fhir/R4/valueset-administrative-gender.html):
 * female → female, male → male, unknown → unknown, intersex → other ("a value other than male,
 * female or unknown": R4 core has no sex-characteristics element, and intersex is neither of the
 * binary values). The client's gender identity and pronouns, in their own words, have no R4 core
 * element and are not exported.
 */
import type { Patient } from "@medplum/fhirtypes";
import type { Client } from "../../workspace/clients/clients.schemas";
import { OUR_SYSTEMS, SYSTEMS } from "../terminology";

const ADMINISTRATIVE_GENDER: Record<NonNullable<Client["sex"]>, NonNullable<Patient["gender"]>> = {
  female: "female",
  male: "male",
  intersex: "other",
  unknown: "unknown",
};

export function patient(client: Client): Patient {
  return {
    resourceType: "Patient",
    id: client.id,
    identifier: [{ system: OUR_SYSTEMS.clientId, value: client.id }],
    active: client.status === "active",
    ...(client.sex ? { gender: ADMINISTRATIVE_GENDER[client.sex] } : {}),
    // A year alone is a valid FHIR date (https://hl7.org/fhir/R4/datatypes.html#date).
    ...(client.year_of_birth ? { birthDate: String(client.year_of_birth) } : {}),
    ...(client.preferred_language
      ? {
          communication: [{ language: { coding: [{ system: SYSTEMS.bcp47, code: client.preferred_language }] }, preferred: true }],
        }
      : {}),
  };
}
