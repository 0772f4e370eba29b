import { createRoute, z } from "@hono/zod-openapi";
import { jsonContent } from "../lib/schemas";

const IndexSchema = z.object({ name: z.string(), version: z.string(), docs: z.string(), openapi: z.string() }).openapi("ServiceIndex");

const HealthSchema = z
  .object({
    status: z.enum(["ok", "degraded"]),
    database: z.enum(["connected", "unavailable", "not_configured"]),
    storage: z.enum(["connected", "unavailable"]),
    ai: z.enum(["configured", "offline"]),
    auth: z.enum(["configured", "misconfigured"]),
    version: z.string(),
  })
  .openapi("Health");

export const index = createRoute({
  method: "get",
  path: "/",
  tags: ["System"],
  summary: "Service name, version and where the docs are",
  responses: { 200: jsonContent(IndexSchema, "Service index") },
});

export const health = createRoute({
  method: "get",
  path: "/health",
  tags: ["System"],
  summary: "Checks the database and object storage; reports whether AI is configured",
  responses: {
    200: jsonContent(HealthSchema, "Every dependency is reachable"),
    503: jsonContent(HealthSchema, "A dependency is down; the failing part is named"),
  },
});
