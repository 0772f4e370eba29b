/**
 * POST /api/v1/fhir/convert holds an assessment result to a size (docs/api.md §13): the answer's
 * own schema leaves its strings and arrays open, a request may not send them without end.
 */
import { describe, expect, it } from "vitest";
import type { AssessmentResult } from "../../src/assessments/scoring";
import { authHeader, createAdmin, createVerifiedTherapist, errorsAt, readProblem } from "../support/accounts";
import { createTestApi } from "../support/api";

const api = await createTestApi();
const admin = await createAdmin(api);
const clinician = await createVerifiedTherapist(api, admin.tokens.access_token);
const as = { headers: authHeader(clinician.tokens.access_token) };

describe("POST /api/v1/fhir/convert with an oversized assessment result", () => {
  it("converts the result as scored, and refuses an over-long string or list with a 400 at the field", async () => {
    const { res, body } = await api.json("/api/v1/assessments/phq9", { responses: [2, 2, 1, 1, 1, 1, 1, 1, 0] }, as);
    expect(res.status).toBe(200);
    const result = body as AssessmentResult;
    const convert = (content: unknown) => api.post("/api/v1/fhir/convert", { kind: "assessment", content }, as);
    expect((await convert(result)).status).toBe(200);

    const cases: Array<[unknown, string]> = [
      [{ ...result, interpretation: "a".repeat(20_001) }, "body.content.interpretation"],
      [{ ...result, item_scores: Array.from({ length: 201 }, () => 0) }, "body.content.item_scores"],
    ];
    for (const [content, path] of cases) {
      const problem = await readProblem(await convert(content), 400, "validation_error");
      expect(errorsAt(problem, path).length, `${path}: ${JSON.stringify(problem.errors)}`).toBeGreaterThan(0);
    }
  });
});
