/**
 * Swagger UI's files: where the seed step stores them in R2 (so /docs works offline), their
 * version, and their Subresource Integrity hashes. The page pins these hashes whether a file comes
 * from R2 or from the public CDN fallback, so a tampered CDN copy is refused by the browser.
 * tools/dev/docs-assets.test.ts checks them against node_modules/swagger-ui-dist: bumping the
 * package without new hashes fails the tests.
 */
export const DOCS_ASSETS_PREFIX = "docs/swagger-ui-dist/";
export const SWAGGER_UI_VERSION = "5.35.0";
export const DOCS_ASSET_INTEGRITY = {
  "swagger-ui-bundle.js": "sha384-gjRm0bEPMeTmMh5jT2cHccIwCUZSTd8YC+j0d0sXw0MdGEfScduGpSyF3ZSSLkX9",
  "swagger-ui.css": "sha384-WlYgdmXYOOBWL5apwjDEZwN+U3HmXSSu5R6V5aGxEcf7z+KuRNwBhoxKVN1i3D5I",
} as const;
export const DOCS_ASSET_FILES = Object.keys(DOCS_ASSET_INTEGRITY) as Array<keyof typeof DOCS_ASSET_INTEGRITY>;
