/** The clinician workspace's routes (docs/api.md §12), each sub-feature in its own folder. */
import { createRouter } from "../lib/openapi";
import {
  createClientHandler,
  deleteClientHandler,
  listClientsHandler,
  readClientHandler,
  updateClientHandler,
} from "./clients/clients.handlers";
import { createClientRoute, deleteClientRoute, listClientsRoute, readClientRoute, updateClientRoute } from "./clients/clients.routes";

export const workspaceRouter = createRouter()
  .openapi(createClientRoute, createClientHandler)
  .openapi(listClientsRoute, listClientsHandler)
  .openapi(readClientRoute, readClientHandler)
  .openapi(updateClientRoute, updateClientHandler)
  .openapi(deleteClientRoute, deleteClientHandler);
