/**
 * Diagnoses recorded in a client's record (docs/api.md §12): provisional by default, confirmed or
 * refuted later; which diagnosis it is stays sealed at rest; another clinician's client is 404.
 */
import { describe, expect, it } from "vitest";
import { authHeader, createAdmin, createVerifiedTherapist, errorsAt, expectProblem, type LoggedIn, runSql } from "../support/accounts";
import { createTestApi } from "../support/api";

const api = await createTestApi();
const admin = await createAdmin(api);
const as = (account: LoggedIn) => ({ headers: authHeader(account.tokens.access_token) });

async function clinicianWithClient() {
  const clinician = await createVerifiedTherapist(api, admin.tokens.access_token);
  const { body } = await api.json("/api/v1/clients", { label: "Dx client" }, as(clinician));
  return { clinician, clientId: (body as { id: string }).id };
}

describe("a client's recorded diagnoses", () => {
  it("records a diagnosis from a differential as provisional, confirms it, and lists it", async () => {
    const { clinician, clientId } = await clinicianWithClient();
    const recorded = await api.json(
      `/api/v1/clients/${clientId}/diagnoses`,
      { condition: "Generalized anxiety disorder", dsm5_code: "F41.1", icd11_code: "6B00" },
      as(clinician),
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
      { method: "PATCH", ...as(clinician) },
    );
    expect(confirmed.body).toMatchObject({ id: diagnosis.id, verification: "confirmed" });
    const list = await api.get(`/api/v1/clients/${clientId}/diagnoses`, as(clinician));
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
      as(clinician),
    );
    expectProblem(bad.res, bad.body, 400, "validation_error");
    expect(errorsAt(bad.body, "body.dsm5_code")).not.toHaveLength(0);
    expect(errorsAt(bad.body, "body.verification")).not.toHaveLength(0);
    const list = await api.get(`/api/v1/clients/${clientId}/diagnoses`, as(clinician));
    expect(list.body).toEqual({ diagnoses: [] });
  });

  it("answers 404 for another clinician's client and for a diagnosis of another client", async () => {
    const { clinician, clientId } = await clinicianWithClient();
    const other = await clinicianWithClient();
    const theirs = await api.json(`/api/v1/clients/${clientId}/diagnoses`, { condition: "Y" }, as(other.clinician));
    expectProblem(theirs.res, theirs.body, 404, "client_not_found");
    const mine = await api.json(`/api/v1/clients/${clientId}/diagnoses`, { condition: "Z" }, as(clinician));
    const crossed = await api.json(
      `/api/v1/clients/${other.clientId}/diagnoses/${(mine.body as { id: string }).id}`,
      { verification: "refuted" },
      { method: "PATCH", ...as(other.clinician) },
    );
    expectProblem(crossed.res, crossed.body, 404, "diagnosis_not_found");
  });
});
