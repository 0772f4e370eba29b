/**
 * Fuzzing what the OpenAPI document does not name: any method on the documented paths (with a
 * placeholder for each parameter), on near misses (`/api`, `/api/v2/x`, `//`, `/%ZZ`) and on
 * arbitrary segments, with no token, an admin's or a garbage Authorization header: each answer is
 * a problem and holds to the contract of ./contract.ts.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, it } from "vitest";
import { check, printSummary } from "./contract";
import { freshContext, operations, seed } from "./fixtures";
import { type Auth, anyString, authorizationArb, type FuzzRequest } from "./requests";

const RUNS_UNKNOWN_ROUTES = 100;

beforeAll(() => seed(), 120_000);
afterAll(printSummary);

describe("fuzzing every operation of the OpenAPI document", () => {
  it("unknown routes and wrong methods answer problems too", { timeout: 60_000 }, async () => {
    const ctx = await freshContext();
    const paths = operations.map((op) => op.path.replace(/\{[^}]+\}/g, "x"));
    const arb = fc
      .record({
        method: fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"),
        path: fc.oneof(
          fc.constantFrom(...paths, "/openapi.json", "/docs", "/api", "/api/v1", "/api/v2/x", "//", "/api/auth/", "/%", "/%ZZ"),
          fc.array(anyString.map(encodeURIComponent), { minLength: 1, maxLength: 4 }).map((segments) => `/${segments.join("/")}`),
        ),
        auth: fc.constantFrom<Auth>("none", "admin", "garbage"),
        garbageAuthorization: authorizationArb(),
        ip: fc.ipV6(),
      })
      .map(
        ({ method, path, auth, garbageAuthorization, ip }): FuzzRequest => ({
          method,
          path,
          query: "",
          headers: { "CF-Connecting-IP": ip },
          auth,
          garbageAuthorization,
          body: { kind: "none" },
        }),
      );
    await fc.assert(
      fc.asyncProperty(arb, (request) => check("unknown routes / wrong methods", request, ctx)),
      { numRuns: RUNS_UNKNOWN_ROUTES },
    );
  });
});
