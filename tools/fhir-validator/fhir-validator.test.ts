/** The validator the Worker's tests rely on must refuse what is not FHIR R4, or their checks prove nothing. */
import { describe, expect, it } from "vitest";
import { validateFhir } from "./server.ts";

describe("the FHIR R4 validator for tests", () => {
  it("accepts a valid Observation in a collection Bundle", () => {
    const bundle = {
      resourceType: "Bundle",
      type: "collection",
      entry: [
        {
          fullUrl: "urn:uuid:0b6f1e52-2f4e-4a57-9d8e-0b1c6f0a1d11",
          resource: { resourceType: "Observation", status: "final", code: { text: "PHQ-9 total" }, valueInteger: 12 },
        },
      ],
    };
    expect(validateFhir(bundle)).toMatchObject({ valid: true });
  });

  it.each([
    ["an unknown element", { resourceType: "Patient", nickname: "x" }],
    [
      "a missing required element inside a Bundle",
      { resourceType: "Bundle", type: "collection", entry: [{ resource: { resourceType: "Observation", status: "final" } }] },
    ],
    ["a value of the wrong type", { resourceType: "Observation", status: "final", code: { text: "x" }, valueInteger: "3" }],
  ])("refuses %s", (_name, resource) => {
    const result = validateFhir(resource);
    expect(result.valid).toBe(false);
    expect(result.issues.length).toBeGreaterThan(0);
  });
});
