/**
 * Data-subject rights: a copy of everything stored about the caller, and erasure of the account.
 * A login's access token only: a personal token is a delegated credential, not the person.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { paginationQuery } from "../lib/pagination";
import { noStore } from "../lib/response-headers";
import { bearerSecurity, jsonContent, problemResponses } from "../lib/schemas";
import { EraseBody, ExportSchema, OwnAuditEventSchema } from "./data-rights.schemas";
import { authenticated } from "./guard";

const tags = ["Accounts"];
const security = bearerSecurity;
/** Personal data in an answer: never kept by a browser or a proxy. */
const personalData: [...typeof authenticated, typeof noStore] = [...authenticated, noStore];

export const exportMe = createRoute({
  method: "get",
  path: "/me/export",
  tags,
  security,
  summary:
    "Everything stored about the caller, as JSON (account, logins, personal tokens, audit trail, stored audio, the clinician workspace decrypted)",
  middleware: personalData,
  responses: { 200: jsonContent(ExportSchema, "The export"), ...problemResponses(401, 403, 503) },
});

export const myAuditEvents = createRoute({
  method: "get",
  path: "/me/audit-events",
  tags,
  security,
  summary: "The audit trail about the caller, newest first, paginated (continues the export's audit_events)",
  middleware: personalData,
  request: { query: z.object(paginationQuery) },
  responses: {
    200: jsonContent(z.object({ events: z.array(OwnAuditEventSchema), next_cursor: z.string().nullable() }), "A page of events"),
    ...problemResponses(400, 401, 403, 503),
  },
});

export const eraseMe = createRoute({
  method: "delete",
  path: "/me",
  tags,
  security,
  summary:
    "Erase the caller's account: the account, its logins, personal tokens and stored audio are deleted; " +
    "audit events stay under a pseudonymous id. The last active admin is refused (409 last_admin); an account " +
    "with client records needs confirm_delete_client_records: true (else 409 client_records_exist), and they are erased with it",
  middleware: authenticated,
  request: { body: { required: true, content: { "application/json": { schema: EraseBody } } } },
  responses: { 204: { description: "Erased" }, ...problemResponses(400, 401, 403, 409, 415, 429, 503) },
});
