/** `/openapi.json` (generated from the same zod schemas that validate requests) and `/docs`. */
import { swaggerUI } from "@hono/swagger-ui";
import type { Router } from "./lib/openapi";
import { DOCS_ASSETS_PREFIX, SWAGGER_UI_VERSION } from "./docs-assets";

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
  // Swagger UI's two files come from our own R2 bucket (the seed step puts them there), so the
  // docs work offline; where they were never uploaded, the public CDN serves them instead.
  app.get("/docs", swaggerUI({ url: "/openapi.json", persistAuthorization: true, title: "Therapy Assistant API", baseUrl: "/docs/assets" }));
  app.get("/docs/assets/swagger-ui-dist/:file{swagger-ui-bundle\\.js|swagger-ui\\.css}", async (c) => {
    const file = c.req.param("file");
    const object = await c.var.storage.get(`${DOCS_ASSETS_PREFIX}${file}`);
    if (!object) return c.redirect(`https://cdn.jsdelivr.net/npm/swagger-ui-dist@${SWAGGER_UI_VERSION}/${file}`, 302);
    return new Response(object.body, {
      headers: { "Content-Type": file.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8", "Cache-Control": "public, max-age=86400", ETag: object.httpEtag },
    });
  });
}
