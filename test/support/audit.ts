/** The audit trail as an admin reads it (GET /api/admin/audit), for the tests of audited routes. */
import type { InferRequestType } from "hono/client";
import { authHeader } from "./accounts";
import type { TestApi } from "./api";
import { type ApiClient, ok, read } from "./client";

export type AuditQuery = InferRequestType<ApiClient["api"]["admin"]["audit"]["$get"]>["query"];

/** The events matching `query` (a 200 expected), newest first. */
export async function auditEvents(api: TestApi, adminToken: string, query: AuditQuery) {
  return ok(await read(api.client.api.admin.audit.$get({ query }, { headers: authHeader(adminToken) })), 200).body.events;
}
