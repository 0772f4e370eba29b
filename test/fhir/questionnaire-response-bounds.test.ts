/**
 * A QuestionnaireResponse may carry FHIR elements we do not read (id, meta, extension, text): they are
 * accepted within a stated bound, and a response past it is a 400 naming the field, before any scoring.
 */
import type { Questionnaire, QuestionnaireResponse } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { authHeader, expectProblem, registerAndLogin } from "../support/accounts";
import { createTestApi } from "../support/api";

const api = await createTestApi();
const student = await registerAndLogin(api);
const auth = { headers: authHeader(student.tokens.access_token) };

const phq9 = (await api.get("/api/v1/fhir/Questionnaire/phq9", auth)).body as Questionnaire;

/** All nine PHQ-9 items answered 0, each answer its Questionnaire coding plus `extra` elements. */
function allZero(extra: Record<string, unknown> = {}): QuestionnaireResponse {
  return {
    resourceType: "QuestionnaireResponse",
    questionnaire: phq9.url,
    status: "completed",
    item: (phq9.item ?? []).map((item) => ({
      linkId: item.linkId,
      answer: [{ valueCoding: { ...item.answerOption?.[0].valueCoding, ...extra } }],
    })),
  };
}

const manyElements = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`x${i}`, true]));

function post(body: unknown) {
  return api.json("/api/v1/fhir/QuestionnaireResponse", body, { headers: { ...auth.headers, "Content-Type": "application/fhir+json" } });
}

describe("POST /api/v1/fhir/QuestionnaireResponse bounds", () => {
  it("scores a response carrying FHIR elements it does not read", async () => {
    const body = {
      ...allZero({ userSelected: true }),
      id: "r1",
      meta: { lastUpdated: "2026-01-01T00:00:00Z" },
      authored: "2026-01-01",
      extension: [{ url: "https://example.org/x", valueString: "y" }],
    };
    const { res, body: result } = await post(body);
    expect(res.status, JSON.stringify(result)).toBe(200);
    expect(result).toMatchObject({ instrument: "phq9", score: 0 });
  });

  it("refuses a resource or a coding with too many elements, naming the field", async () => {
    const resource = await post({ ...allZero(), ...manyElements(80) });
    expectProblem(resource.res, resource.body, 400, "validation_error");
    expect(resource.body.errors?.map((error) => error.path)).toContain("body");

    const coding = await post(allZero(manyElements(40)));
    expectProblem(coding.res, coding.body, 400, "validation_error");
    expect(coding.body.errors?.[0].path).toBe("body.item.0.answer.0.valueCoding");
  });

  it("refuses an over-long linkId or questionnaire URL", async () => {
    const response = allZero();
    const long = await post({ ...response, questionnaire: `${phq9.url}${"x".repeat(600)}` });
    expectProblem(long.res, long.body, 400, "validation_error");
    expect(long.body.errors?.[0].path).toBe("body.questionnaire");

    const linkId = await post({ ...response, item: [{ linkId: "i".repeat(101), answer: [] }] });
    expectProblem(linkId.res, linkId.body, 400, "validation_error");
    expect(linkId.body.errors?.[0].path).toBe("body.item.0.linkId");
  });
});

describe("GET /api/v1/fhir/Questionnaire/{instrument} bounds", () => {
  it("is 400 for an over-long id and still 404 for an unknown one", async () => {
    expect((await api.get(`/api/v1/fhir/Questionnaire/${"x".repeat(65)}`, auth)).res.status).toBe(400);
    expect((await api.get("/api/v1/fhir/Questionnaire/nope", auth)).res.status).toBe(404);
  });
});
