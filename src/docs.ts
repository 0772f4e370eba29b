/** `/openapi.json` (generated from the same zod schemas that validate requests) and `/docs`. */
import { swaggerUI } from "@hono/swagger-ui";
import type { Router } from "./lib/openapi";

export function mountDocs(app: Router) {
  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", { type: "http", scheme: "bearer", bearerFormat: "JWT" });
  // Swagger UI's "Authorize" dialog logs in through this flow and then sends the bearer token.
  app.openAPIRegistry.registerComponent("securitySchemes", "oauth2Password", {
    type: "oauth2",
    flows: { password: { tokenUrl: "/api/auth/login", scopes: {} } },
  });
  app.doc31("/openapi.json", (c) => ({
    openapi: "3.1.0",
    info: {
      title: "Therapy Assistant API",
      version: c.var.settings.version,
      description: "Clinical decision support for licensed clinicians: retrieval-grounded differential diagnosis, treatment options and risk flags. Decision support only; it does not replace clinical judgement.",
    },
  }));
  app.get("/docs", swaggerUI({ url: "/openapi.json", persistAuthorization: true, title: "Therapy Assistant API" }));
}
