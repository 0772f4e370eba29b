/**
 * The console's client records (docs/api.md §8, §12): the clients list with its filters and pages,
 * New client (errors shown at their fields, the form kept), the client page (the workspace hub:
 * details, timeline, measures, plan), its edits and the confirmed deletion; another clinician's
 * client is a 404 page; students, unverified clinicians and administrators are told why they
 * have no workspace.
 */
import { describe, expect, it } from "vitest";
import { authHeader, registerUser } from "../support/accounts";
import { navigationLabels, visibleText } from "../support/console";
import { addClient, signedInVisitor, workspaceFixture } from "../support/workspace";

const { api, admin, clinician } = await workspaceFixture();

async function signedIn(account: { user: { email: string }; password: string }) {
  const visitor = await signedInVisitor(api, account);
  return { visitor, csrf: await visitor.csrfToken() };
}

const listedLabels = (html: string) => [...html.matchAll(/<a href="\/app\/clients\/[0-9a-f-]{36}">([^<]+)<\/a>/g)].map((m) => m[1]);

describe("the clients list", () => {
  it("lists only the clinician's own clients, filters by label and status, and pages with a cursor", async () => {
    const therapist = await clinician();
    for (const label of ["Alder 1", "Birch 2", "Alder 3"]) await addClient(api, therapist, { label });
    const discharged = await addClient(api, therapist, { label: "Cedar 4" });
    await api.json(
      `/api/v1/clients/${discharged.id}`,
      { status: "discharged" },
      { method: "PATCH", headers: authHeader(therapist.tokens.access_token) },
    );
    await addClient(api, await clinician(), { label: "Alder Elsewhere" });
    const { visitor } = await signedIn(therapist);

    const all = await visitor.page("/app/clients");
    expect(all.res.status).toBe(200);
    expect(listedLabels(all.html)).toEqual(["Cedar 4", "Alder 3", "Birch 2", "Alder 1"]);
    expect(all.html).toContain('href="/app/clients/new"');
    expect(navigationLabels(all.html)).toContain("Clients");

    // As a browser submits the filter form: an empty status means any.
    const alder = await visitor.page("/app/clients?q=alder&status=");
    expect(listedLabels(alder.html)).toEqual(["Alder 3", "Alder 1"]);
    const active = await visitor.page("/app/clients?status=active");
    expect(listedLabels(active.html)).not.toContain("Cedar 4");
    expect(visibleText((await visitor.page("/app/clients?status=discharged")).html)).toContain("Discharged");

    const first = await visitor.page("/app/clients?q=alder&limit=1");
    expect(listedLabels(first.html)).toEqual(["Alder 3"]);
    const next = /<a href="([^"]+)" rel="next">/.exec(first.html)?.[1].replaceAll("&amp;", "&");
    expect(next).toMatch(/^\/app\/clients\?q=alder&cursor=/);
    const second = await visitor.page(`${next}&limit=1`);
    expect(listedLabels(second.html)).toEqual(["Alder 1"]);

    expect(visibleText((await visitor.page("/app/clients?q=zzz")).html)).toContain("No client matches these filters.");
    expect((await visitor.page("/app/clients?status=gone")).res.status).toBe(400);
  });
});

describe("New client", () => {
  it("creates a client from the form and opens its page", async () => {
    const therapist = await clinician();
    const { visitor, csrf } = await signedIn(therapist);
    const form = await visitor.page("/app/clients/new");
    expect(form.res.status).toBe(200);
    for (const label of ["Label", "Year of birth", "Sex", "Gender", "Pronouns", "Preferred language"])
      expect(visibleText(form.html)).toContain(label);

    const res = await visitor.post("/app/clients", {
      _csrf: csrf,
      label: "Client A-17",
      year_of_birth: "1990",
      sex: "female",
      gender: "",
      pronouns: "she/her",
      preferred_language: "es",
    });
    expect(res.status).toBe(303);
    const location = res.headers.get("Location") ?? "";
    expect(location).toMatch(/^\/app\/clients\/[0-9a-f-]{36}$/);
    const page = await visitor.page(location);
    expect(page.res.status).toBe(200);
    const text = visibleText(page.html);
    expect(page.html).toContain("<h1>Client A-17</h1>");
    expect(text).toContain("Active");
    expect(text).toContain("1990");
    expect(text).toContain("she/her");
  });

  it("shows a duplicate label's error at the label with the form kept, and stores nothing", async () => {
    const therapist = await clinician();
    await addClient(api, therapist, { label: "Client C" });
    const { visitor, csrf } = await signedIn(therapist);
    const res = await visitor.post("/app/clients", { _csrf: csrf, label: "client c", year_of_birth: "1985", pronouns: "they/them" });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('<a href="#new-client-label">Label</a>');
    expect(visibleText(html)).toContain("You already have a client with this label");
    expect(html).toMatch(
      /<input id="new-client-label" name="label" aria-describedby="[^"]*new-client-label-error[^"]*" aria-invalid="true" value="client c"/,
    );
    expect(html).toContain('value="1985"');
    expect(html).toContain('value="they/them"');
    expect(listedLabels((await visitor.page("/app/clients")).html)).toEqual(["Client C"]);
  });

  it("shows each invalid field's error and keeps what was typed", async () => {
    const therapist = await clinician();
    const { visitor, csrf } = await signedIn(therapist);
    const res = await visitor.post("/app/clients", { _csrf: csrf, label: "", year_of_birth: "19x0", preferred_language: "Spanish!" });
    expect(res.status).toBe(400);
    const html = await res.text();
    const text = visibleText(html);
    expect(text).toContain("Enter a label of 1 to 60 characters");
    expect(text).toContain("Enter a four-digit year");
    expect(text).toContain("Enter a language tag");
    expect(html).toContain('value="19x0"');
    expect(html).toContain('value="Spanish!"');
    expect(listedLabels((await visitor.page("/app/clients")).html)).toEqual([]);
  });
});

describe("the client page", () => {
  it("shows the details, then the timeline, the notes, the measures and the plan, each a titled section in order", async () => {
    const therapist = await clinician();
    const client = await addClient(api, therapist, { label: "Hub-1" });
    const as = { headers: authHeader(therapist.tokens.access_token) };
    const note = await api.json(
      `/api/v1/clients/${client.id}/notes`,
      {
        session_date: "2026-01-05",
        format: "soap",
        sections: { subjective: "Slept badly.", objective: "Calm.", assessment: "Stable.", plan: "Review in a week." },
      },
      as,
    );
    expect(note.res.status, JSON.stringify(note.body)).toBe(201);
    const phq9 = await api.json(
      `/api/v1/clients/${client.id}/measures`,
      { instrument: "phq9", responses: [2, 2, 1, 1, 1, 1, 1, 1, 1], administered_at: "2026-01-12T10:00:00Z" },
      as,
    );
    expect(phq9.res.status, JSON.stringify(phq9.body)).toBe(201);
    const { visitor } = await signedIn(therapist);

    const { res, html } = await visitor.page(`/app/clients/${client.id}`);
    expect(res.status).toBe(200);
    const headings = [...html.matchAll(/<h2[^>]*>([\s\S]*?)<\/h2>/g)].map((m) => m[1].replace(/<[^>]+>/g, "").trim());
    const order = ["Details", "Timeline", "Notes", "Measures over time", "Treatment plan"].map((heading) => headings.indexOf(heading));
    expect(
      order.every((index) => index >= 0),
      headings.join(" | "),
    ).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);

    const timeline = /<ol class="timeline"[\s\S]*?<\/ol>/.exec(html)?.[0] ?? "";
    const text = visibleText(timeline);
    // Newest first: the measure (12 January) before the note (5 January).
    expect(text.indexOf("PHQ-9: 11")).toBeGreaterThanOrEqual(0);
    expect(text.indexOf("PHQ-9: 11")).toBeLessThan(text.indexOf("SOAP session note"));
    expect(text).toContain("Draft");
    expect(text).toContain("PHQ-9 item 9 positive");
    expect(timeline).toContain(`href="/app/clients/${client.id}/notes/${(note.body as { id: string }).id}"`);
  });

  it("edits the details, discharges and re-admits", async () => {
    const therapist = await clinician();
    const client = await addClient(api, therapist, { label: "Edit-1", pronouns: "he/him" });
    const { visitor, csrf } = await signedIn(therapist);
    const saved = await visitor.post(`/app/clients/${client.id}`, {
      _csrf: csrf,
      intent: "details",
      label: "Edit-2",
      year_of_birth: "1970",
      pronouns: "",
    });
    expect(saved.status).toBe(303);
    const page = await visitor.page(saved.headers.get("Location") ?? "");
    expect(page.html).toContain("<h1>Edit-2</h1>");
    expect(visibleText(page.html)).toContain("Details saved.");
    expect(page.html).not.toContain("he/him");

    const refused = await visitor.post(`/app/clients/${client.id}`, {
      _csrf: csrf,
      intent: "details",
      label: "Edit-2",
      year_of_birth: "3000",
    });
    expect(refused.status).toBe(400);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toContain('<details class="edit-client" open="">');
    expect(refusedHtml).toContain('value="3000"');

    expect((await visitor.post(`/app/clients/${client.id}`, { _csrf: csrf, intent: "discharge" })).status).toBe(303);
    const dischargedPage = visibleText((await visitor.page(`/app/clients/${client.id}`)).html);
    expect(dischargedPage).toContain("Discharged");
    expect(dischargedPage).toContain("Re-admit");
    expect((await visitor.post(`/app/clients/${client.id}`, { _csrf: csrf, intent: "readmit" })).status).toBe(303);
    expect(visibleText((await visitor.page(`/app/clients/${client.id}`)).html)).toContain("Discharge");
  });

  it("deletes a client only after the explicit confirmation", async () => {
    const therapist = await clinician();
    const client = await addClient(api, therapist, { label: "Gone-1" });
    const { visitor, csrf } = await signedIn(therapist);
    const confirm = await visitor.page(`/app/clients/${client.id}/delete`);
    expect(confirm.res.status).toBe(200);
    expect(visibleText(confirm.html)).toContain("cannot be undone");

    const unconfirmed = await visitor.post(`/app/clients/${client.id}/delete`, { _csrf: csrf });
    expect(unconfirmed.status).toBe(400);
    expect(visibleText(await unconfirmed.text())).toContain("Tick the box to confirm");
    expect((await visitor.page(`/app/clients/${client.id}`)).res.status).toBe(200);

    const deleted = await visitor.post(`/app/clients/${client.id}/delete`, { _csrf: csrf, confirm: "yes" });
    expect(deleted.status).toBe(303);
    const list = await visitor.page(deleted.headers.get("Location") ?? "");
    expect(visibleText(list.html)).toContain("were deleted");
    expect((await visitor.page(`/app/clients/${client.id}`)).res.status).toBe(404);
  });

  it("is a 404 page for another clinician's client, whose record no post can change", async () => {
    const owner = await clinician();
    const client = await addClient(api, owner, { label: "Private-1" });
    const { visitor, csrf } = await signedIn(await clinician());
    for (const path of [`/app/clients/${client.id}`, `/app/clients/${client.id}/delete`]) {
      const { res, html } = await visitor.page(path);
      expect(res.status).toBe(404);
      expect(html).not.toContain("Private-1");
    }
    expect((await visitor.post(`/app/clients/${client.id}`, { _csrf: csrf, intent: "details", label: "Mine now" })).status).toBe(404);
    expect((await visitor.post(`/app/clients/${client.id}`, { _csrf: csrf, intent: "discharge" })).status).toBe(404);
    expect((await visitor.post(`/app/clients/${client.id}/delete`, { _csrf: csrf, confirm: "yes" })).status).toBe(404);
    const still = await api.get(`/api/v1/clients/${client.id}`, { headers: authHeader(owner.tokens.access_token) });
    expect(still.body).toMatchObject({ label: "Private-1", status: "active" });
  });
});

describe("accounts without a workspace", () => {
  it("tells a student and an unverified clinician that verification is needed, and refuses their posts", async () => {
    const student = await registerUser(api, { first_name: "Stu", last_name: "Dent" });
    const unverified = await registerUser(api, { role: "psychologist", license_type: "PSYD", license_number: "P-1", license_state: "NY" });
    for (const [account, words] of [
      [student, "Student accounts cannot use it"],
      [unverified, "An administrator must verify your license"],
    ] as const) {
      const { visitor, csrf } = await signedIn(account);
      expect(navigationLabels((await visitor.page("/app")).html)).toContain("Clients (needs verification)");
      for (const path of ["/app/clients", "/app/clients/new"]) {
        const { res, html } = await visitor.page(path);
        expect(res.status).toBe(200);
        expect(visibleText(html)).toContain(words);
        expect(html).not.toContain('name="label"');
      }
      expect((await visitor.post("/app/clients", { _csrf: csrf, label: "Nope" })).status).toBe(403);
    }
  });

  it("tells an administrator there is no workspace, without a Clients tool", async () => {
    const { visitor, csrf } = await signedIn(admin);
    expect(navigationLabels((await visitor.page("/app")).html)).not.toContain("Clients");
    const { res, html } = await visitor.page("/app/clients");
    expect(res.status).toBe(200);
    expect(visibleText(html)).toContain("administrators have none");
    expect(html).toContain('href="/app/admin"');
    expect((await visitor.post("/app/clients", { _csrf: csrf, label: "Nope" })).status).toBe(403);
  });
});
