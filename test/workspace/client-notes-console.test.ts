/**
 * The console's note editor (/app/clients/{id}/notes): a clinician chooses a format (their own
 * templates too), writes a draft, gets each wrong field back with its error and their text, saves
 * changes, signs behind a confirmation, then can only add addenda; another clinician finds
 * nothing, and a form from elsewhere (no CSRF token) is refused.
 */
import { describe, expect, it } from "vitest";
import { createVerifiedTherapist, type LoggedIn } from "../support/accounts";
import { type ConsoleVisitor, visibleText } from "../support/console";
import { addClient, bearer, signedInVisitor, workspaceFixture } from "../support/workspace";

const { api, admin } = await workspaceFixture();

interface Note {
  id: string;
  session_date: string;
  sections: Record<string, string>;
  status: string;
  addenda: Array<{ text: string }>;
}

async function signedIn(): Promise<{ account: LoggedIn; visitor: ConsoleVisitor; csrf: string; clientId: string }> {
  const account = await createVerifiedTherapist(api, admin.tokens.access_token, { first_name: "Tera", last_name: "Peuta" });
  const visitor = await signedInVisitor(api, account);
  const { id: clientId } = await addClient(api, account, { label: "Client E" });
  return { account, visitor, csrf: await visitor.csrfToken(), clientId };
}

const soapFields = (csrf: string, date: string, plan = "Weekly exposure") => ({
  _csrf: csrf,
  format: "soap",
  session_date: date,
  section_subjective: "Panic on the tram twice",
  section_objective: "Calm",
  section_assessment: "Improving",
  section_plan: plan,
});

async function noteOf(account: LoggedIn, clientId: string, noteId: string): Promise<Note> {
  return (await api.get(`/api/v1/clients/${clientId}/notes/${noteId}`, bearer(account))).body as Note;
}

describe("the console's note editor", () => {
  it("offers the standard formats and the clinician's own templates, each with its sections", async () => {
    const { account, visitor, clientId } = await signedIn();
    const template = await api.json(
      "/api/v1/note-templates",
      { name: "Brief check-in", sections: [{ name: "risk_factors", instruction: "Risk and protective factors named" }] },
      bearer(account),
    );
    expect(template.res.status, JSON.stringify(template.body)).toBe(201);
    const templateId = (template.body as { id: string }).id;

    const soap = await visitor.page(`/app/clients/${clientId}/notes/new`);
    expect(soap.res.status).toBe(200);
    for (const name of ["subjective", "objective", "assessment", "plan"]) expect(soap.html).toContain(`name="section_${name}"`);
    expect(soap.html).toContain(`<option value="${templateId}">Brief check-in</option>`);
    expect(soap.html).toMatch(/<label for="note-section-subjective">Subjective<\/label>/);

    const own = await visitor.page(`/app/clients/${clientId}/notes/new?format=${templateId}`);
    expect(own.html).toContain('name="section_risk_factors"');
    expect(own.html).not.toContain('name="section_subjective"');
    expect(visibleText(own.html)).toContain("Risk and protective factors named");
  });

  it("writes a draft, shows refused fields with their errors and the text kept, saves, signs behind a confirmation and then only takes addenda", async () => {
    const { account, visitor, csrf, clientId } = await signedIn();
    const refused = await visitor.post(`/app/clients/${clientId}/notes`, soapFields(csrf, "2999-01-01"));
    expect(refused.status).toBe(400);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toContain('role="alert"');
    expect(refusedHtml).toMatch(/id="note-session_date"[^>]*aria-invalid="true"/);
    expect(visibleText(refusedHtml)).toContain("Enter the session date");
    expect(refusedHtml).toContain("Panic on the tram twice");
    expect(((await api.get(`/api/v1/clients/${clientId}/notes`, bearer(account))).body as { notes: unknown[] }).notes).toHaveLength(0);

    const created = await visitor.post(`/app/clients/${clientId}/notes`, soapFields(csrf, "2026-03-14"));
    expect(created.status).toBe(303);
    const location = created.headers.get("Location") ?? "";
    const noteId = /\/notes\/([0-9a-f-]{36})\?done=created$/.exec(location)?.[1] ?? "";
    expect(noteId).not.toBe("");
    const draft = await visitor.page(location);
    expect(visibleText(draft.html)).toMatch(/Status: Draft/);
    expect(draft.html).toContain('name="section_plan"');
    expect(visibleText(draft.html)).toContain("Sign note");

    const saved = await visitor.post(
      `/app/clients/${clientId}/notes/${noteId}`,
      soapFields(csrf, "2026-03-13", "Daily breathing practice"),
    );
    expect(saved.status).toBe(303);
    expect(await noteOf(account, clientId, noteId)).toMatchObject({
      session_date: "2026-03-13",
      sections: { plan: "Daily breathing practice" },
    });

    const unconfirmed = await visitor.post(`/app/clients/${clientId}/notes/${noteId}/sign`, { _csrf: csrf });
    expect(unconfirmed.status).toBe(400);
    expect(visibleText(await unconfirmed.text())).toContain("Tick the box to confirm");
    expect((await noteOf(account, clientId, noteId)).status).toBe("draft");

    const signed = await visitor.post(`/app/clients/${clientId}/notes/${noteId}/sign`, { _csrf: csrf, confirm: "yes" });
    expect(signed.status).toBe(303);
    const signedPage = await visitor.page(signed.headers.get("Location") ?? "");
    const text = visibleText(signedPage.html);
    expect(text).toMatch(/Status: Signed/);
    expect(text).toContain("Signed by Tera Peuta on");
    expect(text).toContain("Daily breathing practice");
    expect(signedPage.html).not.toContain('name="section_plan"');
    expect(text).toContain("Add addendum");

    const late = await visitor.post(`/app/clients/${clientId}/notes/${noteId}`, soapFields(csrf, "2026-03-13", "Rewritten"));
    expect(late.status).toBe(409);
    expect(visibleText(await late.text())).toContain("can no longer be changed");
    expect((await noteOf(account, clientId, noteId)).sections.plan).toBe("Daily breathing practice");

    const empty = await visitor.post(`/app/clients/${clientId}/notes/${noteId}/addenda`, { _csrf: csrf, text: " " });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toMatch(/id="note-addendum"[^>]*aria-invalid="true"/);
    const added = await visitor.post(`/app/clients/${clientId}/notes/${noteId}/addenda`, {
      _csrf: csrf,
      text: "The tram episode was on Tuesday",
    });
    expect(added.status).toBe(303);
    const withAddendum = await visitor.page(added.headers.get("Location") ?? "");
    expect(visibleText(withAddendum.html)).toContain("Addendum added.");
    expect(visibleText(withAddendum.html)).toContain("The tram episode was on Tuesday");
    expect((await noteOf(account, clientId, noteId)).addenda.map((addendum) => addendum.text)).toEqual(["The tram episode was on Tuesday"]);
  });

  it("shows another clinician nothing and refuses a form without the CSRF token", async () => {
    const owner = await signedIn();
    const other = await signedIn();
    const created = await owner.visitor.post(`/app/clients/${owner.clientId}/notes`, soapFields(owner.csrf, "2026-03-14"));
    const noteId = /\/notes\/([0-9a-f-]{36})/.exec(created.headers.get("Location") ?? "")?.[1];

    const peek = await other.visitor.page(`/app/clients/${owner.clientId}/notes/${noteId}`);
    expect(peek.res.status).toBe(404);
    expect(peek.html).not.toContain("Panic on the tram");
    const write = await other.visitor.post(`/app/clients/${owner.clientId}/notes`, soapFields(other.csrf, "2026-03-14"));
    expect(write.status).toBe(404);

    const forged = await owner.visitor.post(`/app/clients/${owner.clientId}/notes`, { ...soapFields("", "2026-03-14"), _csrf: "forged" });
    expect(forged.status).toBe(403);
    expect(
      ((await api.get(`/api/v1/clients/${owner.clientId}/notes`, bearer(owner.account))).body as { notes: unknown[] }).notes,
    ).toHaveLength(1);
  });
});
