/** A client row as the API shows it: the sealed `{gender, pronouns}` opened, dates as ISO strings. */
import { type Keyring, openJson, sealContext, sealJson } from "../crypto/field-cipher";
import type { ClientRow } from "../workspace.table";
import type { Client } from "./clients.schemas";

export interface ClientDetails {
  gender: string | null;
  pronouns: string | null;
}

const detailsContext = (clientId: string) => sealContext("clients", clientId, "details");

/** Sealed whether or not anything is set, so a dump does not even tell which clients have details. */
export const sealClientDetails = (keyring: Keyring, clientId: string, details: ClientDetails) =>
  sealJson(keyring, details, detailsContext(clientId));

export async function openClientDetails(keyring: Keyring, row: Pick<ClientRow, "id" | "detailsSealed">): Promise<ClientDetails> {
  if (!row.detailsSealed) return { gender: null, pronouns: null };
  return openJson<ClientDetails>(keyring, row.detailsSealed, detailsContext(row.id));
}

export async function toClient(keyring: Keyring, row: ClientRow): Promise<Client> {
  const details = await openClientDetails(keyring, row);
  return {
    id: row.id,
    label: row.label,
    year_of_birth: row.yearOfBirth,
    sex: row.sex,
    gender: details.gender,
    pronouns: details.pronouns,
    preferred_language: row.preferredLanguage,
    status: row.status,
    created_at: row.createdAt.toISOString(),
    discharged_at: row.dischargedAt?.toISOString() ?? null,
  };
}
