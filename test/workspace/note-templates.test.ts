/**
 * The clinician's own note templates (docs/api.md §12): a name unique per clinician and 1–12
 * uniquely named sections with instructions; private to the clinician; audited as
 * workspace.template.* on template:<id>; students and administrators have none.
 */
import { describe, expect, it } from "vitest";
import { errorsAt, expectProblem, type LoggedIn, registerAndLogin, runSql } from "../support/accounts";
import { bearer, workspaceFixture } from "../support/workspace";

const { api, admin, clinician } = await workspaceFixture();

interface Template {
  id: string;
  name: string;
  sections: { name: string; instruction: string }[];
}

const checkIn = {
  name: "Brief check-in",
  sections: [
    { name: "mood", instruction: "How the client describes their mood this week" },
    { name: "risk", instruction: "Risk and protective factors the client named" },
  ],
};
const list = async (account: LoggedIn) =>
  ((await api.get("/api/v1/note-templates", bearer(account))).body as { templates: Template[] }).templates;

describe("note templates", () => {
  it("creates, lists and deletes a template, each audited on template:<id>", async () => {
    const therapist = await clinician();
    const created = await api.json("/api/v1/note-templates", checkIn, bearer(therapist));
    expect(created.res.status, JSON.stringify(created.body)).toBe(201);
    const template = created.body as Template;
    expect(template).toMatchObject(checkIn);
    expect(await list(therapist)).toEqual([template]);

    const removed = await api.fetch(`/api/v1/note-templates/${template.id}`, { method: "DELETE", ...bearer(therapist) });
    expect(removed.status).toBe(204);
    expect(await list(therapist)).toEqual([]);
    const again = await api.fetch(`/api/v1/note-templates/${template.id}`, { method: "DELETE", ...bearer(therapist) });
    expectProblem(again, await again.json(), 404, "template_not_found");

    const events = await runSql(api, "select action, outcome from audit_events where target = $1 order by created_at", [
      `template:${template.id}`,
    ]);
    expect(events.map(([action, outcome]) => `${action}:${outcome}`)).toEqual([
      "workspace.template.create:success",
      "workspace.template.delete:success",
      "workspace.template.delete:failure",
    ]);
  });

  it("refuses a name already used (any case) with 409 template_name_taken; another clinician may use it", async () => {
    const therapist = await clinician();
    await api.json("/api/v1/note-templates", checkIn, bearer(therapist));
    const taken = await api.json("/api/v1/note-templates", { ...checkIn, name: "BRIEF CHECK-IN" }, bearer(therapist));
    expectProblem(taken.res, taken.body, 409, "template_name_taken");
    expect(await list(therapist)).toHaveLength(1);
    const other = await api.json("/api/v1/note-templates", checkIn, bearer(await clinician()));
    expect(other.res.status).toBe(201);
  });

  it.each([
    ["an empty name", { ...checkIn, name: " " }, "body.name"],
    ["a name over 60 characters", { ...checkIn, name: "n".repeat(61) }, "body.name"],
    ["no sections", { ...checkIn, sections: [] }, "body.sections"],
    ["13 sections", { ...checkIn, sections: Array.from({ length: 13 }, (_, i) => ({ name: `s${i}`, instruction: "x" })) }, "body.sections"],
    ["an upper-case section name", { ...checkIn, sections: [{ name: "Mood", instruction: "x" }] }, "body.sections.0.name"],
    ["a section name starting with a digit", { ...checkIn, sections: [{ name: "1st", instruction: "x" }] }, "body.sections.0.name"],
    ["a repeated section name", { ...checkIn, sections: [checkIn.sections[0], checkIn.sections[0]] }, "body.sections.1.name"],
    ["an empty instruction", { ...checkIn, sections: [{ name: "mood", instruction: "" }] }, "body.sections.0.instruction"],
    [
      "an instruction over 300 characters",
      { ...checkIn, sections: [{ name: "mood", instruction: "i".repeat(301) }] },
      "body.sections.0.instruction",
    ],
  ])("refuses %s with 400 and stores nothing", async (_, body, path) => {
    const therapist = await clinician();
    const res = await api.json("/api/v1/note-templates", body, bearer(therapist));
    expectProblem(res.res, res.body, 400, "validation_error");
    expect(errorsAt(res.body, path)).not.toHaveLength(0);
    expect(await list(therapist)).toEqual([]);
  });

  it("keeps templates private: another clinician neither lists nor deletes them", async () => {
    const owner = await clinician();
    const other = await clinician();
    const template = (await api.json("/api/v1/note-templates", checkIn, bearer(owner))).body as Template;
    expect(await list(other)).toEqual([]);
    const res = await api.fetch(`/api/v1/note-templates/${template.id}`, { method: "DELETE", ...bearer(other) });
    expectProblem(res, await res.json(), 404, "template_not_found");
    expect(await list(owner)).toHaveLength(1);
  });

  it("gives students and administrators no templates (403)", async () => {
    const student = await registerAndLogin(api);
    for (const account of [student, admin]) {
      const res = await api.json("/api/v1/note-templates", checkIn, bearer(account));
      expectProblem(res.res, res.body, 403, "forbidden");
    }
  });
});
