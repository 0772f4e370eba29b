/**
 * How resources point at each other inside a Bundle we emit: by `urn:uuid:<id>`, the entry's
 * fullUrl (https://hl7.org/fhir/R4/bundle.html#references), so a Bundle is self-contained and a
 * receiving server resolves the references when it stores the entries.
 */
import type { Reference, Resource } from "@medplum/fhirtypes";

export const fullUrl = (id: string) => `urn:uuid:${id}`;

/**
 * A reference to an entry of the same Bundle. It names the type too: a `urn:uuid:` reference does
 * not say what it points at, and a receiver (or a validator) should not need to resolve it to know.
 */
export const reference = <T extends Resource>(resource: T): Reference<T> => ({
  reference: fullUrl(resource.id as string),
  type: resource.resourceType,
});

/**
 * A stable UUID for a resource we derive from a record rather than store (a Provenance for a
 * note, a Practitioner for a clinician): the RFC 9562 version-5 layout over SHA-1 of `name`. The
 * same record gives the same id on every export, so a server importing the Bundle with PUT
 * updates what it stored before instead of duplicating it.
 */
export async function derivedId(name: string): Promise<string> {
  const hash = new Uint8Array(await crypto.subtle.digest("SHA-1", new TextEncoder().encode(`therapy-assistant:${name}`)));
  const bytes = hash.slice(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
