/**
 * Data-subject rights and the workspace (docs/api.md §2, §12): erasing a clinician who keeps
 * client records takes an explicit confirmation (409 client_records_exist with the count, nothing
 * erased, without it) and then removes every record with the account; the export gives the
 * workspace back decrypted.
 */
import { describe, expect, it } from "vitest";
import { expectProblem, type LoggedIn, registerAndLogin, runSql } from "../support/accounts";
import { auditEvents } from "../support/audit";
import { addClient, bearer, workspaceFixture } from "../support/workspace";

const { api, admin, clinician } = await workspaceFixture();

const erase = (account: LoggedIn, body: Record<string, unknown>) =>
  api.json("/api/auth/me", { password: account.password, ...body }, { method: "DELETE", ...bearer(account) });

const rowsOf = async (ownerId: string) => {
  const [[clients, notes]] = (await runSql(
    api,
    "select (select count(*) from clients where owner_id = $1)::int, (select count(*) from client_notes n join clients c on c.id = n.client_id where c.owner_id = $1)::int",
    [ownerId],
  )) as [[unknown, unknown]];
  return { clients: Number(clients), notes: Number(notes) };
};

describe("erasing an account that keeps client records", () => {
  it("refuses without confirm_delete_client_records with 409 client_records_exist and the count; nothing is erased", async () => {
    const therapist = await clinician();
    const first = await addClient(api, therapist, { label: "E-1" });
    await addClient(api, therapist, { label: "E-2" });
    await runSql(
      api,
      "insert into client_notes (client_id, session_date, format, body_sealed, key_id, created_by) values ($1, '2026-12-01', 'soap', 'v1.x.y.z', 'x', $2)",
      [first.id, therapist.user.id],
    );

    for (const body of [{}, { confirm_delete_client_records: false }]) {
      const refused = await erase(therapist, body);
      expectProblem(refused.res, refused.body, 409, "client_records_exist");
      expect(refused.body.detail).toContain("2 client records");
    }
    expect(await rowsOf(therapist.user.id)).toEqual({ clients: 2, notes: 1 });
    const stillThere = await api.get("/api/auth/me", bearer(therapist));
    expect(stillThere.res.status).toBe(200);
    const events = await auditEvents(api, admin.tokens.access_token, { user_id: therapist.user.id, action: "auth.erase" });
    expect(events.map((event) => [event.outcome, event.detail])).toEqual([
      ["failure", { reason: "client_records_exist" }],
      ["failure", { reason: "client_records_exist" }],
    ]);
  });

  it("still checks the password first: a wrong one is 403 whatever the records", async () => {
    const therapist = await clinician();
    await addClient(api, therapist, { label: "P-1" });
    const wrong = await api.json("/api/auth/me", { password: "Wr0ng-password!" }, { method: "DELETE", ...bearer(therapist) });
    expectProblem(wrong.res, wrong.body, 403, "invalid_password");
  });

  it("with the confirmation erases the account and every client record with it", async () => {
    const therapist = await clinician();
    const client = await addClient(api, therapist, { label: "C-1", pronouns: "they/them" });
    await runSql(
      api,
      "insert into client_notes (client_id, session_date, format, body_sealed, key_id, created_by) values ($1, '2026-12-01', 'soap', 'v1.x.y.z', 'x', $2)",
      [client.id, therapist.user.id],
    );
    const erased = await erase(therapist, { confirm_delete_client_records: true });
    expect(erased.res.status, JSON.stringify(erased.body)).toBe(204);
    expect(await rowsOf(therapist.user.id)).toEqual({ clients: 0, notes: 0 });
    expect(await runSql(api, "select id from users where id = $1", [therapist.user.id])).toEqual([]);
  });

  it("needs no confirmation from an account without client records", async () => {
    const therapist = await clinician();
    const erased = await erase(therapist, {});
    expect(erased.res.status).toBe(204);
  });
});

describe("the export of the workspace", () => {
  const post = async (account: LoggedIn, path: string, body: unknown, method = "POST") => {
    const { res, body: answer } = await api.json(path, body, { method, ...bearer(account) });
    expect(res.status, `${method} ${path}: ${JSON.stringify(answer)}`).toBeLessThan(300);
    return answer as { id: string; goals?: { id: string }[] };
  };

  it("includes every client record decrypted (notes with addenda, measures, plan with goal history) and the note templates", async () => {
    const therapist = await clinician();
    const client = await addClient(api, therapist, { label: "X-1", pronouns: "she/her", gender: "woman" });
    await addClient(api, therapist, { label: "X-2" });
    const template = await post(therapist, "/api/v1/note-templates", {
      name: "Brief check-in",
      sections: [{ name: "mood", instruction: "How the client describes their mood" }],
    });
    const note = await post(therapist, `/api/v1/clients/${client.id}/notes`, {
      session_date: "2026-11-30",
      format: "soap",
      sections: {
        subjective: "Sleeping five hours.",
        objective: "Flat affect.",
        assessment: "Low mood persists.",
        plan: "Review in a week.",
      },
    });
    await post(therapist, `/api/v1/clients/${client.id}/notes/${note.id}/sign`, {});
    await post(therapist, `/api/v1/clients/${client.id}/notes/${note.id}/addenda`, { text: "Called to say the new routine helps." });
    await post(therapist, `/api/v1/clients/${client.id}/measures`, {
      instrument: "phq9",
      responses: [1, 1, 2, 1, 0, 1, 1, 0, 0],
      administered_at: "2026-11-30T10:00:00Z",
    });
    const plan = await post(
      therapist,
      `/api/v1/clients/${client.id}/plan`,
      {
        problems: [{ description: "Low mood since the move" }],
        review_date: "2027-02-01",
        goals: [{ text: "Walk three mornings a week" }],
      },
      "PUT",
    );
    const goalId = plan.goals?.[0]?.id ?? "";
    await post(therapist, `/api/v1/clients/${client.id}/plan/goals/${goalId}`, { status: "in_progress", note_id: note.id }, "PATCH");

    const { res, body } = await api.get("/api/auth/me/export", bearer(therapist));
    expect(res.status, JSON.stringify(body)).toBe(200);
    const { workspace } = body as { workspace: { clients: Record<string, unknown>[]; note_templates: unknown[] } };
    expect(workspace.note_templates).toEqual([
      {
        id: template.id,
        name: "Brief check-in",
        sections: [{ name: "mood", instruction: "How the client describes their mood" }],
        created_at: expect.any(String),
      },
    ]);
    expect(workspace.clients.map((exported) => exported.label)).toEqual(["X-1", "X-2"]);
    expect(workspace.clients[0]).toMatchObject({
      id: client.id,
      pronouns: "she/her",
      gender: "woman",
      status: "active",
      notes: [
        {
          id: note.id,
          session_date: "2026-11-30",
          format: "soap",
          status: "signed",
          sections: { subjective: "Sleeping five hours.", plan: "Review in a week." },
          signed_by: therapist.user.id,
          addenda: [{ text: "Called to say the new routine helps.", by: therapist.user.id }],
        },
      ],
      measures: [{ instrument: "phq9", score: 7, administered_at: "2026-11-30T10:00:00.000Z", responses: expect.anything() }],
      plan: {
        problems: [{ description: "Low mood since the move" }],
        review_date: "2027-02-01",
        goals: [
          {
            id: goalId,
            text: "Walk three mornings a week",
            status: "in_progress",
            history: [expect.objectContaining({ status: "in_progress", note_id: note.id })],
          },
        ],
      },
    });
    expect(workspace.clients[1]).toMatchObject({ label: "X-2", notes: [], measures: [], plan: null });

    // The export is still one audited event, never the text.
    const events = await auditEvents(api, admin.tokens.access_token, { user_id: therapist.user.id, action: "auth.export" });
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain("Sleeping");
  });

  it("gives an empty workspace to an account without records, and another clinician's records never", async () => {
    const owner = await clinician();
    await addClient(api, owner, { label: "Theirs" });
    const own = await api.get("/api/auth/me/export", bearer(owner));
    const ownClients = (own.body as { workspace: { clients: { label: string }[] } }).workspace.clients;
    expect(ownClients.map((exported) => exported.label)).toEqual(["Theirs"]);
    const student = await registerAndLogin(api);
    const { res, body } = await api.get("/api/auth/me/export", bearer(student));
    expect(res.status).toBe(200);
    expect((body as { workspace: unknown }).workspace).toEqual({ clients: [], note_templates: [] });
  });
});
