/** The docs page pins Swagger UI's files by hash: the pinned hashes must be those of the files the seed uploads. */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DOCS_ASSET_FILES, DOCS_ASSET_INTEGRITY, SWAGGER_UI_VERSION } from "../../src/docs-assets.ts";

const require = createRequire(import.meta.url);
const dist = path.dirname(require.resolve("swagger-ui-dist/package.json"));

describe("Swagger UI assets", () => {
  it("pins the installed swagger-ui-dist version", async () => {
    const pkg = JSON.parse(await readFile(path.join(dist, "package.json"), "utf8")) as { version: string };
    expect(pkg.version).toBe(SWAGGER_UI_VERSION);
  });

  it.each(DOCS_ASSET_FILES)("pins the Subresource Integrity hash of %s as installed", async (file) => {
    const digest = createHash("sha384")
      .update(await readFile(path.join(dist, file)))
      .digest("base64");
    expect(DOCS_ASSET_INTEGRITY[file]).toBe(`sha384-${digest}`);
  });
});
