/**
 * Stands in (wrangler.toml `[alias]`) for modules the MCP SDK imports but this Worker never runs:
 * ajv and ajv-formats (its default JSON Schema validator, built on code generation that workerd
 * refuses anyway; src/mcp/server.ts supplies its own validator), and zod v3 with
 * zod-to-json-schema (for zod 3 schemas; every schema here is zod 4). Leaving them out keeps
 * about 60 KiB gzip out of the bundle. Reaching one of them is a bug, so it fails loudly.
 */
function excluded(): never {
  throw new Error("This module is left out of the Worker bundle (see wrangler.toml [alias]); the MCP server must not reach it.");
}

export default excluded;
export { excluded as object, excluded as zodToJsonSchema };
