import { createRoute, z } from "@hono/zod-openapi";
import { AuditEventSchema } from "../audit/audit-event";
import { UserSchema } from "../auth/auth.schemas";
import { USER_ROLES } from "../auth/auth.table";
import { adminOnly } from "../auth/guard";
import { paginationQuery } from "../lib/pagination";
import { bearerSecurity, jsonContent, problemResponses } from "../lib/schemas";

const tags = ["Admin"];
const security = bearerSecurity;
const booleanText = z.enum(["true", "false"]).transform((value) => value === "true");

export const listUsers = createRoute({
  method: "get",
  path: "/users",
  tags,
  security,
  summary: "List users, newest first, filtered by role, verification and a search term",
  middleware: adminOnly,
  request: {
    query: z.object({
      role: z.enum(USER_ROLES).optional(),
      is_verified: booleanText.optional(),
      q: z.string().trim().min(1).max(100).optional().openapi({ description: "matches email, username and names" }),
      ...paginationQuery,
    }),
  },
  responses: {
    200: jsonContent(z.object({ users: z.array(UserSchema), next_cursor: z.string().nullable() }), "A page of users"),
    ...problemResponses(400, 401, 403, 503),
  },
});

export const updateUser = createRoute({
  method: "patch",
  path: "/users/{id}",
  tags,
  security,
  summary: "Set a user's role, active flag or licence verification (deactivation applies on their next request)",
  middleware: adminOnly,
  request: {
    params: z.object({ id: z.uuid("must be a user id (UUID)") }),
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z
            .object({ role: z.enum(USER_ROLES).optional(), is_active: z.boolean().optional(), is_verified: z.boolean().optional() })
            .strict()
            .refine((body) => Object.keys(body).length > 0, "give role, is_active or is_verified"),
        },
      },
    },
  },
  responses: { 200: jsonContent(UserSchema, "The updated user"), ...problemResponses(400, 401, 403, 404, 415, 503) },
});

export const listAudit = createRoute({
  method: "get",
  path: "/audit",
  tags,
  security,
  summary: "Audit events, newest first",
  middleware: adminOnly,
  request: {
    query: z.object({
      user_id: z.uuid().optional(),
      action: z.string().trim().min(1).max(100).optional(),
      since: z.iso.datetime({ offset: true }).max(40).optional().openapi({ description: "ISO 8601 date-time" }),
      ...paginationQuery,
    }),
  },
  responses: {
    200: jsonContent(z.object({ events: z.array(AuditEventSchema), next_cursor: z.string().nullable() }), "A page of events"),
    ...problemResponses(400, 401, 403, 503),
  },
});
