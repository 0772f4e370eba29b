/** A downloaded client record Bundle becomes a transaction a FHIR server accepts: every entry a request, references kept. */
import type { Bundle } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { validateFhir } from "../fhir-validator/server.ts";
import { toTransaction } from "./to-transaction.ts";

const PATIENT = "0b6f1e52-2f4e-4a57-9d8e-0b1c6f0a1d11";
const GOAL = "1c7f2e63-3f5e-4b68-8e9f-1c2d7f1b2e22";
const record: Bundle = {
  resourceType: "Bundle",
  type: "collection",
  timestamp: "2026-03-01T10:00:00.000Z",
  entry: [
    { fullUrl: `urn:uuid:${PATIENT}`, resource: { resourceType: "Patient", id: PATIENT, active: true } },
    {
      fullUrl: `urn:uuid:${GOAL}`,
      resource: {
        resourceType: "Goal",
        id: GOAL,
        lifecycleStatus: "active",
        description: { text: "Sleeps 7 hours" },
        subject: { reference: `urn:uuid:${PATIENT}`, type: "Patient" },
      },
    },
  ],
};

describe("tools/fhir to-transaction", () => {
  it("PUTs each resource under its id by default, keeping the urn:uuid fullUrls the references use: a valid transaction", () => {
    const transaction = toTransaction(record);
    expect(validateFhir(transaction).valid).toBe(true);
    expect(transaction.type).toBe("transaction");
    expect(transaction.entry?.map((entry) => [entry.fullUrl, entry.request])).toEqual([
      [`urn:uuid:${PATIENT}`, { method: "PUT", url: `Patient/${PATIENT}` }],
      [`urn:uuid:${GOAL}`, { method: "PUT", url: `Goal/${GOAL}` }],
    ]);
    expect(transaction.entry?.[1].resource).toEqual(record.entry?.[1].resource);
  });

  it("POSTs to each type with --post, for servers that assign their own ids", () => {
    const transaction = toTransaction(record, "post");
    expect(validateFhir(transaction).valid).toBe(true);
    expect(transaction.entry?.map((entry) => entry.request)).toEqual([
      { method: "POST", url: "Patient" },
      { method: "POST", url: "Goal" },
    ]);
  });

  it("a transaction without requests is not valid FHIR (bdl-3), which is why each entry gets one", () => {
    expect(validateFhir({ ...record, type: "transaction" }).valid).toBe(false);
  });

  it("refuses what is not a collection Bundle", () => {
    expect(() => toTransaction({ resourceType: "Bundle", type: "searchset" })).toThrow(/type collection/);
    expect(() => toTransaction({ resourceType: "Patient" } as unknown as Bundle)).toThrow(/type collection/);
  });
});
