import type { AppRouteHandler } from "../../lib/openapi";
import { useCaseDeps } from "../../use-case/deps";
import { createClient, deleteClient, listClients, readClient, updateClient } from "./clients.flow";
import type { createClientRoute, deleteClientRoute, listClientsRoute, readClientRoute, updateClientRoute } from "./clients.routes";

export const createClientHandler: AppRouteHandler<typeof createClientRoute> = async (c) =>
  c.json(await createClient(useCaseDeps(c), c.req.valid("json")), 201);

export const listClientsHandler: AppRouteHandler<typeof listClientsRoute> = async (c) =>
  c.json(await listClients(useCaseDeps(c), c.req.valid("query")), 200);

export const readClientHandler: AppRouteHandler<typeof readClientRoute> = async (c) =>
  c.json(await readClient(useCaseDeps(c), c.req.valid("param").id), 200);

export const updateClientHandler: AppRouteHandler<typeof updateClientRoute> = async (c) =>
  c.json(await updateClient(useCaseDeps(c), c.req.valid("param").id, c.req.valid("json")), 200);

export const deleteClientHandler: AppRouteHandler<typeof deleteClientRoute> = async (c) => {
  await deleteClient(useCaseDeps(c), c.req.valid("param").id);
  return c.body(null, 204);
};
