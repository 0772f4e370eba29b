/**
 * The treatment plan and note templates in the console: /app/clients/{id}/plan writes the plan
 * through labelled rows and changes a goal's status citing a session note; /app/note-templates
 * lists, creates and deletes templates. Forms need the session's CSRF token; refused input comes
 * back as typed with an error at the field; another clinician's client is not found.
 */
import { describe, expect, it } from "vitest";
import { runSql } from "../support/accounts";
import { visibleText } from "../support/console";
import { addClient, bearer, signedInVisitor, workspaceFixture } from "../support/workspace";

const { api, clinician } = await workspaceFixture();

async function clinicianWithClient() {
  const account = await clinician();
  const { id: clientId } = await addClient(api, account, { label: "Client C-3" });
  const visitor = await signedInVisitor(api, account);
  return { account, clientId, visitor, csrf: await visitor.csrfToken() };
}

interface Goal {
  id: string;
  status: string;
  history: { status: string; note_id: string | null }[];
}

describe("the console's treatment plan", () => {
  it("writes a plan from the form, then changes a goal's status citing a session note", async () => {
    const { account, clientId, visitor, csrf } = await clinicianWithClient();
    const empty = await visitor.page(`/app/clients/${clientId}/plan`);
    expect(empty.res.status).toBe(200);
    expect(visibleText(empty.html)).toContain("No treatment plan yet.");
    expect(empty.html).toMatch(/<label for="plan-problems-0-description">Description<\/label>/);

    const saved = await visitor.post(`/app/clients/${clientId}/plan`, {
      _csrf: csrf,
      "problems.0.description": "Panic attacks on the commute",
      "objectives.0.description": "Ride two stops with the breathing plan",
      "objectives.0.target_week": "3",
      "goals.0.text": "Commute alone three days a week",
      "goals.1.text": "",
      "goals.2.text": "Sleep seven hours most nights",
      review_date: "2027-03-01",
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("Location")).toBe(`/app/clients/${clientId}/plan?saved=plan`);

    const noteId = crypto.randomUUID();
    await runSql(
      api,
      "insert into client_notes (id, client_id, session_date, format, body_sealed, key_id, created_by) values ($1, $2, '2026-11-30', 'soap', 'v1.x.y.z', 'x', $3)",
      [noteId, clientId, account.user.id],
    );
    const page = await visitor.page(`/app/clients/${clientId}/plan?saved=plan`);
    const text = visibleText(page.html);
    expect(text).toContain("Plan saved.");
    expect(text).toContain("Panic attacks on the commute");
    expect(text).toContain("Ride two stops with the breathing plan (by week 3)");
    expect(text).toMatch(/Commute alone three days a week Status: Not started/);
    expect(page.html).toContain('aria-label="Change the status of Goal 1"');
    expect(page.html).toContain(`<option value="${noteId}">Session of 2026-11-30</option>`);

    const plan = (await api.get(`/api/v1/clients/${clientId}/plan`, bearer(account))).body as {
      goals: Goal[];
    };
    expect(plan.goals).toHaveLength(2);
    const goal = plan.goals[0];
    const changed = await visitor.post(`/app/clients/${clientId}/plan/goals/${goal.id}`, {
      _csrf: csrf,
      status: "partially_met",
      note_id: noteId,
    });
    expect(changed.status).toBe(303);
    expect(changed.headers.get("Location")).toBe(`/app/clients/${clientId}/plan?saved=goal#goal-${goal.id}`);
    const after = visibleText((await visitor.page(`/app/clients/${clientId}/plan?saved=goal`)).html);
    expect(after).toContain("Goal status saved.");
    expect(after).toMatch(/Commute alone three days a week Status: Partially met/);
    expect(after).toContain("(evidence: note of 2026-11-30)");

    const reread = (await api.get(`/api/v1/clients/${clientId}/plan`, bearer(account))).body as {
      goals: Goal[];
    };
    expect(reread.goals[0].history).toMatchObject([{ status: "partially_met", note_id: noteId }]);
  });

  it("shows a refused plan again as typed, with the error at the field, and saves nothing", async () => {
    const { clientId, visitor, csrf } = await clinicianWithClient();
    const res = await visitor.post(`/app/clients/${clientId}/plan`, {
      _csrf: csrf,
      "goals.0.text": "Keep this text",
      "objectives.0.description": "Weekly walks",
      "objectives.0.target_week": "0",
    });
    const html = await res.text();
    expect(res.status).toBe(400);
    expect(html).toContain('value="Keep this text"');
    expect(html).toMatch(
      /<input id="plan-objectives-0-target-week"[^>]*aria-invalid="true"[^>]*aria-describedby="plan-objectives-0-target-week-error"/,
    );
    expect(visibleText(html)).toMatch(/Objective 1, Target week\s*: Enter a whole week from 1 to 520, or leave it empty\./);
    expect(visibleText((await visitor.page(`/app/clients/${clientId}/plan`)).html)).toContain("No treatment plan yet.");
  });

  it("refuses a form without the CSRF token, and another clinician's client is not found", async () => {
    const { clientId, visitor } = await clinicianWithClient();
    const forged = await visitor.post(`/app/clients/${clientId}/plan`, { "goals.0.text": "Forged" });
    expect(forged.status).toBe(403);
    const other = await signedInVisitor(api, await clinician());
    const page = await other.page(`/app/clients/${clientId}/plan`);
    expect(page.res.status).toBe(404);
    const post = await other.post(`/app/clients/${clientId}/plan`, { _csrf: await other.csrfToken(), "goals.0.text": "Taken over" });
    expect(post.status).toBe(404);
  });
});

describe("the console's note templates", () => {
  it("creates a template from the section rows, refuses a taken name and a bad section name at the field, and deletes it", async () => {
    const { visitor, csrf } = await clinicianWithClient();
    const empty = await visitor.page("/app/note-templates");
    expect(empty.res.status).toBe(200);
    expect(visibleText(empty.html)).toContain("No templates yet.");
    expect(empty.html.match(/<legend>Section \d+<\/legend>/g)).toHaveLength(6);

    const form = {
      _csrf: csrf,
      name: "Group session",
      "sections.0.name": "themes",
      "sections.0.instruction": "Themes the group discussed",
      "sections.2.name": "plan",
      "sections.2.instruction": "What the group agreed to try",
    };
    const created = await visitor.post("/app/note-templates", form);
    expect(created.status).toBe(303);
    const listed = await visitor.page("/app/note-templates?done=created");
    const text = visibleText(listed.html);
    expect(text).toContain("Template created.");
    expect(text).toMatch(/Group session .* themes Themes the group discussed plan What the group agreed to try/);

    const taken = await visitor.post("/app/note-templates", { ...form, name: "group SESSION" });
    expect(taken.status).toBe(409);
    expect(visibleText(await taken.text())).toContain("You already have a template with this name.");

    const bad = await visitor.post("/app/note-templates", { ...form, name: "Other", "sections.2.name": "Next Steps" });
    const badHtml = await bad.text();
    expect(bad.status).toBe(400);
    expect(badHtml).toMatch(/<input id="template-sections-2-name"[^>]*value="Next Steps"[^>]*aria-invalid="true"/);
    expect(visibleText(badHtml)).toMatch(/Section 3, Section name\s*: Use 1 to 40 lower-case letters/);

    const id = /action="\/app\/note-templates\/([0-9a-f-]{36})\/delete"/.exec(listed.html)?.[1];
    expect(id).toBeDefined();
    const removed = await visitor.post(`/app/note-templates/${id}/delete`, { _csrf: csrf });
    expect(removed.headers.get("Location")).toBe("/app/note-templates?done=deleted");
    expect(visibleText((await visitor.page("/app/note-templates")).html)).toContain("No templates yet.");
  });
});
