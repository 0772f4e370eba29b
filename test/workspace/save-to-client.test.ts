/**
 * "Save to client…" under console answers (issue 23 item 8): the diagnose page lists the
 * clinician's active clients for its script, and the action behind it records a differential's
 * condition as a provisional diagnosis in the chosen record (the workspace's own use case).
 */
import { describe, expect, it } from "vitest";
import { authHeader, type LoggedIn, readProblem, registerAndLogin } from "../support/accounts";
import { type ConsoleVisitor, ORIGIN } from "../support/console";
import { addClient, bearer, signedInVisitor, workspaceFixture } from "../support/workspace";

const { api, admin, clinician: newClinician } = await workspaceFixture();

async function clientOf(account: LoggedIn, label: string, status?: "discharged") {
  const { id } = await addClient(api, account, { label });
  if (status) await api.json(`/api/v1/clients/${id}`, { status }, { method: "PATCH", ...bearer(account) });
  return id;
}

const clientsOn = (html: string) => {
  const raw = /id="workspace-clients" hidden="" data-clients="([^"]*)"/.exec(html)?.[1];
  return raw === undefined
    ? null
    : (JSON.parse(
        raw.replaceAll("&quot;", '"').replaceAll("&#39;", "'").replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&"),
      ) as Array<{ label: string }>);
};

function save(visitor: ConsoleVisitor, clientId: string, body: unknown, csrfToken: string, what = "diagnosis") {
  return visitor.fetch(`/app/clients/${clientId}/save/${what}`, {
    method: "POST",
    headers: { Origin: ORIGIN, "Content-Type": "application/json", Accept: "application/json", "X-CSRF-Token": csrfToken },
    body: JSON.stringify(body),
  });
}

describe("Save to client… on the diagnose page", () => {
  it("lists the clinician's active clients (not discharged ones) for the page's script", async () => {
    const clinician = await newClinician();
    await clientOf(clinician, "Active <one>");
    await clientOf(clinician, "Gone", "discharged");
    const visitor = await signedInVisitor(api, clinician);
    const page = await visitor.page("/app/diagnose");
    expect(clientsOn(page.html)?.map((client) => client.label)).toEqual(["Active <one>"]);
  });

  it("offers nothing to a student or an administrator, who have no workspace", async () => {
    for (const account of [await registerAndLogin(api), admin]) {
      const page = await (await signedInVisitor(api, account)).page("/app/diagnose");
      expect(clientsOn(page.html)).toBeNull();
    }
  });

  it("records the chosen condition as a provisional diagnosis in the client's record", async () => {
    const clinician = await newClinician();
    const clientId = await clientOf(clinician, "Dx-save");
    const visitor = await signedInVisitor(api, clinician);
    const res = await save(
      visitor,
      clientId,
      { condition: "Panic disorder", dsm5_code: "F41.0", icd11_code: "6B01" },
      await visitor.csrfToken(),
    );
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      record_url: `/app/clients/${clientId}`,
      saved: { condition: "Panic disorder", verification: "provisional" },
    });
    const list = await api.get(`/api/v1/clients/${clientId}/diagnoses`, bearer(clinician));
    expect(list.body).toMatchObject({ diagnoses: [{ condition: "Panic disorder", dsm5_code: "F41.0" }] });
  });

  it("answers another clinician's client with a 404 problem and a bad body with a 400, recording nothing", async () => {
    const owner = await newClinician();
    const clientId = await clientOf(owner, "Not yours");
    const intruder = await signedInVisitor(api, await newClinician());
    await readProblem(await save(intruder, clientId, { condition: "X" }, await intruder.csrfToken()), 404, "client_not_found");
    const ownerVisitor = await signedInVisitor(api, owner);
    await readProblem(await save(ownerVisitor, clientId, { condition: "" }, await ownerVisitor.csrfToken()), 400, "validation_error");
    const list = await api.get(`/api/v1/clients/${clientId}/diagnoses`, bearer(owner));
    expect(list.body).toEqual({ diagnoses: [] });
  });

  it("keeps a generated note as a draft in the record, and a treatment answer's plan as the client's plan", async () => {
    const clinician = await newClinician();
    const clientId = await clientOf(clinician, "Note-and-plan");
    const visitor = await signedInVisitor(api, clinician);
    const csrf = await visitor.csrfToken();
    const generated = await api.json(
      "/api/v1/notes",
      { format: "dap", text: "Client reports sleeping six hours. We practised a breathing exercise. Next session in two weeks." },
      bearer(clinician),
    );
    expect(generated.res.status).toBe(200);
    const note = generated.body as { format: string; sections: Record<string, string>; statements?: unknown; unsupported?: unknown };
    // What save-to-client.js sends for a note.
    const noteRes = await save(
      visitor,
      clientId,
      {
        session_date: "2026-12-01",
        format: note.format,
        sections: note.sections,
        statements: note.statements,
        unsupported: note.unsupported,
      },
      csrf,
      "note",
    );
    expect(noteRes.status).toBe(201);
    const savedNote = (await noteRes.json()) as { saved: { id: string; status: string }; record_url: string };
    expect(savedNote.saved.status).toBe("draft");
    expect(savedNote.record_url).toBe(`/app/clients/${clientId}/notes/${savedNote.saved.id}`);
    const stored = await api.get(`/api/v1/clients/${clientId}/notes/${savedNote.saved.id}`, {
      headers: authHeader(clinician.tokens.access_token),
    });
    expect(stored.body).toMatchObject({ format: "dap", sections: note.sections, status: "draft" });

    const planRes = await save(
      visitor,
      clientId,
      {
        problems: [{ description: "Low mood", supporting_sources: [] }],
        goals: [{ text: "Sleep seven hours on five nights a week" }],
        review_date: "2027-02-01",
      },
      csrf,
      "plan",
    );
    expect(planRes.status).toBe(201);
    const plan = await api.get(`/api/v1/clients/${clientId}/plan`, bearer(clinician));
    expect(plan.body).toMatchObject({
      review_date: "2027-02-01",
      goals: [{ text: "Sleep seven hours on five nights a week", status: "not_started" }],
    });
  });

  it("stores a scored questionnaire in the chosen record from the assessments page, on the day given", async () => {
    const clinician = await newClinician();
    const clientId = await clientOf(clinician, "Measured");
    const visitor = await signedInVisitor(api, clinician);
    const csrf = await visitor.csrfToken();
    const answers = Object.fromEntries([2, 2, 1, 1, 1, 1, 1, 1, 0].map((value, index) => [`item${index + 1}`, String(value)]));
    const scored = await visitor.post("/app/assessments", { _csrf: csrf, instrument: "phq9", ...answers });
    const html = await scored.text();
    expect(html).toContain('action="/app/assessments/save"');
    expect(html).toContain(">Measured</option>");

    const saved = await visitor.post("/app/assessments/save", {
      _csrf: csrf,
      instrument: "phq9",
      ...answers,
      client_id: clientId,
      administered_on: "2026-11-30",
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("Location")).toBe(`/app/clients/${clientId}#measures`);
    const series = await api.get(`/api/v1/clients/${clientId}/measures?instrument=phq9`, {
      headers: authHeader(clinician.tokens.access_token),
    });
    expect(series.body).toMatchObject({ series: [{ score: 10, administered_at: "2026-11-30T12:00:00.000Z" }] });

    // Another clinician's client: the error page, and nothing stored there.
    const other = await newClinician();
    const otherVisitor = await signedInVisitor(api, other);
    const refused = await otherVisitor.post("/app/assessments/save", {
      _csrf: await otherVisitor.csrfToken(),
      instrument: "phq9",
      ...answers,
      client_id: clientId,
      administered_on: "2026-11-30",
    });
    expect(refused.status).toBe(404);
    const after = await api.get(`/api/v1/clients/${clientId}/measures?instrument=phq9`, {
      headers: authHeader(clinician.tokens.access_token),
    });
    expect((after.body as { series: unknown[] }).series).toHaveLength(1);
  });

  it("shows a saved diagnosis on the client page, where its status can be confirmed", async () => {
    const clinician = await newClinician();
    const clientId = await clientOf(clinician, "Dx-page");
    const visitor = await signedInVisitor(api, clinician);
    const csrf = await visitor.csrfToken();
    const res = await save(visitor, clientId, { condition: "Social anxiety disorder", dsm5_code: "F40.10", icd11_code: "6B04" }, csrf);
    const { saved } = (await res.json()) as { saved: { id: string } };
    const page = await visitor.page(`/app/clients/${clientId}`);
    expect(page.html).toContain('<h2 id="diagnoses-heading">Diagnoses</h2>');
    expect(page.html).toContain("<strong>Social anxiety disorder</strong>");
    expect(page.html).toContain("ICD-10-CM F40.10 · ICD-11 6B04");

    const changed = await visitor.post(`/app/clients/${clientId}/diagnoses/${saved.id}`, { _csrf: csrf, verification: "confirmed" });
    expect(changed.status).toBe(303);
    const list = await api.get(`/api/v1/clients/${clientId}/diagnoses`, bearer(clinician));
    expect(list.body).toMatchObject({ diagnoses: [{ id: saved.id, verification: "confirmed" }] });
    const bad = await visitor.post(`/app/clients/${clientId}/diagnoses/${saved.id}`, { _csrf: csrf, verification: "certain" });
    expect(bad.status).toBe(400);
  });
});
