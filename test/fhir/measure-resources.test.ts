/**
 * A scored questionnaire as FHIR (docs/api.md §13): a stored workspace measure, opened for export
 * by its own audited read, becomes a QuestionnaireResponse (the answers) and a survey Observation
 * (the score, LOINC total-score code where one is confirmed, the band) derived from it; a
 * stateless §6 answer becomes the same pair. Every resource validates against FHIR R4.
 */
import type { QuestionnaireResponse } from "@medplum/fhirtypes";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { AuditEvent } from "../../src/audit/audit";
import { users } from "../../src/auth/auth.table";
import { assessmentResources, measureResources } from "../../src/fhir/resources/measure-resources";
import { SYSTEMS } from "../../src/fhir/terminology";
import { createDatabase } from "../../src/lib/db";
import { ProblemError } from "../../src/lib/problem";
import { readSettings } from "../../src/lib/settings";
import type { UseCaseDeps } from "../../src/use-case/deps";
import { measuresForExport } from "../../src/workspace/measures/measures.flow";
import { authHeader, createAdmin, createVerifiedTherapist, type LoggedIn } from "../support/accounts";
import { createTestApi } from "../support/api";
import { expectValidFhir } from "../support/fhir";

const api = await createTestApi();
const admin = await createAdmin(api);
const settings = readSettings(api.env);
const db = createDatabase(settings.database);
const as = (account: LoggedIn) => ({ headers: authHeader(account.tokens.access_token) });

/** The use-case dependencies of `account`, as a REST handler would build them; audit events are collected. */
async function depsOf(account: LoggedIn, events: AuditEvent[] = []): Promise<UseCaseDeps> {
  const [row] = await db.select().from(users).where(eq(users.id, account.user.id));
  return {
    account: row,
    db,
    ai: null,
    settings,
    storage: api.env.STORAGE,
    requestId: crypto.randomUUID(),
    country: null,
    limitAi: async () => {},
    mayEmbedSearch: async () => false,
    audit: (event) => events.push(event),
  };
}

async function clientWithMeasures(
  account: LoggedIn,
  measures: Array<{ instrument: string; responses: unknown[]; administered_at: string }>,
) {
  const created = await api.json("/api/v1/clients", { label: "Client F-1" }, as(account));
  expect(created.res.status, JSON.stringify(created.body)).toBe(201);
  const clientId = (created.body as { id: string }).id;
  const ids: string[] = [];
  for (const measure of measures) {
    const { res, body } = await api.json(`/api/v1/clients/${clientId}/measures`, measure, as(account));
    expect(res.status, JSON.stringify(body)).toBe(201);
    ids.push((body as { id: string }).id);
  }
  return { clientId, ids };
}

const answerCodes = (response: QuestionnaireResponse | undefined) =>
  response?.item?.map((item) => [item.linkId, item.answer?.[0].valueCoding?.code]);

describe("a stored measure as FHIR", () => {
  it("opens a client's measures for export and builds a valid QuestionnaireResponse and a derived PHQ-9 Observation", async () => {
    const therapist = await createVerifiedTherapist(api, admin.tokens.access_token);
    const phq9 = [2, 2, 2, 2, 2, 2, 2, 2, 2];
    const { clientId, ids } = await clientWithMeasures(therapist, [
      { instrument: "phq9", responses: phq9, administered_at: "2026-03-01T10:00:00Z" },
      { instrument: "gad7", responses: [1, 1, 1, 1, 1, 1, 1], administered_at: "2026-03-02T10:00:00Z" },
      { instrument: "k10", responses: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1], administered_at: "2026-03-03T10:00:00Z" },
    ]);
    const events: AuditEvent[] = [];
    const measures = await measuresForExport(await depsOf(therapist, events), clientId);
    expect(measures.map((measure) => [measure.id, measure.instrument, measure.score])).toEqual([
      [ids[0], "phq9", 18],
      [ids[1], "gad7", 7],
      [ids[2], "k10", 10],
    ]);
    expect(measures[0]).toMatchObject({ responses: phq9, band: "moderately severe", administered_at: "2026-03-01T10:00:00.000Z" });
    expect(measures[0].interpretation).toMatch(/^Moderately severe/);
    expect(events).toEqual([expect.objectContaining({ action: "workspace.measure.export", target: `client:${clientId}` })]);

    const patient = { reference: `urn:uuid:${clientId}` };
    const { questionnaireResponse, observation } = measureResources(measures[0], patient);
    await expectValidFhir(questionnaireResponse);
    await expectValidFhir(observation);
    expect(questionnaireResponse).toMatchObject({
      resourceType: "QuestionnaireResponse",
      id: ids[0],
      status: "completed",
      questionnaire: "https://therapy-assistant.dev/fhir/Questionnaire/phq9",
      subject: patient,
      authored: "2026-03-01T10:00:00.000Z",
    });
    expect(answerCodes(questionnaireResponse)).toEqual(phq9.map((value, index) => [`item${index + 1}`, String(value)]));
    expect(observation).toMatchObject({
      resourceType: "Observation",
      status: "final",
      category: [{ coding: [{ system: SYSTEMS.observationCategory, code: "survey" }] }],
      code: { coding: [{ system: "http://loinc.org", code: "44261-6" }] },
      subject: patient,
      effectiveDateTime: "2026-03-01T10:00:00.000Z",
      valueInteger: 18,
      interpretation: [{ text: "moderately severe" }],
      derivedFrom: [{ reference: `urn:uuid:${ids[0]}` }],
    });
    expect(observation.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(observation.id).not.toBe(questionnaireResponse?.id);
    // Exported again, the same ids: a server importing twice updates instead of duplicating.
    expect(measureResources(measures[0], patient).observation.id).toBe(observation.id);

    const gad7 = measureResources(measures[1], patient).observation;
    await expectValidFhir(gad7);
    expect(gad7.code).toEqual({ coding: [{ system: "http://loinc.org", code: "70274-6" }], text: "GAD-7 total score" });
    // No confirmed LOINC term for the K10: the code is text only.
    const k10 = measureResources(measures[2], patient).observation;
    await expectValidFhir(k10);
    expect(k10.code).toEqual({ text: "K10 total score" });
  });

  it("leaves a C-SSRS item the branching skipped out of the QuestionnaireResponse", async () => {
    const therapist = await createVerifiedTherapist(api, admin.tokens.access_token);
    const { clientId } = await clientWithMeasures(therapist, [
      { instrument: "cssrs", responses: [1, 0, null, null, null, 0, null], administered_at: "2026-03-01T10:00:00Z" },
    ]);
    const [measure] = await measuresForExport(await depsOf(therapist), clientId);
    const { questionnaireResponse, observation } = measureResources(measure, { reference: `urn:uuid:${clientId}` });
    await expectValidFhir(questionnaireResponse);
    await expectValidFhir(observation);
    expect(answerCodes(questionnaireResponse)).toEqual([
      ["item1", "1"],
      ["item2", "0"],
      ["item6", "0"],
    ]);
    expect(observation).toMatchObject({ valueInteger: 1, interpretation: [{ text: "low risk" }] });
  });

  it("does not open another clinician's client: 404, nothing returned", async () => {
    const owner = await createVerifiedTherapist(api, admin.tokens.access_token);
    const other = await createVerifiedTherapist(api, admin.tokens.access_token);
    const { clientId } = await clientWithMeasures(owner, [
      { instrument: "phq9", responses: [0, 0, 0, 0, 0, 0, 0, 0, 0], administered_at: "2026-03-01T10:00:00Z" },
    ]);
    const refused = await measuresForExport(await depsOf(other), clientId).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ProblemError);
    expect((refused as ProblemError).status).toBe(404);
  });
});

describe("a stateless §6 answer as FHIR", () => {
  it("builds a valid derived pair from POST /assessments/phq9's answer, with or without the responses", async () => {
    const therapist = await createVerifiedTherapist(api, admin.tokens.access_token);
    const values = [3, 2, 2, 1, 1, 1, 0, 2, 1];
    const { res, body } = await api.json("/api/v1/assessments/phq9", { responses: values }, as(therapist));
    expect(res.status).toBe(200);
    const result = body as Parameters<typeof assessmentResources>[0];
    const given = assessmentResources(result, values);
    const readBack = assessmentResources(result);
    for (const { questionnaireResponse, observation } of [given, readBack]) {
      await expectValidFhir(questionnaireResponse);
      await expectValidFhir(observation);
      expect(answerCodes(questionnaireResponse)).toEqual(values.map((value, index) => [`item${index + 1}`, String(value)]));
      expect(observation).toMatchObject({
        code: { coding: [{ system: "http://loinc.org", code: "44261-6" }] },
        valueInteger: 13,
        interpretation: [{ text: "moderate" }],
        derivedFrom: [{ reference: `urn:uuid:${questionnaireResponse?.id}` }],
      });
    }
  });

  it("reads a reverse-scored answer back from its item score (DAST-10 item 3: No scores 1)", async () => {
    const therapist = await createVerifiedTherapist(api, admin.tokens.access_token);
    const values = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    const { body } = await api.json("/api/v1/assessments/dast10", { responses: values }, as(therapist));
    const { questionnaireResponse, observation } = assessmentResources(body as Parameters<typeof assessmentResources>[0]);
    await expectValidFhir(questionnaireResponse);
    await expectValidFhir(observation);
    expect(answerCodes(questionnaireResponse)).toEqual(values.map((value, index) => [`item${index + 1}`, String(value)]));
    expect(questionnaireResponse?.item?.[2].answer?.[0].valueCoding).toMatchObject({ code: "0", display: "No" });
  });
});
