/** Where the seed step stores Swagger UI's files in R2 (so /docs works offline), and their version. */
export const DOCS_ASSETS_PREFIX = "docs/swagger-ui-dist/";
export const SWAGGER_UI_VERSION = "5.35.0";
export const DOCS_ASSET_FILES = ["swagger-ui-bundle.js", "swagger-ui.css"] as const;
