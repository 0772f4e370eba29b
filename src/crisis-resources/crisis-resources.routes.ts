import { createRoute } from "@hono/zod-openapi";
import { readAccess } from "../auth/guard";
import { bearerSecurity, jsonContent, problemResponses } from "../lib/schemas";
import { CrisisResourcesQuery, CrisisResourcesSchema } from "./crisis-resources.schemas";

export const crisisResourcesRoute = createRoute({
  method: "get",
  path: "/crisis-resources",
  tags: ["Safety"],
  security: bearerSecurity,
  summary:
    "Crisis lines and the emergency number of a country (ISO 3166-1 alpha-2), by default the caller's: the account's " +
    "country, else the request's, else international directories; each line cites its source and when it was checked",
  middleware: readAccess,
  request: { query: CrisisResourcesQuery },
  responses: {
    200: jsonContent(CrisisResourcesSchema, "The country's crisis lines, or the international list"),
    ...problemResponses(400, 401, 403, 503),
  },
});
