/**
 * Diagnoses recorded in a client's record (docs/api.md §12): provisional by default, confirmed or
 * refuted later; which diagnosis it is stays sealed at rest; another clinician's client is 404.
 */
import { describe, expect, it } from "vitest";
import { errorsAt, expectProblem, runSql } from "../support/accounts";
import { addClient, bearer, workspaceFixture } from "../support/workspace";

const { api, clinician: newClinician } = await workspaceFixture();

async function clinicianWithClient() {
  const clinician = await newClinician();
  const { id: clientId } = await addClient(api, clinician, { label: "Dx client" });
  return { clinician, clientId };
}

describe("a client's recorded diagnoses", () => {
  it("records a diagnosis from a differential as provisional, confirms it, and lists it", async () => {
    const { clinician, clientId } = await clinicianWithClient();
    const recorded = await api.json(
      `/api/v1/clients/${clientId}/diagnoses`,
      { condition: "Generalized anxiety disorder", dsm5_code: "F41.1", icd11_code: "6B00" },
      bearer(clinician),
    );
    expect(recorded.res.status).toBe(201);
    const diagnosis = recorded.body as { id: string };
    expect(recorded.body).toMatchObject({
      condition: "Generalized anxiety disorder",
      dsm5_code: "F41.1",
      icd11_code: "6B00",
      verification: "provisional",
      recorded_by: clinician.user.id,
    });

    const confirmed = await api.json(
      `/api/v1/clients/${clientId}/diagnoses/${diagnosis.id}`,
      { verification: "confirmed" },
      { method: "PATCH", ...bearer(clinician) },
    );
    expect(confirmed.body).toMatchObject({ id: diagnosis.id, verification: "confirmed" });
    const list = await api.get(`/api/v1/clients/${clientId}/diagnoses`, bearer(clinician));
    expect(list.body).toMatchObject({
      diagnoses: [{ id: diagnosis.id, condition: "Generalized anxiety disorder", verification: "confirmed" }],
    });

    const [[sealed]] = (await runSql(api, "select body_sealed from client_diagnoses where id = $1", [diagnosis.id])) as [[string]];
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toMatch(/anxiety|F41/);
  });

  it("refuses a malformed code or status with 400 and records nothing", async () => {
    const { clinician, clientId } = await clinicianWithClient();
    const bad = await api.json(
      `/api/v1/clients/${clientId}/diagnoses`,
      { condition: "X", dsm5_code: "anxiety", verification: "maybe" },
      bearer(clinician),
    );
    expectProblem(bad.res, bad.body, 400, "validation_error");
    expect(errorsAt(bad.body, "body.dsm5_code")).not.toHaveLength(0);
    expect(errorsAt(bad.body, "body.verification")).not.toHaveLength(0);
    const list = await api.get(`/api/v1/clients/${clientId}/diagnoses`, bearer(clinician));
    expect(list.body).toEqual({ diagnoses: [] });
  });

  it("answers 404 for another clinician's client and for a diagnosis of another client", async () => {
    const { clinician, clientId } = await clinicianWithClient();
    const other = await clinicianWithClient();
    const theirs = await api.json(`/api/v1/clients/${clientId}/diagnoses`, { condition: "Y" }, bearer(other.clinician));
    expectProblem(theirs.res, theirs.body, 404, "client_not_found");
    const mine = await api.json(`/api/v1/clients/${clientId}/diagnoses`, { condition: "Z" }, bearer(clinician));
    const crossed = await api.json(
      `/api/v1/clients/${other.clientId}/diagnoses/${(mine.body as { id: string }).id}`,
      { verification: "refuted" },
      { method: "PATCH", ...bearer(other.clinician) },
    );
    expectProblem(crossed.res, crossed.body, 404, "diagnosis_not_found");
  });
});
