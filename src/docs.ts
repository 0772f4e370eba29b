/** `/openapi.json` (generated from the same zod schemas that validate requests) and `/docs`. */

import { DOCS_ASSET_INTEGRITY, DOCS_ASSETS_PREFIX, SWAGGER_UI_VERSION } from "./docs-assets";
import type { Router } from "./lib/openapi";

const CDN = "https://cdn.jsdelivr.net";
const ASSETS = "/docs/assets/swagger-ui-dist";

/**
 * No inline script: Swagger UI starts from /docs/assets/init.js, so the policy needs no
 * 'unsafe-inline' for scripts. Styles keep it: Swagger UI writes style attributes as it renders.
 * The CDN is allowed because a deployment without the seeded files redirects there (pinned by SRI).
 */
const DOCS_CSP = [
  "default-src 'none'",
  `script-src 'self' ${CDN}`,
  `style-src 'self' ${CDN} 'unsafe-inline'`,
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

// crossorigin="anonymous" lets the browser check integrity on the CDN's copy after the redirect.
const DOCS_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Therapy Assistant API</title>
    <link rel="stylesheet" href="${ASSETS}/swagger-ui.css" integrity="${DOCS_ASSET_INTEGRITY["swagger-ui.css"]}" crossorigin="anonymous" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="${ASSETS}/swagger-ui-bundle.js" integrity="${DOCS_ASSET_INTEGRITY["swagger-ui-bundle.js"]}" crossorigin="anonymous"></script>
    <script src="/docs/assets/init.js"></script>
  </body>
</html>
`;

const DOCS_INIT = `window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", persistAuthorization: true });
});
`;

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
      description:
        "Clinical decision support for licensed clinicians: retrieval-grounded differential diagnosis, treatment " +
        "options and risk flags. Decision support only; it does not replace clinical judgement.",
    },
  }));
  // Swagger UI's two files come from our own R2 bucket (the seed step puts them there), so the
  // docs work offline; where they were never uploaded, the public CDN serves them instead.
  app.get("/docs", (c) => {
    c.header("Content-Security-Policy", DOCS_CSP);
    return c.html(DOCS_PAGE);
  });
  app.get("/docs/assets/init.js", (c) =>
    c.body(DOCS_INIT, 200, { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "public, max-age=3600" }),
  );
  app.get("/docs/assets/swagger-ui-dist/:file{swagger-ui-bundle\\.js|swagger-ui\\.css}", async (c) => {
    const file = c.req.param("file");
    const object = await c.var.storage.get(`${DOCS_ASSETS_PREFIX}${file}`);
    if (!object) return c.redirect(`${CDN}/npm/swagger-ui-dist@${SWAGGER_UI_VERSION}/${file}`, 302);
    return new Response(object.body, {
      headers: {
        "Content-Type": file.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8",
        "Cache-Control": "public, max-age=86400",
        ETag: object.httpEtag,
      },
    });
  });
}
