/**
 * A client's record as a FHIR R4 Bundle (docs/api.md §13, issue 24 item 1): GET
 * /api/v1/clients/{id}/fhir, the MCP tool export_fhir and the console's Download FHIR give the
 * same Bundle, which the R4 validator accepts; the Patient carries no name; the codes are the
 * ones §13 names; another clinician's client is not found.
 */

import type {
  Bundle,
  CarePlan,
  Condition,
  DocumentReference,
  Goal,
  Observation,
  Patient,
  Practitioner,
  Provenance,
  QuestionnaireResponse,
  Resource,
} from "@medplum/fhirtypes";
import { Client as McpClient } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { CfWorkerJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/cfworker";
import { afterAll, describe, expect, it } from "vitest";
import { authHeader, createAdmin, createVerifiedTherapist, expectProblem, type LoggedIn, runSql } from "../support/accounts";
import { createTestApi } from "../support/api";
import { consoleVisitor } from "../support/console";
import { expectValidFhir } from "../support/fhir";

const api = await createTestApi();
const admin = await createAdmin(api);
const as = (account: LoggedIn) => ({ headers: authHeader(account.tokens.access_token) });

const SUBJECTIVE = "Reports sleeping better; worry about work persists. Ünïcode kept: “quotes” and ñ.";
const ADDENDUM = "Late entry: client phoned to confirm the next session.";

async function send(owner: LoggedIn, path: string, body: unknown, method = "POST") {
  const { res, body: answer } = await api.json(path, body, { method, ...as(owner) });
  expect(res.status, JSON.stringify(answer)).toBeLessThan(300);
  return answer as { id: string } & Record<string, unknown>;
}

/** A client with details, a PHQ-9, a confirmed diagnosis, a plan with two goals (one met), a signed generated note with an addendum and a draft. */
async function clientWithRecord(owner: LoggedIn) {
  const client = await send(owner, "/api/v1/clients", {
    label: "Client F-1",
    year_of_birth: 1990,
    sex: "female",
    gender: "woman",
    pronouns: "she/her",
    preferred_language: "es",
  });
  const base = `/api/v1/clients/${client.id}`;
  const measure = await send(owner, `${base}/measures`, {
    instrument: "phq9",
    responses: [2, 2, 1, 1, 2, 1, 1, 1, 0],
    administered_at: "2026-03-01T10:00:00Z",
  });
  const diagnosis = await send(owner, `${base}/diagnoses`, {
    condition: "Generalized anxiety disorder",
    dsm5_code: "F41.1",
    icd11_code: "6B00",
    verification: "confirmed",
  });
  const plan = (await send(
    owner,
    `${base}/plan`,
    {
      problems: [{ description: "Persistent worry interfering with work" }],
      interventions: [{ name: "Cognitive behavioural therapy", frequency: "weekly" }],
      review_date: "2026-06-01",
      goals: [{ text: "Sleeps 7 hours on most nights" }, { text: "GAD-7 below 10 by week 12" }],
    },
    "PUT",
  )) as unknown as { goals: { id: string }[] };
  const [metGoal, openGoal] = plan.goals;
  await send(owner, `${base}/plan/goals/${metGoal.id}`, { status: "met" }, "PATCH");
  await send(owner, `${base}/plan/goals/${openGoal.id}`, { status: "in_progress" }, "PATCH");
  const signed = await send(owner, `${base}/notes`, {
    session_date: "2026-03-01",
    format: "dap",
    sections: { data: SUBJECTIVE, assessment: "Improving.", plan: "Continue CBT." },
    statements: { data: [{ text: SUBJECTIVE, spans: [{ start: 0, end: 10 }] }] },
  });
  await send(owner, `${base}/notes/${signed.id}/sign`, {});
  await send(owner, `${base}/notes/${signed.id}/addenda`, { text: ADDENDUM });
  const draft = await send(owner, `${base}/notes`, {
    session_date: "2026-03-08",
    format: "soap",
    sections: { subjective: "Draft S", objective: "Draft O", assessment: "Draft A", plan: "Draft P" },
  });
  return {
    clientId: client.id,
    measureId: measure.id,
    diagnosisId: diagnosis.id,
    metGoal: metGoal.id,
    openGoal: openGoal.id,
    signed,
    draft,
  };
}

async function exportBundle(owner: LoggedIn, clientId: string): Promise<Bundle> {
  const res = await api.fetch(`/api/v1/clients/${clientId}/fhir`, as(owner));
  expect(res.status, await res.clone().text()).toBe(200);
  expect(res.headers.get("Content-Type")).toMatch(/^application\/fhir\+json/);
  return (await res.json()) as Bundle;
}

const resources = (bundle: Bundle) => (bundle.entry ?? []).map((entry) => entry.resource as Resource);
const ofType = <T extends Resource>(bundle: Bundle, type: T["resourceType"]) =>
  resources(bundle).filter((resource): resource is T => resource.resourceType === type);
const decode = (data: string) => new TextDecoder().decode(Uint8Array.from(atob(data), (char) => char.charCodeAt(0)));
/** The Bundle without what differs between two exports of the same record: its id and timestamp. */
const entriesOf = (bundle: Bundle) => bundle.entry;

describe("GET /api/v1/clients/{id}/fhir", () => {
  it("exports the whole record as a valid R4 collection Bundle with the codes §13 names, every reference by urn:uuid", async () => {
    const owner = await createVerifiedTherapist(api, admin.tokens.access_token);
    const record = await clientWithRecord(owner);
    const bundle = await exportBundle(owner, record.clientId);
    await expectValidFhir(bundle);
    for (const resource of resources(bundle)) await expectValidFhir(resource);

    expect(bundle).toMatchObject({ resourceType: "Bundle", type: "collection" });
    expect(Date.parse(bundle.timestamp as string)).toBeGreaterThan(Date.now() - 60_000);
    for (const entry of bundle.entry ?? []) expect(entry.fullUrl).toBe(`urn:uuid:${entry.resource?.id}`);
    const fullUrls = new Set((bundle.entry ?? []).map((entry) => entry.fullUrl));
    const references = [...JSON.stringify(bundle).matchAll(/"reference":"([^"]+)"/g)].map((match) => match[1]);
    expect(references.length).toBeGreaterThan(10);
    for (const reference of references) expect(fullUrls, reference).toContain(reference);

    expect(
      resources(bundle)
        .map((resource) => resource.resourceType)
        .sort(),
    ).toEqual(
      [
        "CarePlan",
        "Condition",
        "Device",
        "DocumentReference",
        "DocumentReference",
        "Goal",
        "Goal",
        "Observation",
        "Patient",
        "Practitioner",
        "Provenance",
        "QuestionnaireResponse",
      ].sort(),
    );

    const [patient] = ofType<Patient>(bundle, "Patient");
    expect(patient).toEqual({
      resourceType: "Patient",
      id: record.clientId,
      identifier: [{ system: "https://therapy-assistant.dev/fhir/sid/client-id", value: record.clientId }],
      active: true,
      gender: "female",
      birthDate: "1990",
      communication: [{ language: { coding: [{ system: "urn:ietf:bcp:47", code: "es" }] }, preferred: true }],
    });
    expect(JSON.stringify(bundle)).not.toContain("Client F-1");

    const [practitioner] = ofType<Practitioner>(bundle, "Practitioner");
    expect(practitioner).toMatchObject({
      id: owner.user.id,
      identifier: [{ system: "https://therapy-assistant.dev/fhir/sid/user-id", value: owner.user.id }],
    });
    const clinicianRef = `urn:uuid:${owner.user.id}`;
    const patientRef = `urn:uuid:${record.clientId}`;

    const [condition] = ofType<Condition>(bundle, "Condition");
    expect(condition).toMatchObject({
      id: record.diagnosisId,
      clinicalStatus: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-clinical", code: "active" }] },
      verificationStatus: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-ver-status", code: "confirmed" }] },
      category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-category", code: "encounter-diagnosis" }] }],
      code: {
        coding: [
          { system: "http://hl7.org/fhir/sid/icd-10-cm", code: "F41.1" },
          { system: "http://id.who.int/icd/release/11/mms", code: "6B00" },
        ],
        text: "Generalized anxiety disorder",
      },
      subject: { reference: patientRef },
      recorder: { reference: clinicianRef },
    });

    const [response] = ofType<QuestionnaireResponse>(bundle, "QuestionnaireResponse");
    const [observation] = ofType<Observation>(bundle, "Observation");
    expect(response).toMatchObject({ id: record.measureId, status: "completed", subject: { reference: patientRef } });
    expect(observation).toMatchObject({
      code: { coding: [{ system: "http://loinc.org", code: "44261-6" }] },
      valueInteger: 11,
      derivedFrom: [{ reference: `urn:uuid:${record.measureId}` }],
    });

    const goals = ofType<Goal>(bundle, "Goal");
    const byId = Object.fromEntries(goals.map((goal) => [goal.id, goal]));
    expect(byId[record.metGoal]).toMatchObject({
      lifecycleStatus: "completed",
      achievementStatus: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/goal-achievement", code: "achieved" }] },
      description: { text: "Sleeps 7 hours on most nights" },
      subject: { reference: patientRef },
    });
    expect(byId[record.openGoal]).toMatchObject({
      lifecycleStatus: "active",
      achievementStatus: { coding: [{ code: "in-progress" }] },
    });
    const [carePlan] = ofType<CarePlan>(bundle, "CarePlan");
    expect(carePlan).toMatchObject({
      status: "active",
      intent: "plan",
      subject: { reference: patientRef },
      period: { end: "2026-06-01" },
      description: "Persistent worry interfering with work",
      activity: [{ detail: { description: "Cognitive behavioural therapy, weekly" } }],
    });
    expect(carePlan.goal?.map((goal) => goal.reference).sort()).toEqual(goals.map((goal) => `urn:uuid:${goal.id}`).sort());

    const documents = Object.fromEntries(ofType<DocumentReference>(bundle, "DocumentReference").map((doc) => [doc.id, doc]));
    const signed = documents[record.signed.id];
    expect(signed).toMatchObject({
      status: "current",
      docStatus: "final",
      type: { coding: [{ system: "http://loinc.org", code: "11506-3" }] },
      subject: { reference: patientRef },
      author: [{ reference: clinicianRef }],
      authenticator: { reference: clinicianRef },
      context: { period: { start: "2026-03-01" } },
    });
    const text = decode(signed.content[0].attachment.data as string);
    expect(signed.content[0].attachment.contentType).toBe("text/plain; charset=utf-8");
    expect(text).toContain(`Data\n${SUBJECTIVE}`);
    expect(text.indexOf("Assessment\nImproving.")).toBeLessThan(text.indexOf(ADDENDUM));
    const draft = documents[record.draft.id];
    expect(draft).toMatchObject({ docStatus: "preliminary", type: { coding: [{ code: "11506-3" }] } });
    expect(draft.authenticator).toBeUndefined();
    expect(decode(draft.content[0].attachment.data as string)).toContain("Subjective\nDraft S");

    // Only the generated note has statements: its Provenance names the generator and, as it is signed, the clinician.
    const [provenance] = ofType<Provenance>(bundle, "Provenance");
    const [device] = ofType<Resource>(bundle, "Device");
    expect(provenance).toMatchObject({
      target: [{ reference: `urn:uuid:${record.signed.id}` }],
      agent: [
        { type: { coding: [{ code: "author" }] }, who: { reference: `urn:uuid:${device.id}` } },
        { type: { coding: [{ code: "verifier" }] }, who: { reference: clinicianRef } },
      ],
    });

    const events = await runSql(api, "select action, outcome from audit_events where target = $1 and action like '%fhir%'", [
      `client:${record.clientId}`,
    ]);
    expect(events).toEqual([["workspace.fhir.export", "success"]]);

    // A second export of the same record gives the same entries (stable ids), so a server importing with PUT updates, not duplicates.
    expect(entriesOf(await exportBundle(owner, record.clientId))).toEqual(entriesOf(bundle));
  });

  it("exports a new client with no record as a Patient alone, without gender, birth year or language", async () => {
    const owner = await createVerifiedTherapist(api, admin.tokens.access_token);
    const client = await send(owner, "/api/v1/clients", { label: "Bare client" });
    const bundle = await exportBundle(owner, client.id);
    await expectValidFhir(bundle);
    expect(resources(bundle)).toEqual([
      {
        resourceType: "Patient",
        id: client.id,
        identifier: [{ system: "https://therapy-assistant.dev/fhir/sid/client-id", value: client.id }],
        active: true,
      },
    ]);
  });

  it("leaves clinicalStatus out of a refuted or entered-in-error diagnosis (con-5), and maps an intersex client to gender other", async () => {
    const owner = await createVerifiedTherapist(api, admin.tokens.access_token);
    const client = await send(owner, "/api/v1/clients", { label: "Dx", sex: "intersex" });
    for (const verification of ["refuted", "entered-in-error"])
      await send(owner, `/api/v1/clients/${client.id}/diagnoses`, { condition: "Panic disorder", dsm5_code: "F41.0", verification });
    const bundle = await exportBundle(owner, client.id);
    await expectValidFhir(bundle);
    expect(ofType<Patient>(bundle, "Patient")[0].gender).toBe("other");
    const conditions = ofType<Condition>(bundle, "Condition");
    expect(conditions.map((condition) => condition.verificationStatus?.coding?.[0].code).sort()).toEqual(["entered-in-error", "refuted"]);
    for (const condition of conditions) {
      expect(condition.clinicalStatus).toBeUndefined();
      expect(condition.code?.coding).toEqual([{ system: "http://hl7.org/fhir/sid/icd-10-cm", code: "F41.0" }]);
    }
  });

  it("answers 404 client_not_found for another clinician's client, and 400 for a malformed id", async () => {
    const owner = await createVerifiedTherapist(api, admin.tokens.access_token);
    const other = await createVerifiedTherapist(api, admin.tokens.access_token);
    const client = await send(owner, "/api/v1/clients", { label: "Private" });
    const { res, body } = await api.get(`/api/v1/clients/${client.id}/fhir`, as(other));
    expectProblem(res, body, 404, "client_not_found");
    const malformed = await api.get("/api/v1/clients/not-a-uuid/fhir", as(owner));
    expectProblem(malformed.res, malformed.body, 400, "validation_error");
  });
});

describe("the other doors give the same Bundle", () => {
  const connected: McpClient[] = [];
  afterAll(async () => {
    await Promise.all(connected.map((client) => client.close()));
  });

  it("the MCP tool export_fhir returns it for a token with the workspace scope", async () => {
    const owner = await createVerifiedTherapist(api, admin.tokens.access_token);
    const record = await clientWithRecord(owner);
    const created = await api.json(
      "/api/auth/tokens",
      { name: "ehr-sync", scopes: ["mcp", "workspace"], password: owner.password },
      as(owner),
    );
    expect(created.res.status).toBe(201);
    const mcp = new McpClient({ name: "fhir-test", version: "1.0.0" }, { jsonSchemaValidator: new CfWorkerJsonSchemaValidator() });
    await mcp.connect(
      new StreamableHTTPClientTransport(new URL("http://api.test/mcp"), {
        fetch: (url, init) => api.fetch(String(url), init),
        requestInit: { headers: authHeader((created.body as { token: string }).token) },
      }),
    );
    connected.push(mcp);
    expect((await mcp.listTools()).tools.map((tool) => tool.name)).toContain("export_fhir");
    const result = (await mcp.callTool({ name: "export_fhir", arguments: { client_id: record.clientId } })) as CallToolResult;
    expect(result.isError ?? false, JSON.stringify(result.content)).toBe(false);
    const bundle = JSON.parse((result.content[0] as { text: string }).text) as Bundle;
    await expectValidFhir(bundle);
    expect(entriesOf(bundle)).toEqual(entriesOf(await exportBundle(owner, record.clientId)));

    const other = await mcp.callTool({ name: "export_fhir", arguments: { client_id: crypto.randomUUID() } });
    expect(other.isError).toBe(true);
    const events = await runSql(api, "select action, outcome, target from audit_events where user_id = $1 and action = 'mcp.export_fhir'", [
      owner.user.id,
    ]);
    expect(events).toContainEqual(["mcp.export_fhir", "success", `client:${record.clientId}`]);
  });

  it("the console's Download FHIR link on the client page downloads it as client-<label>.fhir.json", async () => {
    const owner = await createVerifiedTherapist(api, admin.tokens.access_token);
    const record = await clientWithRecord(owner);
    const visitor = consoleVisitor(api);
    expect((await visitor.signIn(owner.user.email, owner.password)).status).toBe(303);

    const page = await visitor.page(`/app/clients/${record.clientId}`);
    expect(page.html).toContain(`href="/app/clients/${record.clientId}/fhir"`);
    expect(page.html).toContain("Download FHIR");

    const download = await visitor.fetch(`/app/clients/${record.clientId}/fhir`);
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Type")).toMatch(/^application\/fhir\+json/);
    expect(download.headers.get("Content-Disposition")).toBe('attachment; filename="client-f-1.fhir.json"');
    const bundle = (await download.json()) as Bundle;
    await expectValidFhir(bundle);
    expect(entriesOf(bundle)).toEqual(entriesOf(await exportBundle(owner, record.clientId)));

    const stranger = consoleVisitor(api);
    const other = await createVerifiedTherapist(api, admin.tokens.access_token);
    await stranger.signIn(other.user.email, other.password);
    expect((await stranger.fetch(`/app/clients/${record.clientId}/fhir`)).status).toBe(404);
  });
});
