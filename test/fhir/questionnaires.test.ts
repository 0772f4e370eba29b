/**
 * The §6 instruments as FHIR R4 Questionnaires (docs/api.md §13): each one validates, carries the
 * LOINC panel code where we emit one and the C-SSRS branching as enableWhen; a QuestionnaireResponse
 * answered from a Questionnaire scores exactly as POST /api/v1/assessments/{instrument} does, and a
 * response that is not FHIR, not ours, or answers wrongly is a 400 problem pointing at its item.
 */
import type { Questionnaire, QuestionnaireItem, QuestionnaireResponse } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { INSTRUMENT_IDS, INSTRUMENTS } from "../../src/assessments/instrument-registry";
import { INSTRUMENT_LOINC, SYSTEMS } from "../../src/fhir/terminology";
import { authHeader, expectProblem, registerAndLogin } from "../support/accounts";
import { createTestApi } from "../support/api";
import { expectValidFhir } from "../support/fhir";

const api = await createTestApi();
const student = await registerAndLogin(api);
const auth = { headers: authHeader(student.tokens.access_token) };
const FHIR_JSON = "application/fhir+json";

async function getQuestionnaire(instrument: string): Promise<Questionnaire> {
  const { res, body } = await api.get(`/api/v1/fhir/Questionnaire/${instrument}`, auth);
  expect(res.status, JSON.stringify(body)).toBe(200);
  expect(res.headers.get("Content-Type")).toMatch(/^application\/fhir\+json/);
  return body as Questionnaire;
}

/** A response to `questionnaire`, answering item n (1-based) with the answerOption coding of value values[n-1]; null leaves the item out. */
function answer(questionnaire: Questionnaire, values: Array<number | null>): QuestionnaireResponse {
  const items = questionnaire.item as QuestionnaireItem[];
  return {
    resourceType: "QuestionnaireResponse",
    questionnaire: questionnaire.url,
    status: "completed",
    item: items.flatMap((item, index) => {
      const value = values[index];
      if (value === null) return [];
      const option = item.answerOption?.find((each) => each.valueCoding?.code === String(value));
      expect(option, `${item.linkId} has an answer ${value}`).toBeDefined();
      return [{ linkId: item.linkId, answer: [{ valueCoding: option?.valueCoding }] }];
    }),
  };
}

function postResponse(body: unknown, contentType = FHIR_JSON) {
  return api.json("/api/v1/fhir/QuestionnaireResponse", body, { headers: { ...auth.headers, "Content-Type": contentType } });
}

/** LOINC's mod-10 check digit (https://loinc.org/kb/faq/structure/): a mistyped code fails it. */
function loincCheckDigitOk(code: string): boolean {
  const [body, check] = code.split("-");
  const digits = [...body].reverse().map(Number);
  const sum = digits.reduce((total, digit, index) => {
    if (index % 2 === 1) return total + digit;
    const doubled = digit * 2;
    return total + Math.floor(doubled / 10) + (doubled % 10);
  }, 0);
  return (10 - (sum % 10)) % 10 === Number(check);
}

describe("GET /api/v1/fhir/Questionnaire/{instrument}", () => {
  it("serves every §6 instrument as a valid R4 Questionnaire, one coded choice item per question", async () => {
    for (const instrument of INSTRUMENT_IDS) {
      const questionnaire = await getQuestionnaire(instrument);
      await expectValidFhir(questionnaire);
      const definition = INSTRUMENTS[instrument];
      expect(questionnaire).toMatchObject({
        resourceType: "Questionnaire",
        status: "active",
        url: `https://therapy-assistant.dev/fhir/Questionnaire/${instrument}`,
      });
      expect(questionnaire.item?.map((item) => [item.linkId, item.type, item.text])).toEqual(
        definition.items.map((item) => [`item${item.number}`, "choice", item.text]),
      );
      const first = questionnaire.item?.[0].answerOption?.map((option) => option.valueCoding);
      expect(first?.map((coding) => [coding?.system, coding?.code, coding?.display])).toEqual(
        definition.items[0].options.map((option) => [
          `https://therapy-assistant.dev/fhir/CodeSystem/answers/${instrument}`,
          String(option.value),
          option.label,
        ]),
      );
    }
  });

  it("carries the LOINC panel codes of PHQ-9 (44249-1) and GAD-7 (69737-5), and no LOINC code where none is confirmed", async () => {
    expect((await getQuestionnaire("phq9")).code).toEqual([{ system: SYSTEMS.loinc, code: "44249-1" }]);
    expect((await getQuestionnaire("gad7")).code).toEqual([{ system: SYSTEMS.loinc, code: "69737-5" }]);
    expect((await getQuestionnaire("k10")).code).toBeUndefined();
    for (const { panel, total } of Object.values(INSTRUMENT_LOINC).filter((codes) => codes !== undefined)) {
      expect(loincCheckDigitOk(panel), panel).toBe(true);
      expect(loincCheckDigitOk(total), total).toBe(true);
    }
  });

  it("gives each answer its score, and the C-SSRS branching as enableWhen on the answer that opens it", async () => {
    const dast = await getQuestionnaire("dast10");
    const item3 = INSTRUMENTS.dast10.items[2];
    expect(dast.item?.[2].answerOption?.map((option) => option.valueCoding?.extension?.[0])).toEqual(
      item3.options.map((option) => ({ url: "http://hl7.org/fhir/StructureDefinition/ordinalValue", valueDecimal: option.score })),
    );
    const cssrs = await getQuestionnaire("cssrs");
    expect(cssrs.item?.[2].enableWhen).toEqual([
      { question: "item2", operator: "=", answerCoding: expect.objectContaining({ code: "1", display: "Yes" }) },
    ]);
    expect(cssrs.item?.[6].enableWhen?.[0]).toMatchObject({ question: "item6", operator: "=" });
    expect(cssrs.item?.[0].enableWhen).toBeUndefined();
  });

  it("is 404 for an instrument we do not score, and 401 without a token", async () => {
    const { res, body } = await api.get("/api/v1/fhir/Questionnaire/bdi2", auth);
    expectProblem(res, body, 404, "not_found");
    const anonymous = await api.get("/api/v1/fhir/Questionnaire/phq9");
    expectProblem(anonymous.res, anonymous.body, 401, "unauthorized");
  });
});

describe("POST /api/v1/fhir/QuestionnaireResponse", () => {
  it("scores a response built from the PHQ-9 Questionnaire exactly as POST /assessments/phq9 scores the same answers", async () => {
    const values = [3, 2, 2, 1, 1, 1, 0, 2, 1];
    const response = answer(await getQuestionnaire("phq9"), values);
    await expectValidFhir(response);
    const fhir = await postResponse(response);
    expect(fhir.res.status, JSON.stringify(fhir.body)).toBe(200);
    const plain = await api.json("/api/v1/assessments/phq9", { responses: values }, auth);
    expect(plain.res.status).toBe(200);
    expect(fhir.body).toEqual(plain.body);
    expect(fhir.body).toMatchObject({ instrument: "phq9", score: 13, severity: "moderate", flags: { item9_positive: true } });
  });

  it("accepts application/json too, and valueInteger answers", async () => {
    const response: QuestionnaireResponse = {
      resourceType: "QuestionnaireResponse",
      questionnaire: "https://therapy-assistant.dev/fhir/Questionnaire/gad7",
      status: "completed",
      item: [1, 1, 1, 1, 1, 1, 1].map((value, index) => ({ linkId: `item${index + 1}`, answer: [{ valueInteger: value }] })),
    };
    const { res, body } = await postResponse(response, "application/json");
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ instrument: "gad7", score: 7, severity: "mild" });
  });

  it("scores the C-SSRS with the skipped branch left out, as §6 scores it with nulls", async () => {
    // No to 2: items 3-5 are not asked; yes to 6, no to 7 (behaviour more than 3 months ago).
    const values = [1, 0, null, null, null, 1, 0];
    const fhir = await postResponse(answer(await getQuestionnaire("cssrs"), values));
    expect(fhir.res.status, JSON.stringify(fhir.body)).toBe(200);
    const plain = await api.json("/api/v1/assessments/cssrs", { responses: values }, auth);
    expect(fhir.body).toEqual(plain.body);
    expect(fhir.body).toMatchObject({ score: 2, severity: "moderate risk" });
  });

  it("refuses a missing or impossible answer with the §6 message, pointed at the response's item", async () => {
    const questionnaire = await getQuestionnaire("phq9");
    const response = answer(questionnaire, [0, 0, 0, 0, 0, 0, 0, 0, 0]);
    response.item = response.item?.filter((item) => item.linkId !== "item4");
    const missing = await postResponse(response);
    expectProblem(missing.res, missing.body, 400, "validation_error");
    expect(missing.body.errors).toEqual([
      { path: "body.item", message: expect.stringMatching(/no answer: item 4 must be an integer from 0 to 3/) },
    ]);

    const wrong = answer(questionnaire, [0, 0, 0, 0, 0, 0, 0, 0, 0]);
    wrong.item = wrong.item?.map((item) => (item.linkId === "item2" ? { linkId: "item2", answer: [{ valueInteger: 7 }] } : item));
    const impossible = await postResponse(wrong);
    expectProblem(impossible.res, impossible.body, 400, "validation_error");
    expect(impossible.body.errors).toEqual([{ path: "body.item.1", message: "item 2 must be an integer from 0 to 3; got 7" }]);

    // A C-SSRS item the branching does not ask, answered yes anyway.
    const branching = await postResponse(answer(await getQuestionnaire("cssrs"), [1, 0, 1, null, null, 0, null]));
    expectProblem(branching.res, branching.body, 400, "validation_error");
    expect(branching.body.errors?.[0]).toMatchObject({
      path: "body.item.2",
      message: expect.stringContaining("item 3 is asked only when item 2 is 1"),
    });
  });

  it("refuses what is not a QuestionnaireResponse to one of our Questionnaires", async () => {
    const notFhir = await postResponse({ responses: [0, 0, 0, 0, 0, 0, 0, 0, 0] });
    expectProblem(notFhir.res, notFhir.body, 400, "validation_error");
    expect(notFhir.body.errors?.map((error) => error.path)).toContain("body.resourceType");

    const base = answer(await getQuestionnaire("phq9"), [0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const foreign = await postResponse({ ...base, questionnaire: "http://example.org/Questionnaire/phq9" });
    expectProblem(foreign.res, foreign.body, 400, "validation_error");
    expect(foreign.body.errors?.[0].path).toBe("body.questionnaire");

    const unknownLink = await postResponse({ ...base, item: [...(base.item ?? []), { linkId: "item10", answer: [{ valueInteger: 0 }] }] });
    expectProblem(unknownLink.res, unknownLink.body, 400, "validation_error");
    expect(unknownLink.body.errors).toEqual([{ path: "body.item.9.linkId", message: "must be one of item1…item9; got item10" }]);

    const otherSystem = structuredClone(base);
    const coding = otherSystem.item?.[0].answer?.[0].valueCoding;
    if (coding) coding.system = "http://loinc.org";
    const system = await postResponse(otherSystem);
    expectProblem(system.res, system.body, 400, "validation_error");
    expect(system.body.errors?.[0].path).toBe("body.item.0.answer.0.valueCoding.system");

    const inProgress = await postResponse({ ...base, status: "in-progress" });
    expectProblem(inProgress.res, inProgress.body, 400, "validation_error");

    const text = await api.fetch("/api/v1/fhir/QuestionnaireResponse", {
      method: "POST",
      body: "item1=0",
      headers: { ...auth.headers, "Content-Type": "text/plain" },
    });
    expect(text.status).toBe(415);
  });
});
