/**
 * Notes kept in a client's record (docs/api.md §12): drafts written and edited, signed once and
 * then locked, corrected only by addenda; goals checked against the client's plan; another
 * clinician's client or another client's note not found; the text sealed at rest and absent from
 * the audit trail; and a note from the §10 generator stored as it came.
 */
import { describe, expect, it } from "vitest";
import { errorsAt, expectProblem, type LoggedIn, runSql } from "../support/accounts";
import { createTestApi } from "../support/api";
import { addClient, bearer, workspaceFixture } from "../support/workspace";

const { api, clinician } = await workspaceFixture();
const offline = await createTestApi({ OPENAI_API_KEY: "" }, { database: api.database });

interface Note {
  id: string;
  session_date: string;
  format: string;
  sections: Record<string, string>;
  statements?: Record<string, Array<{ text: string; spans: Array<{ start: number; end: number }> }>>;
  unsupported?: string[];
  status: "draft" | "signed";
  signed_at: string | null;
  signed_by: string | null;
  addenda: Array<{ text: string; at: string; by: string }>;
  goal_ids: string[];
}

const SOAP = {
  subjective: "Reports panic on the tram twice this week",
  objective: "Calm, good eye contact",
  assessment: "Panic symptoms easing with exposure",
  plan: "Continue graded exposure; next session in one week",
};

const patch = (account: LoggedIn) => ({ method: "PATCH", ...bearer(account) });

const clientIdOf = async (account: LoggedIn, label = "Client N") => (await addClient(api, account, { label })).id;

async function addNote(account: LoggedIn, clientId: string, body: Record<string, unknown> = {}) {
  const { res, body: note } = await api.json(
    `/api/v1/clients/${clientId}/notes`,
    { session_date: "2026-03-14", format: "soap", sections: SOAP, ...body },
    bearer(account),
  );
  expect(res.status, JSON.stringify(note)).toBe(201);
  return note as Note;
}

/** A plan with one goal, written straight to the database (the plan routes are another feature's). */
async function addGoal(clientId: string, ownerId: string) {
  await runSql(
    api,
    "insert into treatment_plans (client_id, body_sealed, key_id, updated_by) values ($1, 'v1.x', 'x', $2) on conflict do nothing",
    [clientId, ownerId],
  );
  const [[goalId]] = await runSql(
    api,
    "insert into plan_goals (client_id, position, text_sealed, key_id) values ($1, 0, 'v1.x', 'x') returning id",
    [clientId],
  );
  return goalId as string;
}

describe("notes in a client's record", () => {
  it("keeps a draft, edits it, signs it, then refuses edits (409) and changes nothing", async () => {
    const therapist = await clinician();
    const clientId = await clientIdOf(therapist);
    const draft = await addNote(therapist, clientId);
    expect(draft).toMatchObject({
      session_date: "2026-03-14",
      format: "soap",
      sections: SOAP,
      status: "draft",
      signed_at: null,
      signed_by: null,
      addenda: [],
      goal_ids: [],
    });

    const url = `/api/v1/clients/${clientId}/notes/${draft.id}`;
    const edited = await api.json(
      url,
      { sections: { ...SOAP, plan: "Weekly exposure homework" }, session_date: "2026-03-13" },
      patch(therapist),
    );
    expect(edited.res.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ session_date: "2026-03-13", sections: { plan: "Weekly exposure homework" }, status: "draft" });

    const signed = await api.post(`${url}/sign`, {}, bearer(therapist));
    const signedNote = (await signed.json()) as Note;
    expect(signed.status).toBe(200);
    expect(signedNote).toMatchObject({ status: "signed", signed_by: therapist.user.id, signed_at: expect.any(String) });

    const late = await api.json(url, { sections: { ...SOAP, plan: "Rewritten after signing" } }, patch(therapist));
    expectProblem(late.res, late.body, 409, "note_signed");
    const twice = await api.json(`${url}/sign`, {}, bearer(therapist));
    expectProblem(twice.res, twice.body, 409, "note_signed");
    const read = await api.get(url, bearer(therapist));
    expect(read.body).toEqual(signedNote);
  });

  it("lets exactly one of two signatures sent at once sign the note", async () => {
    const therapist = await clinician();
    const clientId = await clientIdOf(therapist);
    const note = await addNote(therapist, clientId);
    const url = `/api/v1/clients/${clientId}/notes/${note.id}/sign`;
    const answers = await Promise.all([api.post(url, {}, bearer(therapist)), api.post(url, {}, bearer(therapist))]);
    expect(answers.map((res) => res.status).sort()).toEqual([200, 409]);
  });

  it("appends addenda in order to a signed note only, and lists notes latest session first", async () => {
    const therapist = await clinician();
    const clientId = await clientIdOf(therapist);
    const older = await addNote(therapist, clientId, { session_date: "2026-01-02" });
    const note = await addNote(therapist, clientId, { session_date: "2026-02-03" });
    const url = `/api/v1/clients/${clientId}/notes/${note.id}`;

    const onDraft = await api.json(`${url}/addenda`, { text: "Too early" }, bearer(therapist));
    expectProblem(onDraft.res, onDraft.body, 409, "note_not_signed");
    expect(((await api.get(url, bearer(therapist))).body as Note).addenda).toEqual([]);

    await api.post(`${url}/sign`, {}, bearer(therapist));
    for (const text of ["Client called to correct the date of the panic episode", "Second correction"]) {
      const added = await api.json(`${url}/addenda`, { text }, bearer(therapist));
      expect(added.res.status, JSON.stringify(added.body)).toBe(201);
    }
    const read = (await api.get(url, bearer(therapist))).body as Note;
    expect(read.addenda.map((addendum) => addendum.text)).toEqual([
      "Client called to correct the date of the panic episode",
      "Second correction",
    ]);
    expect(read.addenda[0]).toMatchObject({ by: therapist.user.id, at: expect.any(String) });
    expect(read.sections).toEqual(SOAP);

    const empty = await api.json(`${url}/addenda`, { text: "  " }, bearer(therapist));
    expectProblem(empty.res, empty.body, 400, "validation_error");

    const first = await api.get(`/api/v1/clients/${clientId}/notes?limit=1`, bearer(therapist));
    const firstPage = first.body as { notes: Note[]; next_cursor: string };
    expect(firstPage.notes.map((item) => [item.id, item.status])).toEqual([[note.id, "signed"]]);
    expect(firstPage.notes[0]).not.toHaveProperty("sections");
    const second = await api.get(
      `/api/v1/clients/${clientId}/notes?limit=1&cursor=${encodeURIComponent(firstPage.next_cursor)}`,
      bearer(therapist),
    );
    expect(second.body).toMatchObject({ notes: [{ id: older.id, status: "draft" }], next_cursor: null });
  });

  it("refuses sections that are not the format's, an unknown format, a future date and goals outside the client's plan (400), storing nothing", async () => {
    const therapist = await clinician();
    const clientId = await clientIdOf(therapist);
    const otherClient = await clientIdOf(therapist, "Client O");
    const goalId = await addGoal(clientId, therapist.user.id);
    const otherGoal = await addGoal(otherClient, therapist.user.id);
    const url = `/api/v1/clients/${clientId}/notes`;
    const base = { session_date: "2026-03-14", format: "soap", sections: SOAP };

    const dap = await api.json(url, { ...base, format: "dap" }, bearer(therapist));
    expectProblem(dap.res, dap.body, 400, "validation_error");
    expect(errorsAt(dap.body, "body.sections")).not.toHaveLength(0);
    const unknown = await api.json(url, { ...base, format: crypto.randomUUID() }, bearer(therapist));
    expect(errorsAt(unknown.body, "body.format")).not.toHaveLength(0);
    const future = await api.json(url, { ...base, session_date: "2999-01-01" }, bearer(therapist));
    expect(errorsAt(future.body, "body.session_date")).not.toHaveLength(0);
    const tooLong = await api.json(url, { ...base, sections: { ...SOAP, plan: "x".repeat(20_001) } }, bearer(therapist));
    expectProblem(tooLong.res, tooLong.body, 400, "validation_error");
    const foreignGoal = await api.json(url, { ...base, goal_ids: [otherGoal] }, bearer(therapist));
    expectProblem(foreignGoal.res, foreignGoal.body, 400, "validation_error");
    expect(errorsAt(foreignGoal.body, "body.goal_ids.0")).not.toHaveLength(0);
    expect((await api.get(url, bearer(therapist))).body).toMatchObject({ notes: [] });

    const note = await addNote(therapist, clientId, { goal_ids: [goalId] });
    expect(note.goal_ids).toEqual([goalId]);
    const badPatch = await api.json(`${url}/${note.id}`, { goal_ids: [otherGoal] }, patch(therapist));
    expectProblem(badPatch.res, badPatch.body, 400, "validation_error");
    expect(((await api.get(`${url}/${note.id}`, bearer(therapist))).body as Note).goal_ids).toEqual([goalId]);
  });

  it("accepts one of the clinician's own templates as the format, and refuses another clinician's", async () => {
    const therapist = await clinician();
    const other = await clinician();
    const clientId = await clientIdOf(therapist);
    const [[mine]] = await runSql(api, "insert into note_templates (owner_id, name, sections) values ($1, 'Brief', $2) returning id", [
      therapist.user.id,
      JSON.stringify([
        { name: "summary", instruction: "What happened" },
        { name: "risk", instruction: "Risk and protective factors" },
      ]),
    ]);
    const [[theirs]] = await runSql(api, "insert into note_templates (owner_id, name, sections) values ($1, 'Brief', $2) returning id", [
      other.user.id,
      JSON.stringify([{ name: "summary", instruction: "What happened" }]),
    ]);
    const note = await addNote(therapist, clientId, { format: mine, sections: { summary: "Good week", risk: "None reported" } });
    expect(note.format).toBe(mine);
    const wrong = await api.json(
      `/api/v1/clients/${clientId}/notes`,
      { session_date: "2026-03-14", format: theirs, sections: { summary: "x" } },
      bearer(therapist),
    );
    expectProblem(wrong.res, wrong.body, 400, "validation_error");
  });

  it("answers 404 for another clinician's client and for a note of another client", async () => {
    const owner = await clinician();
    const other = await clinician();
    const clientId = await clientIdOf(owner);
    const secondClient = await clientIdOf(owner, "Client S");
    const note = await addNote(owner, clientId);
    const url = `/api/v1/clients/${clientId}/notes/${note.id}`;

    for (const [path, init] of [
      [url, bearer(other)],
      [`/api/v1/clients/${clientId}/notes`, bearer(other)],
    ] as const) {
      const res = await api.get(path, init);
      expectProblem(res.res, res.body, 404, "client_not_found");
    }
    const stolen = await api.json(url, { sections: SOAP }, patch(other));
    expectProblem(stolen.res, stolen.body, 404, "client_not_found");
    const sign = await api.json(`${url}/sign`, {}, bearer(other));
    expectProblem(sign.res, sign.body, 404, "client_not_found");
    const wrongClient = await api.get(`/api/v1/clients/${secondClient}/notes/${note.id}`, bearer(owner));
    expectProblem(wrongClient.res, wrongClient.body, 404, "note_not_found");
    expect(((await api.get(url, bearer(owner))).body as Note).status).toBe("draft");
  });

  it("seals the text at rest and audits each access by client and note id without it", async () => {
    const therapist = await clinician();
    const clientId = await clientIdOf(therapist);
    const note = await addNote(therapist, clientId, { unsupported: ["Mentions a brother named Sebastian"] });
    const url = `/api/v1/clients/${clientId}/notes/${note.id}`;
    await api.post(`${url}/sign`, {}, bearer(therapist));
    await api.json(`${url}/addenda`, { text: "Tram panic was on Tuesday" }, bearer(therapist));

    const [[body, keyId]] = await runSql(api, "select body_sealed, key_id from client_notes where id = $1", [note.id]);
    const addenda = await runSql(api, "select text_sealed from note_addenda where note_id = $1", [note.id]);
    const raw = JSON.stringify([body, addenda]);
    expect(body).toMatch(/^v1\./);
    expect((body as string).split(".")[1]).toBe(keyId);
    expect(raw).not.toMatch(/tram|panic|Sebastian|Tuesday/i);

    const events = await runSql(
      api,
      "select action, outcome, detail::text from audit_events where target = $1 and action like 'workspace.note.%' order by created_at",
      [`client:${clientId}`],
    );
    expect(events.map(([action, outcome]) => `${action}:${outcome}`)).toEqual([
      "workspace.note.create:success",
      "workspace.note.sign:success",
      "workspace.note.addendum:success",
    ]);
    for (const [, , detail] of events) expect(JSON.parse(detail as string)).toMatchObject({ note_id: note.id });
    expect(JSON.stringify(events)).not.toMatch(/tram|panic|Sebastian|Tuesday/i);
  });

  it("stores a note from the §10 generator as it came, with its statements when it has them", async () => {
    const therapist = await clinician();
    const clientId = await clientIdOf(therapist);
    const generated = await offline.json(
      "/api/v1/notes",
      { format: "soap", text: "Client reports sleeping better since starting the wind-down routine. Plan: keep the routine." },
      bearer(therapist),
    );
    expect(generated.res.status, JSON.stringify(generated.body)).toBe(200);
    const answer = generated.body as Pick<Note, "sections" | "statements" | "unsupported">;
    const body = {
      session_date: "2026-03-14",
      format: "soap",
      sections: answer.sections,
      ...(answer.statements ? { statements: answer.statements } : {}),
      ...(answer.unsupported ? { unsupported: answer.unsupported } : {}),
    };
    const stored = await addNote(therapist, clientId, body);
    expect(stored).toMatchObject({ sections: answer.sections, status: "draft" });
    expect(stored.statements).toEqual(answer.statements);
    expect(stored.unsupported).toEqual(answer.unsupported);
  });
});
