/**
 * Stateless answers as FHIR R4 (POST /api/v1/fhir/convert, docs/api.md §13): a §6 assessment
 * result, a §10 note and a §3 diagnose or treatment answer, each as the API gave it, come back as
 * a valid `Bundle` (type collection) of the matching resources around one unidentified `Patient`;
 * model-drafted content with a `Provenance` naming the model as a `Device`. Content that is not
 * the answer its kind names is a 400 problem, a student a 403; the console's "Download FHIR"
 * action downloads the same Bundle as a file.
 */
import type {
  Bundle,
  CarePlan,
  Condition,
  Device,
  DocumentReference,
  Goal,
  Observation,
  Patient,
  Provenance,
  QuestionnaireResponse,
  Resource,
} from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import type { AssessmentResult } from "../../src/assessments/scoring";
import type { NoteAnswer } from "../../src/notes/notes.schemas";
import type { DiagnoseAnswer, TreatmentAnswer } from "../../src/rag/rag.schemas";
import {
  authHeader,
  createAdmin,
  createVerifiedTherapist,
  errorsAt,
  type LoggedIn,
  readProblem,
  registerAndLogin,
} from "../support/accounts";
import { createTestApi } from "../support/api";
import { auditEvents } from "../support/audit";
import { consoleVisitor, ORIGIN } from "../support/console";
import { loadCorpus } from "../support/corpus";
import { expectValidFhir } from "../support/fhir";

const api = await createTestApi();
await loadCorpus(api);
const admin = await createAdmin(api);
// Offline (no model): answers built from the retrieved sources, so their codes are the corpus's.
const offline = await createTestApi({ OPENAI_API_KEY: "" }, { database: api.database });

const SYSTEMS = {
  loinc: "http://loinc.org",
  icd10cm: "http://hl7.org/fhir/sid/icd-10-cm",
  icd11: "http://id.who.int/icd/release/11/mms",
  verification: "http://terminology.hl7.org/CodeSystem/condition-ver-status",
  participant: "http://terminology.hl7.org/CodeSystem/provenance-participant-type",
};
const GAD_SYMPTOMS =
  "Excessive anxiety and worry about work and finances on most days for 8 months, difficult to control; restlessness, fatigue, " +
  "poor concentration, irritability, muscle tension and disturbed sleep.";

const clinician = await createVerifiedTherapist(api, admin.tokens.access_token);
const as = (account: LoggedIn) => ({ headers: authHeader(account.tokens.access_token) });

async function answer<T>(path: string, body: unknown): Promise<T> {
  const { res, body: json } = await offline.json(path, body, as(clinician));
  expect(res.status, JSON.stringify(json)).toBe(200);
  return json as T;
}

const convert = (body: unknown, account: LoggedIn = clinician) => api.json("/api/v1/fhir/convert", body, as(account));

/** Converts, expects a valid FHIR R4 Bundle as application/fhir+json, and returns its resources. */
async function converted(kind: string, content: unknown): Promise<Resource[]> {
  const { res, body } = await convert({ kind, content });
  expect(res.status, JSON.stringify(body)).toBe(200);
  expect(res.headers.get("Content-Type")).toBe("application/fhir+json");
  const bundle = body as Bundle;
  expect(bundle).toMatchObject({ resourceType: "Bundle", type: "collection" });
  await expectValidFhir(bundle);
  const entries = bundle.entry ?? [];
  for (const entry of entries) {
    expect(entry.fullUrl).toBe(`urn:uuid:${entry.resource?.id}`);
    await expectValidFhir(entry.resource);
  }
  return entries.map((entry) => entry.resource as Resource);
}

const ofType = <T extends Resource>(resources: Resource[], type: T["resourceType"]) =>
  resources.filter((resource): resource is T => resource.resourceType === type);
const urn = (resource: Resource) => `urn:uuid:${resource.id}`;

/** The one unidentified Patient every Bundle holds: no identifier, no name, and every subject points at it. */
function expectUnidentifiedPatient(resources: Resource[], subjects: Array<{ subject?: { reference?: string } }>) {
  const patients = ofType<Patient>(resources, "Patient");
  expect(patients).toHaveLength(1);
  expect(patients[0].identifier).toBeUndefined();
  expect(patients[0].name).toBeUndefined();
  for (const resource of subjects) expect(resource.subject?.reference).toBe(urn(patients[0]));
}

/** The model as a Device, author of exactly `drafted` in one Provenance. */
function expectModelProvenance(resources: Resource[], drafted: Resource[], model: string) {
  const [provenance, ...more] = ofType<Provenance>(resources, "Provenance");
  expect(more).toHaveLength(0);
  expect(provenance.target.map((target) => target.reference).sort()).toEqual(drafted.map(urn).sort());
  const [device] = ofType<Device>(resources, "Device");
  expect(device.deviceName).toEqual([{ name: model, type: "model-name" }]);
  expect(provenance.agent).toEqual([
    {
      type: { coding: [{ system: SYSTEMS.participant, code: "author", display: "Author" }] },
      who: { reference: urn(device), type: "Device" },
    },
  ]);
}

describe("POST /api/v1/fhir/convert", () => {
  it("a diagnose answer: one differential Condition per condition, coded in ICD-10-CM and ICD-11, the model its author", async () => {
    const diagnosis = await answer<DiagnoseAnswer>("/api/v1/rag/diagnose", { symptoms: GAD_SYMPTOMS });
    expect(diagnosis.differential.length).toBeGreaterThan(0);
    const resources = await converted("diagnose", diagnosis);

    const conditions = ofType<Condition>(resources, "Condition");
    expect(conditions.map((condition) => condition.code?.text)).toEqual(diagnosis.differential.map((item) => item.condition));
    diagnosis.differential.forEach((item, index) => {
      const condition = conditions[index];
      expect(condition.verificationStatus?.coding).toEqual([
        { system: SYSTEMS.verification, code: "differential", display: "Differential" },
      ]);
      expect(condition.clinicalStatus).toBeUndefined();
      expect(condition.category?.[0].coding?.[0].code).toBe("encounter-diagnosis");
      const codings = condition.code?.coding ?? [];
      if (item.dsm5_code) expect(codings).toContainEqual({ system: SYSTEMS.icd10cm, code: item.dsm5_code });
      if (item.icd11_code) expect(codings).toContainEqual({ system: SYSTEMS.icd11, code: item.icd11_code });
      expect(condition.note?.[0].text).toContain(item.rationale);
    });
    expect(conditions.some((condition) => condition.code?.coding?.some((coding) => coding.code === "F41.1"))).toBe(true);
    expectUnidentifiedPatient(resources, conditions);
    expectModelProvenance(resources, conditions, diagnosis.ai_response.model_used);
  });

  it("a treatment answer: a proposed draft CarePlan with a proposed Goal per SMART goal", async () => {
    const treatment = await answer<TreatmentAnswer>("/api/v1/rag/treatment", { diagnosis: "Generalized anxiety disorder" });
    const plan = treatment.treatment_plan;
    expect(plan.smart_goals.length).toBeGreaterThan(0);
    const resources = await converted("treatment", treatment);

    const [carePlan, ...otherPlans] = ofType<CarePlan>(resources, "CarePlan");
    expect(otherPlans).toHaveLength(0);
    expect(carePlan).toMatchObject({ status: "draft", intent: "proposal" });
    const goals = ofType<Goal>(resources, "Goal");
    expect(goals.map((goal) => goal.description.text)).toEqual(plan.smart_goals.map((goal) => goal.goal));
    for (const goal of goals) expect(goal.lifecycleStatus).toBe("proposed");
    expect(carePlan.goal?.map((ref) => ref.reference)).toEqual(goals.map(urn));
    expect(carePlan.activity?.map((activity) => activity.detail?.description)).toEqual(
      expect.arrayContaining(plan.interventions.map((intervention) => expect.stringContaining(intervention.name))),
    );
    expect(carePlan.note?.map((note) => note.text)).toContain(`Review by ${plan.review_date}.`);
    expectUnidentifiedPatient(resources, [carePlan, ...goals]);
    expectModelProvenance(resources, [carePlan, ...goals], treatment.ai_response.model_used);
  });

  it("medication considerations go into the plan only for a clinician who may see them", async () => {
    const treatment = await answer<TreatmentAnswer>("/api/v1/rag/treatment", { diagnosis: "Generalized anxiety disorder" });
    const withMedication = {
      ...treatment,
      treatment_plan: { ...treatment.treatment_plan, medication_considerations: "SSRIs first line; review at 4-6 weeks." },
    };
    const psychiatrist = await createVerifiedTherapist(api, admin.tokens.access_token, { role: "psychiatrist", license_type: "MD" });
    const notesFor = async (account: LoggedIn) => {
      const { res, body } = await convert({ kind: "treatment", content: withMedication }, account);
      expect(res.status).toBe(200);
      const [carePlan] = ofType<CarePlan>(
        ((body as Bundle).entry ?? []).map((entry) => entry.resource as Resource),
        "CarePlan",
      );
      return (carePlan.note ?? []).map((note) => note.text).join("\n");
    };
    expect(await notesFor(psychiatrist)).toContain("SSRIs first line");
    expect(await notesFor(clinician)).not.toContain("SSRIs");
  });

  it("a note: a preliminary progress-note DocumentReference (LOINC 11506-3) with its sections as text/plain", async () => {
    const note = await answer<NoteAnswer>("/api/v1/notes", {
      format: "soap",
      text: "Client reports sleeping six hours. We practised a breathing exercise. Next session in two weeks.",
    });
    const resources = await converted("note", note);

    const [document, ...others] = ofType<DocumentReference>(resources, "DocumentReference");
    expect(others).toHaveLength(0);
    expect(document).toMatchObject({ status: "current", docStatus: "preliminary" });
    expect(document.type?.coding).toEqual([{ system: SYSTEMS.loinc, code: "11506-3", display: "Progress note" }]);
    const attachment = document.content[0].attachment;
    expect(attachment.contentType).toBe("text/plain; charset=utf-8");
    const text = new TextDecoder().decode(Uint8Array.from(atob(attachment.data ?? ""), (char) => char.charCodeAt(0)));
    for (const heading of ["Subjective", "Objective", "Assessment", "Plan"]) expect(text).toContain(`${heading}\n`);
    for (const section of Object.values(note.sections)) expect(text).toContain(section);
    expectUnidentifiedPatient(resources, [document]);
    expectModelProvenance(resources, [document], note.ai_response.model_used);
  });

  it("an assessment result: its answers as a QuestionnaireResponse and the score as a LOINC-coded Observation, no Provenance", async () => {
    const { res, body } = await api.json("/api/v1/assessments/phq9", { responses: [2, 2, 1, 1, 1, 1, 1, 1, 0] }, as(clinician));
    expect(res.status).toBe(200);
    const result = body as AssessmentResult;
    const resources = await converted("assessment", result);

    const [response] = ofType<QuestionnaireResponse>(resources, "QuestionnaireResponse");
    expect(response.status).toBe("completed");
    expect(response.item?.length).toBe(9);
    const [observation] = ofType<Observation>(resources, "Observation");
    expect(observation.code.coding).toEqual([{ system: SYSTEMS.loinc, code: "44261-6" }]);
    expect(observation.valueInteger).toBe(10);
    expect(observation.derivedFrom?.[0].reference).toBe(urn(response));
    expectUnidentifiedPatient(resources, [response, observation]);
    expect(ofType(resources, "Provenance")).toHaveLength(0);
  });

  it("a differential the knowledge base could not support converts to an empty Bundle", async () => {
    const diagnosis = await answer<DiagnoseAnswer>("/api/v1/rag/diagnose", { symptoms: GAD_SYMPTOMS });
    expect(await converted("diagnose", { ...diagnosis, differential: [] })).toEqual([]);
  });

  it("blank text in an answer is left out, not sent as the empty strings FHIR forbids", async () => {
    const diagnosis = await answer<DiagnoseAnswer>("/api/v1/rag/diagnose", { symptoms: GAD_SYMPTOMS });
    const blank = { ...diagnosis.differential[0], condition: "  ", rationale: "", dsm5_code: " F41.1 ", icd11_code: "" };
    const [condition] = ofType<Condition>(await converted("diagnose", { ...diagnosis, differential: [blank] }), "Condition");
    expect(condition.code).toEqual({ coding: [{ system: SYSTEMS.icd10cm, code: "F41.1" }] });

    const treatment = await answer<TreatmentAnswer>("/api/v1/rag/treatment", { diagnosis: "Generalized anxiety disorder" });
    const plan = treatment.treatment_plan;
    const blankGoal = { ...plan.smart_goals[0], goal: " ", specific: "" };
    const resources = await converted("treatment", {
      ...treatment,
      ai_response: { ...treatment.ai_response, model_used: "" },
      treatment_plan: { ...plan, timeline: "", smart_goals: [blankGoal, ...plan.smart_goals] },
    });
    expect(ofType<Goal>(resources, "Goal")).toHaveLength(plan.smart_goals.length);
    expect(ofType<CarePlan>(resources, "CarePlan")[0].description).toBeUndefined();
  });

  it("content that is not the answer its kind names is a 400 problem at the field", async () => {
    const diagnosis = await answer<DiagnoseAnswer>("/api/v1/rag/diagnose", { symptoms: GAD_SYMPTOMS });
    const cases: Array<[unknown, string]> = [
      [{ kind: "diagnose", content: { ...diagnosis, differential: undefined } }, "body.content.differential"],
      [{ kind: "treatment", content: diagnosis }, "body.content.treatment_plan"],
      [{ kind: "assessment", content: { ...diagnosis, instrument: "nope" } }, "body.content.instrument"],
      [{ kind: "note", content: { sections: {} } }, "body.content.format"],
      [{ kind: "case_analysis", content: diagnosis }, "body.kind"],
    ];
    for (const [body, path] of cases) {
      const problem = await readProblem(await api.post("/api/v1/fhir/convert", body, as(clinician)), 400, "validation_error");
      expect(errorsAt(problem, path).length, `${path}: ${JSON.stringify(problem.errors)}`).toBeGreaterThan(0);
    }
  });

  it("refuses a student (403) and a caller without a token (401)", async () => {
    const result = { kind: "diagnose", content: await answer<DiagnoseAnswer>("/api/v1/rag/diagnose", { symptoms: GAD_SYMPTOMS }) };
    await readProblem(await api.post("/api/v1/fhir/convert", result, as(await registerAndLogin(api))), 403, "forbidden");
    expect((await api.post("/api/v1/fhir/convert", result)).status).toBe(401);
  });

  it("is audited as fhir.convert with the kind and size, never the content", async () => {
    const account = await createVerifiedTherapist(api, admin.tokens.access_token);
    const { res, body } = await api.json("/api/v1/assessments/gad7", { responses: [1, 1, 1, 1, 1, 1, 1] }, as(account));
    expect(res.status).toBe(200);
    expect((await convert({ kind: "assessment", content: body }, account)).res.status).toBe(200);
    const [event] = await auditEvents(api, admin.tokens.access_token, { user_id: account.user.id, action: "fhir.convert" });
    expect(event).toMatchObject({ outcome: "success", detail: { kind: "assessment", instrument: "gad7", bytes: expect.any(Number) } });
  });
});

describe("Download FHIR in the console", () => {
  it("downloads the answer's Bundle as <kind>.fhir.json", async () => {
    const visitor = consoleVisitor(api);
    expect((await visitor.signIn(clinician.user.email, clinician.password)).status).toBe(303);
    const diagnosis = await answer<DiagnoseAnswer>("/api/v1/rag/diagnose", { symptoms: GAD_SYMPTOMS });
    const res = await visitor.fetch("/app/fhir/convert", {
      method: "POST",
      headers: { Origin: ORIGIN, "Content-Type": "application/json", "X-CSRF-Token": await visitor.csrfToken() },
      body: JSON.stringify({ kind: "diagnose", content: diagnosis }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/fhir+json");
    expect(res.headers.get("Content-Disposition")).toBe('attachment; filename="diagnose.fhir.json"');
    const bundle = (await res.json()) as Bundle;
    await expectValidFhir(bundle);
    expect(
      ofType<Condition>(
        (bundle.entry ?? []).map((entry) => entry.resource as Resource),
        "Condition",
      ),
    ).toHaveLength(diagnosis.differential.length);
  });

  it("a scored assessment page carries its result for the button, which converts it; a student's page offers none", async () => {
    const items = Object.fromEntries(Array.from({ length: 7 }, (_, index) => [`item${index + 1}`, "2"]));
    const resultOn = async (account: LoggedIn) => {
      const visitor = consoleVisitor(api);
      expect((await visitor.signIn(account.user.email, account.password)).status).toBe(303);
      const csrf = await visitor.csrfToken();
      const res = await visitor.post("/app/assessments", { _csrf: csrf, instrument: "gad7", ...items });
      expect(res.status).toBe(200);
      const raw = /data-fhir-assessment="([^"]*)"/.exec(await res.text())?.[1];
      return { visitor, csrf, raw };
    };
    const { visitor, csrf, raw } = await resultOn(clinician);
    const result = JSON.parse(
      (raw ?? "")
        .replaceAll("&quot;", '"')
        .replaceAll("&#39;", "'")
        .replaceAll("&lt;", "<")
        .replaceAll("&gt;", ">")
        .replaceAll("&amp;", "&"),
    ) as AssessmentResult;
    expect(result).toMatchObject({ instrument: "gad7", score: 14 });
    const res = await visitor.fetch("/app/fhir/convert", {
      method: "POST",
      headers: { Origin: ORIGIN, "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify({ kind: "assessment", content: result }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Disposition")).toBe('attachment; filename="assessment.fhir.json"');
    const bundle = (await res.json()) as Bundle;
    await expectValidFhir(bundle);
    const [observation] = ofType<Observation>(
      (bundle.entry ?? []).map((entry) => entry.resource as Resource),
      "Observation",
    );
    expect(observation.code.coding).toEqual([{ system: SYSTEMS.loinc, code: "70274-6" }]);

    expect((await resultOn(await registerAndLogin(api))).raw).toBeUndefined();
  });

  it("refuses a student's console session with a 403 problem", async () => {
    const student = await registerAndLogin(api);
    const visitor = consoleVisitor(api);
    expect((await visitor.signIn(student.user.email, student.password)).status).toBe(303);
    const res = await visitor.fetch("/app/fhir/convert", {
      method: "POST",
      headers: { Origin: ORIGIN, "Content-Type": "application/json", "X-CSRF-Token": await visitor.csrfToken() },
      body: JSON.stringify({ kind: "diagnose", content: {} }),
    });
    expect(res.status).toBe(403);
  });
});
