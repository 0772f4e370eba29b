/**
 * Starts the real dependencies the Worker talks to over HTTP: the embedded local Neon (PGlite in
 * memory; every database gets the migrations on first use) and the OpenAI-compatible stub; and
 * the FHIR R4 validator the tests send what the product emits to.
 * Their addresses reach the Worker's bindings (vitest.config.ts) and the tests through inject().
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { REPORT_FONT_PACKAGE_FILE } from "../src/reports/report-font-file.ts";
import { startFhirValidator } from "../tools/fhir-validator/server.ts";
import { createBackend } from "../tools/local-neon/backend.ts";
import { applyMigrations } from "../tools/local-neon/migrations.ts";
import { startLocalNeon } from "../tools/local-neon/server.ts";
import { startOpenAiStub } from "../tools/openai-stub/server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    localNeonUrl: string;
    openaiUrl: string;
    /** The report font as `npm run dev` seeds it into R2, base64 (workerd has no filesystem). */
    reportFontBase64: string;
    /** The FHIR R4 validator (tools/fhir-validator/server.ts): test/support/fhir.ts. */
    fhirValidatorUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const migrationsFolder = path.resolve(import.meta.dirname, "../migrations");
  const neon = await startLocalNeon({
    backend: createBackend({ onCreate: (pool) => applyMigrations(pool, migrationsFolder) }),
  });
  const openai = await startOpenAiStub();
  const fhirValidator = await startFhirValidator();
  project.provide("localNeonUrl", neon.url);
  project.provide("openaiUrl", openai.url);
  project.provide("fhirValidatorUrl", fhirValidator.url);
  const font = await readFile(path.resolve(import.meta.dirname, "../node_modules", REPORT_FONT_PACKAGE_FILE));
  project.provide("reportFontBase64", font.toString("base64"));
  return async () => {
    await fhirValidator.close();
    await openai.close();
    await neon.close();
  };
}
