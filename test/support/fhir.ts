/**
 * FHIR R4 validation for what the product emits: every resource or Bundle a test receives goes
 * to the validator test/global-setup.ts starts (tools/fhir-validator/server.ts, @medplum/core
 * against the R4 definitions), and an invalid one fails the test with the validator's issues.
 */
import { inject } from "vitest";

export interface FhirValidation {
  valid: boolean;
  issues: Array<{ severity: string; path: string; message: string }>;
}

async function validateFhir(resource: unknown): Promise<FhirValidation> {
  const res = await fetch(`${inject("fhirValidatorUrl")}/validate`, { method: "POST", body: JSON.stringify(resource) });
  return (await res.json()) as FhirValidation;
}

/** Throws, naming each issue, unless the resource is valid FHIR R4. */
export async function expectValidFhir(resource: unknown): Promise<void> {
  const { valid, issues } = await validateFhir(resource);
  if (!valid) throw new Error(`invalid FHIR R4 ${(resource as { resourceType?: string })?.resourceType ?? ""}: ${JSON.stringify(issues)}`);
}
