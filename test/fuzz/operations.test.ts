/**
 * Property-based fuzzing of every operation in the app's own OpenAPI document (the rules of
 * docs/api.md): arbitrary bodies, query strings, path parameters and headers, with and without a
 * valid token (./requests.ts), each answer held to the contract of ./contract.ts: never a 5xx,
 * every 4xx a problem, nothing leaked. The summary (requests sent, statuses per operation) is
 * printed at the end.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { check, printSummary } from "./contract";
import { freshContext, operations, seed } from "./fixtures";
import { requestArb } from "./requests";

/** Runs per operation: ~33 operations × 60 runs (about 2,000 requests) keeps the file well under two minutes. */
const RUNS_PER_OPERATION = 60;

beforeAll(() => seed({ embed: true }), 120_000);
afterAll(printSummary);

describe("fuzzing every operation of the OpenAPI document", () => {
  it("the document has the operations to fuzz", () => {
    expect(operations.length).toBeGreaterThanOrEqual(30);
  });

  for (const op of operations) {
    it(`${op.key}: never a 5xx, 4xx are problems, nothing leaks`, { timeout: 60_000 }, async () => {
      // Accounts of this operation alone: a generated change-password, logout, self-demotion or
      // AI rate limit must not spill into the next operation's runs.
      const ctx = await freshContext(op);
      await fc.assert(
        fc.asyncProperty(requestArb(op, ctx), (request) => check(op.key, request, ctx)),
        { numRuns: RUNS_PER_OPERATION, interruptAfterTimeLimit: 45_000 },
      );
    });
  }
});
