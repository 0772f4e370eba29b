/** Client records: create, list, read, change, discharge and delete, each one audited event naming the client. */
import { uniqueViolation } from "../../lib/db";
import { page } from "../../lib/pagination";
import { ProblemError } from "../../lib/problem";
import type { UseCaseDeps } from "../../use-case/deps";
import { clientTarget, workspaceAction } from "../workspace-action";
import { openClientDetails, sealClientDetails, toClient } from "./client-details";
import { CLIENT_LIST, type ClientChanges, deleteOwnedClient, insertClient, listOwnedClients, updateOwnedClient } from "./clients.data";
import type { Client, ClientListQuery, CreateClientInput, UpdateClientInput } from "./clients.schemas";
import { clientNotFound, ownedClient } from "./owned-client";

const labelTaken = () =>
  new ProblemError(409, {
    code: "label_taken",
    detail: "You already have a client with this label; labels are unique among your clients (case-insensitive).",
    errors: [{ path: "body.label", message: "already used for another of your clients" }],
  });

export function createClient(deps: UseCaseDeps, input: CreateClientInput): Promise<Client> {
  return workspaceAction(deps, { action: "workspace.client.create" }, async (workspace, note) => {
    const id = crypto.randomUUID();
    note({ target: clientTarget(id) });
    const row = await insertClient(workspace.db, {
      id,
      ownerId: workspace.account.id,
      label: input.label,
      yearOfBirth: input.year_of_birth ?? null,
      sex: input.sex ?? null,
      preferredLanguage: input.preferred_language ?? null,
      detailsSealed: await sealClientDetails(workspace.keyring, id, { gender: input.gender ?? null, pronouns: input.pronouns ?? null }),
      keyId: workspace.keyring.current.id,
    });
    if (!row) throw labelTaken();
    return toClient(workspace.keyring, row);
  });
}

export function listClients(deps: UseCaseDeps, query: ClientListQuery) {
  return workspaceAction(deps, { action: "workspace.client.list" }, async (workspace) => {
    const rows = await listOwnedClients(workspace.db, workspace.account.id, query);
    const { items, nextCursor } = page(CLIENT_LIST, rows, query.limit);
    return { clients: await Promise.all(items.map((row) => toClient(workspace.keyring, row))), next_cursor: nextCursor };
  });
}

export function readClient(deps: UseCaseDeps, clientId: string): Promise<Client> {
  return workspaceAction(deps, { action: "workspace.client.read", target: clientTarget(clientId) }, async (workspace) =>
    toClient(workspace.keyring, await ownedClient(workspace, clientId)),
  );
}

export function updateClient(deps: UseCaseDeps, clientId: string, input: UpdateClientInput): Promise<Client> {
  return workspaceAction(
    deps,
    { action: "workspace.client.update", target: clientTarget(clientId), asked: { fields: Object.keys(input) } },
    async (workspace, note) => {
      const current = await ownedClient(workspace, clientId);
      const changes: ClientChanges = {};
      if (input.label !== undefined) changes.label = input.label;
      if (input.year_of_birth !== undefined) changes.yearOfBirth = input.year_of_birth;
      if (input.sex !== undefined) changes.sex = input.sex;
      if (input.preferred_language !== undefined) changes.preferredLanguage = input.preferred_language;
      if (input.gender !== undefined || input.pronouns !== undefined) {
        const details = await openClientDetails(workspace.keyring, current);
        changes.detailsSealed = await sealClientDetails(workspace.keyring, clientId, {
          gender: input.gender === undefined ? details.gender : input.gender,
          pronouns: input.pronouns === undefined ? details.pronouns : input.pronouns,
        });
        changes.keyId = workspace.keyring.current.id;
      }
      if (input.status !== undefined && input.status !== current.status) {
        changes.status = input.status;
        // Discharge starts the retention clock (the daily purge); re-admission stops it.
        changes.dischargedAt = input.status === "discharged" ? new Date() : null;
        note({ detail: { status: input.status } });
      }
      let row: Awaited<ReturnType<typeof updateOwnedClient>>;
      try {
        row = await updateOwnedClient(workspace.db, workspace.account.id, clientId, changes);
      } catch (error) {
        if (uniqueViolation(error)) throw labelTaken();
        throw error;
      }
      if (!row) throw clientNotFound();
      return toClient(workspace.keyring, row);
    },
  );
}

/** Removes the client with every note, addendum, measure and plan in its record. */
export function deleteClient(deps: UseCaseDeps, clientId: string): Promise<void> {
  return workspaceAction(deps, { action: "workspace.client.delete", target: clientTarget(clientId) }, async (workspace) => {
    if (!(await deleteOwnedClient(workspace.db, workspace.account.id, clientId))) throw clientNotFound();
  });
}
