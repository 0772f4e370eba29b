/**
 * A client's treatment plan with tracked goals (docs/api.md §12): the plan text and each goal's
 * text are stored sealed; a goal's status changes are kept as a history naming who changed it,
 * when, and the client's note that evidenced it; a goal left out of a replacement is discontinued,
 * never deleted; another clinician's client is 404.
 */
import { describe, expect, it } from "vitest";
import { errorsAt, expectProblem, type LoggedIn, runSql } from "../support/accounts";
import { addClient, bearer, workspaceFixture } from "../support/workspace";

const { api, clinician } = await workspaceFixture();

interface Goal {
  id: string;
  text: string;
  status: string;
  history: { status: string; at: string; by: string; note_id: string | null }[];
}
interface Plan {
  problems: { description: string }[];
  objectives: { description: string; target_week: number | null }[];
  interventions: { name: string }[];
  review_date: string | null;
  goals: Goal[];
}

const clientIdOf = async (account: LoggedIn, label = "Client P") => (await addClient(api, account, { label })).id;

/** A note row of the client, as the notes routes would store it (the plan only needs it to exist). */
async function addNote(account: LoggedIn, clientId: string): Promise<string> {
  const id = crypto.randomUUID();
  await runSql(
    api,
    "insert into client_notes (id, client_id, session_date, format, body_sealed, key_id, created_by) values ($1, $2, '2026-11-30', 'soap', 'v1.x.y.z', 'x', $3)",
    [id, clientId, account.user.id],
  );
  return id;
}

const planBody = {
  problems: [{ description: "Low mood most days since the job loss" }],
  objectives: [{ description: "Schedule three valued activities a week", target_week: 4 }],
  interventions: [{ name: "Behavioural activation", frequency: "weekly" }],
  measures: [{ instrument: "phq9", frequency: "every two weeks", target: "below 10" }],
  review_date: "2027-02-01",
  goals: [{ text: "Walk the dog four mornings a week" }, { text: "Return to the choir by March" }],
};

const put = (account: LoggedIn, clientId: string, body: unknown) =>
  api.json(`/api/v1/clients/${clientId}/plan`, body, { method: "PUT", ...bearer(account) });
const patchGoal = (account: LoggedIn, clientId: string, goalId: string, body: unknown) =>
  api.json(`/api/v1/clients/${clientId}/plan/goals/${goalId}`, body, { method: "PATCH", ...bearer(account) });

describe("treatment plan with goals", () => {
  it("stores a plan, reads it back decrypted, and keeps each goal's status history with who, when and the evidencing note", async () => {
    const therapist = await clinician();
    const clientId = await clientIdOf(therapist);
    const none = await api.get(`/api/v1/clients/${clientId}/plan`, bearer(therapist));
    expectProblem(none.res, none.body, 404, "plan_not_found");

    const saved = await put(therapist, clientId, planBody);
    expect(saved.res.status, JSON.stringify(saved.body)).toBe(200);
    const plan = saved.body as Plan;
    expect(plan).toMatchObject({
      problems: [{ description: "Low mood most days since the job loss" }],
      objectives: [{ target_week: 4 }],
      interventions: [{ name: "Behavioural activation", evidence_level: null, frequency: "weekly" }],
      review_date: "2027-02-01",
      goals: [
        { text: "Walk the dog four mornings a week", status: "not_started", history: [] },
        { text: "Return to the choir by March", status: "not_started", history: [] },
      ],
    });
    const read = await api.get(`/api/v1/clients/${clientId}/plan`, bearer(therapist));
    expect(read.body).toEqual(plan);

    const goal = plan.goals[0];
    const noteId = await addNote(therapist, clientId);
    const started = await patchGoal(therapist, clientId, goal.id, { status: "in_progress" });
    expect(started.res.status).toBe(200);
    const met = await patchGoal(therapist, clientId, goal.id, { status: "met", note_id: noteId });
    expect(met.res.status).toBe(200);
    // The same status again is not a change: no third history entry.
    const again = await patchGoal(therapist, clientId, goal.id, { status: "met" });
    expect(again.res.status).toBe(200);
    expect(again.body).toEqual(met.body);
    const { history } = met.body as Goal;
    expect(met.body).toMatchObject({ id: goal.id, text: goal.text, status: "met" });
    expect(history).toEqual([
      { status: "in_progress", at: expect.any(String), by: therapist.user.id, note_id: null },
      { status: "met", at: expect.any(String), by: therapist.user.id, note_id: noteId },
    ]);
    expect(Date.parse(history[0].at)).toBeLessThanOrEqual(Date.parse(history[1].at));
    const after = (await api.get(`/api/v1/clients/${clientId}/plan`, bearer(therapist))).body as Plan;
    expect(after.goals[0]).toEqual(met.body);

    const events = await runSql(
      api,
      "select action, detail::text from audit_events where target = $1 and action = 'workspace.goal.update' order by created_at",
      [`client:${clientId}`],
    );
    expect(events).toHaveLength(3);
    expect(String(events[1][1])).toContain(goal.id);
    expect(String(events[1][1])).toContain(noteId);
  });

  it("keeps a goal sent with its id, adds one without, and discontinues (never deletes) one left out", async () => {
    const therapist = await clinician();
    const clientId = await clientIdOf(therapist);
    const [first, second] = ((await put(therapist, clientId, planBody)).body as Plan).goals;
    await patchGoal(therapist, clientId, first.id, { status: "in_progress" });

    const replaced = await put(therapist, clientId, {
      problems: [],
      goals: [{ id: first.id, text: "Walk the dog five mornings a week" }, { text: "Call one friend a week" }],
    });
    expect(replaced.res.status, JSON.stringify(replaced.body)).toBe(200);
    const plan = replaced.body as Plan;
    expect(plan.review_date).toBeNull();
    expect(plan.goals.map((goal) => [goal.text, goal.status])).toEqual([
      ["Walk the dog five mornings a week", "in_progress"],
      ["Call one friend a week", "not_started"],
      ["Return to the choir by March", "discontinued"],
    ]);
    expect(plan.goals[0].history.map((change) => change.status)).toEqual(["in_progress"]);
    expect(plan.goals[2]).toMatchObject({ id: second.id, history: [{ status: "discontinued", by: therapist.user.id }] });
  });

  it("refuses an unknown status, a note of another client and a goal id not in the plan with 400, changing nothing", async () => {
    const therapist = await clinician();
    const clientId = await clientIdOf(therapist, "Client Q");
    const otherClient = await clientIdOf(therapist, "Client R");
    const foreignNote = await addNote(therapist, otherClient);
    const [goal] = ((await put(therapist, clientId, planBody)).body as Plan).goals;

    const badStatus = await patchGoal(therapist, clientId, goal.id, { status: "done" });
    expectProblem(badStatus.res, badStatus.body, 400, "validation_error");
    expect(errorsAt(badStatus.body, "body.status")).not.toHaveLength(0);
    const foreign = await patchGoal(therapist, clientId, goal.id, { status: "met", note_id: foreignNote });
    expectProblem(foreign.res, foreign.body, 400, "validation_error");
    expect(errorsAt(foreign.body, "body.note_id")).not.toHaveLength(0);
    const strayId = await put(therapist, clientId, { goals: [{ id: crypto.randomUUID(), text: "Not mine" }] });
    expectProblem(strayId.res, strayId.body, 400, "validation_error");
    expect(errorsAt(strayId.body, "body.goals.0.id")).not.toHaveLength(0);

    const plan = (await api.get(`/api/v1/clients/${clientId}/plan`, bearer(therapist))).body as Plan;
    expect(plan.goals.map((g) => [g.status, g.history.length])).toEqual([
      ["not_started", 0],
      ["not_started", 0],
    ]);
  });

  it("answers 404 for another clinician's client on every plan route, and changes nothing", async () => {
    const owner = await clinician();
    const other = await clinician();
    const clientId = await clientIdOf(owner);
    const [goal] = ((await put(owner, clientId, planBody)).body as Plan).goals;

    const read = await api.get(`/api/v1/clients/${clientId}/plan`, bearer(other));
    expectProblem(read.res, read.body, 404, "client_not_found");
    const replaced = await put(other, clientId, { goals: [] });
    expectProblem(replaced.res, replaced.body, 404, "client_not_found");
    const changed = await patchGoal(other, clientId, goal.id, { status: "met" });
    expectProblem(changed.res, changed.body, 404, "client_not_found");

    const plan = (await api.get(`/api/v1/clients/${clientId}/plan`, bearer(owner))).body as Plan;
    expect(plan.goals.map((g) => g.status)).toEqual(["not_started", "not_started"]);
  });

  it("stores the plan text and goal text sealed, under the current key", async () => {
    const therapist = await clinician();
    const clientId = await clientIdOf(therapist);
    const [goal] = ((await put(therapist, clientId, planBody)).body as Plan).goals;
    const [[body, planKey]] = (await runSql(api, "select body_sealed, key_id from treatment_plans where client_id = $1", [clientId])) as [
      string,
      string,
    ][];
    const goals = (await runSql(api, "select text_sealed, key_id from plan_goals where client_id = $1", [clientId])) as [string, string][];
    expect(goals).toHaveLength(2);
    for (const [sealed, keyId] of [[body, planKey], ...goals]) {
      expect(sealed).toMatch(/^v1\./);
      expect(sealed.split(".")[1]).toBe(keyId);
    }
    const dump = JSON.stringify(
      await runSql(api, "select * from treatment_plans t join plan_goals g on g.client_id = t.client_id where t.client_id = $1", [
        clientId,
      ]),
    );
    expect(dump).not.toMatch(/Low mood|Behavioural|Walk the dog|choir/);
    expect(goal.text).toBe("Walk the dog four mornings a week");
    const events = await runSql(api, "select detail::text from audit_events where target = $1", [`client:${clientId}`]);
    expect(JSON.stringify(events)).not.toMatch(/Low mood|Walk the dog/);
  });
});
