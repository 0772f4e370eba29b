/**
 * Otherwise valid requests (an admin's token, or a therapist's on the AI routes, valid values)
 * with NUL or another control character in one free-text field, so the value gets past
 * validation into the handler's queries: a 4xx or a success, never a 5xx, and each answer holds
 * to the contract of ./contract.ts.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonBodySchema } from "../support/openapi";
import { check, printSummary } from "./contract";
import { doc, freshContext, operations, seed } from "./fixtures";
import { freeTextNames, poisonedRequestArb } from "./requests";

const RUNS_POISONED = 20;

beforeAll(() => seed(), 120_000);
afterAll(printSummary);

describe("control characters in otherwise valid requests", () => {
  // Free text in the query or a JSON body (multipart-only fields are fuzzed in operations.test.ts).
  const targets = operations.filter((op) => {
    const names = [...freeTextNames(op)];
    const inQuery = (op.operation.parameters ?? []).some((p) => p.in === "query" && names.includes(p.name));
    const inBody = Object.keys(jsonBodySchema(doc, op.operation)?.properties ?? {}).some((name) => names.includes(name));
    return inQuery || inBody;
  });

  it("some operations take free text", () => {
    expect(targets.length).toBeGreaterThanOrEqual(10);
  });

  for (const op of targets) {
    it(`${op.key}: NUL or a control character in a free-text field is a 4xx or a success, never a 5xx`, { timeout: 60_000 }, async () => {
      const ctx = await freshContext(op);
      await fc.assert(
        fc.asyncProperty(poisonedRequestArb(op, ctx), (request) => check(`${op.key} (poisoned)`, request, ctx)),
        { numRuns: RUNS_POISONED },
      );
    });
  }
});
