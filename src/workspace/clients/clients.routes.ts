/** Client records (docs/api.md §12): the clinician's own, private; another clinician's client is 404. */
import { createRoute } from "@hono/zod-openapi";
import { workspaceOwner } from "../../auth/guard";
import { bearerSecurity, jsonContent, problemResponses } from "../../lib/schemas";
import { ClientIdParams, ClientListQuery, ClientListSchema, ClientSchema, CreateClientBody, UpdateClientBody } from "./clients.schemas";

const tags = ["Workspace"];
const security = bearerSecurity;
const middleware = workspaceOwner;

export const createClientRoute = createRoute({
  method: "post",
  path: "/clients",
  tags,
  security,
  summary: "Add a client to your workspace under a pseudonymous label (no name or contact field exists)",
  middleware,
  request: { body: { required: true, content: { "application/json": { schema: CreateClientBody } } } },
  responses: { 201: jsonContent(ClientSchema, "Created"), ...problemResponses(400, 401, 403, 409, 413, 415, 503) },
});

export const listClientsRoute = createRoute({
  method: "get",
  path: "/clients",
  tags,
  security,
  summary: "Your clients, newest first, filtered by status and part of the label",
  middleware,
  request: { query: ClientListQuery },
  responses: { 200: jsonContent(ClientListSchema, "A page of clients"), ...problemResponses(400, 401, 403, 503) },
});

export const readClientRoute = createRoute({
  method: "get",
  path: "/clients/{id}",
  tags,
  security,
  summary: "One of your clients",
  middleware,
  request: { params: ClientIdParams },
  responses: { 200: jsonContent(ClientSchema, "The client"), ...problemResponses(400, 401, 403, 404, 503) },
});

export const updateClientRoute = createRoute({
  method: "patch",
  path: "/clients/{id}",
  tags,
  security,
  summary: "Change a client's label or details, or discharge (status: discharged) and re-admit",
  middleware,
  request: { params: ClientIdParams, body: { required: true, content: { "application/json": { schema: UpdateClientBody } } } },
  responses: { 200: jsonContent(ClientSchema, "The client"), ...problemResponses(400, 401, 403, 404, 409, 413, 415, 503) },
});

export const deleteClientRoute = createRoute({
  method: "delete",
  path: "/clients/{id}",
  tags,
  security,
  summary: "Delete a client and everything in their record (notes, addenda, measures, plan); this cannot be undone",
  middleware,
  request: { params: ClientIdParams },
  responses: { 204: { description: "Deleted" }, ...problemResponses(400, 401, 403, 404, 503) },
});
