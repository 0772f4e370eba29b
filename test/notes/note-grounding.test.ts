/**
 * Notes state only what the source says (docs/api.md §10, §12; issue 23 item 5): every statement
 * carries the spans of the source text it rests on, found by the server from the model's verbatim
 * quotes; a statement with nothing behind it is withheld from the sections and returned apart;
 * risk is stated only by the crisis screen or by the source itself ("denies suicidal ideation"
 * never comes from the model alone). And notes in the clinician's own template (issue 23 item 2):
 * its sections, its instructions, offline too; another clinician's or an unknown template is a 400.
 */
import { describe, expect, it } from "vitest";
import { NOT_DOCUMENTED, type NoteAnswer } from "../../src/notes/notes.schemas";
import { authHeader, createAdmin, createVerifiedTherapist, errorsAt, type LoggedIn, readProblem, runSql } from "../support/accounts";
import { createTestApi } from "../support/api";
import { auditEvents } from "../support/audit";
import { scriptOpenAi, stubChatRequests, stubStats } from "../support/openai-stub";

const api = await createTestApi();
const offline = await createTestApi({ OPENAI_API_KEY: "" }, { database: api.database });
const admin = await createAdmin(api);
const clinician = () => createVerifiedTherapist(api, admin.tokens.access_token);

const SESSION =
  "Client reports   feeling on edge most days and worrying about work.\n" +
  "She says sleep is poor. GAD-7 score 15. " +
  "Therapist introduced diaphragmatic breathing. Plan: weekly CBT and a worry log.";
const RISK_SESSION = "Client reports poor sleep. She says she has been thinking about killing herself this week.";

type Said = { text: string; quotes: string[] };
function modelNote(statements: Record<string, Said[]>) {
  return JSON.stringify({ response: "Worry and sleep.", statements, suggested_codes: [] });
}

async function note(user: LoggedIn, body: Record<string, unknown>, client = api): Promise<NoteAnswer> {
  const { res, body: answer } = await client.json("/api/v1/notes", body, { headers: authHeader(user.tokens.access_token) });
  expect(res.status, JSON.stringify(answer)).toBe(200);
  return answer as NoteAnswer;
}

/** The source words each statement's spans point at. */
function quoted(answer: NoteAnswer, section: string): string[][] {
  const source = answer.source.text ?? "";
  return (answer.statements?.[section] ?? []).map((statement) => statement.spans.map((span) => source.slice(span.start, span.end)));
}

describe("statements with the spans of the source", () => {
  it("keeps a quoted statement with its spans, withholds an invented one, and drops a denial of risk the session never made", async () => {
    const user = await clinician();
    await scriptOpenAi(api.openaiKey, {
      chat: [
        {
          content: modelNote({
            // Quotes folded differently from the source (case, spacing): still found.
            subjective: [
              {
                text: "On edge most days, worried about work; poor sleep.",
                quotes: ["reports feeling ON EDGE most days", "sleep is poor"],
              },
            ],
            // A quote the source does not hold: invented support.
            objective: [{ text: "Tearful and poorly groomed.", quotes: ["client was tearful and poorly groomed"] }],
            assessment: [
              { text: "Denies suicidal ideation.", quotes: ["She says sleep is poor."] },
              // A number the quotes do not state.
              { text: "GAD-7 score 21.", quotes: ["GAD-7 score 15."] },
            ],
            plan: [{ text: "Weekly CBT and a worry log.", quotes: ["Plan: weekly CBT and a worry log."] }],
          }),
        },
      ],
    });
    const answer = await note(user, { format: "soap", text: SESSION });

    expect(answer.source.text).toBe(SESSION);
    expect(answer.sections).toEqual({
      subjective: "On edge most days, worried about work; poor sleep.",
      objective: NOT_DOCUMENTED,
      assessment: NOT_DOCUMENTED,
      plan: "Weekly CBT and a worry log.",
    });
    expect(quoted(answer, "subjective")).toEqual([["reports   feeling on edge most days", "sleep is poor"]]);
    expect(quoted(answer, "plan")).toEqual([["Plan: weekly CBT and a worry log."]]);
    expect(answer.statements?.objective).toEqual([]);
    expect(answer.unsupported).toEqual(["Tearful and poorly groomed.", "GAD-7 score 21."]);
    expect(JSON.stringify(answer.sections) + JSON.stringify(answer.statements) + JSON.stringify(answer.unsupported)).not.toMatch(
      /suicidal/i,
    );
  });

  it("states risk from the crisis screen, with the span of the sentence it matched, when the model leaves it out", async () => {
    const user = await clinician();
    await scriptOpenAi(api.openaiKey, {
      chat: [
        {
          content: modelNote({
            data: [{ text: "Poor sleep.", quotes: ["poor sleep"] }],
            // The source's own risk words, read the other way round.
            assessment: [{ text: "Denies suicidal ideation.", quotes: ["thinking about killing herself"] }],
            plan: [],
          }),
        },
      ],
    });
    const answer = await note(user, { format: "dap", text: RISK_SESSION });
    expect(JSON.stringify(answer)).not.toMatch(/denies/i);

    expect(answer.risk.crisis_detected).toBe(true);
    const [risk] = answer.statements?.assessment ?? [];
    expect(risk.text).toMatch(/^Risk screen \(suicidal ideation, (current|recent)\)/);
    expect(quoted(answer, "assessment")).toEqual([["She says she has been thinking about killing herself this week."]]);
    expect(answer.sections.assessment).toBe(risk.text);
  });

  it("spans a question and the answer that made it a disclosure, across speaker labels", async () => {
    const user = await clinician();
    const text = "T: Have you thought about killing yourself?\nC: Yes, last week.";
    const answer = await note(user, { format: "birp", text }, offline);
    const risk = answer.statements?.behavior.find((statement) => statement.text.startsWith("Risk screen"));
    expect(risk?.text).toMatch(/^Risk screen \(suicidal ideation, recent\)/);
    expect(risk?.spans.map((span) => text.slice(span.start, span.end))).toEqual([
      "T: Have you thought about killing yourself?",
      "C: Yes, last week.",
    ]);
  });

  it("keeps a denial of risk that the session itself states", async () => {
    const user = await clinician();
    const text = "Client reports low mood. She denies suicidal ideation.";
    await scriptOpenAi(api.openaiKey, {
      chat: [
        {
          content: modelNote({
            data: [{ text: "Denies suicidal ideation.", quotes: ["denies suicidal ideation"] }],
            assessment: [],
            plan: [],
          }),
        },
      ],
    });
    const answer = await note(user, { format: "dap", text });
    expect(answer.risk.crisis_detected).toBe(false);
    expect(answer.sections.data).toBe("Denies suicidal ideation.");
    expect(quoted(answer, "data")).toEqual([["denies suicidal ideation"]]);
  });

  it("offline, every statement is a sentence of the source and its span is exactly that sentence", async () => {
    const user = await clinician();
    const answer = await note(user, { format: "soap", text: `${SESSION}\n${RISK_SESSION}` }, offline);
    const source = answer.source.text ?? "";
    const all = Object.values(answer.statements ?? {}).flat();
    expect(all.length).toBeGreaterThan(4);
    for (const statement of all) {
      expect(statement.spans.length).toBe(1);
      const [{ start, end }] = statement.spans;
      if (!statement.text.startsWith("Risk screen")) expect(source.slice(start, end)).toBe(statement.text);
    }
    expect(answer.unsupported).toEqual([]);
    expect(answer.statements?.assessment.some((statement) => statement.text.startsWith("Risk screen (suicidal ideation"))).toBe(true);
    expect(answer.sections.plan).toMatch(/Plan: weekly CBT and a worry log\.$/);
  });
});

describe("notes in the clinician's own template", () => {
  const SECTIONS = [
    { name: "presenting_concerns", instruction: "What the client reported this session" },
    { name: "interventions_used", instruction: "Techniques the therapist used" },
    { name: "next_steps", instruction: "The plan, homework and next session" },
  ];
  async function template(owner: LoggedIn): Promise<string> {
    const id = crypto.randomUUID();
    await runSql(api, "insert into note_templates (id, owner_id, name, sections) values ($1, $2, $3, $4)", [
      id,
      owner.user.id,
      `Brief ${id.slice(0, 8)}`,
      JSON.stringify(SECTIONS),
    ]);
    return id;
  }

  it("asks the model for the template's sections with their instructions and answers them, grounded", async () => {
    const user = await clinician();
    const id = await template(user);
    await scriptOpenAi(api.openaiKey, {
      chat: [
        {
          content: modelNote({
            presenting_concerns: [{ text: "Poor sleep.", quotes: ["sleep is poor"] }],
            interventions_used: [{ text: "Diaphragmatic breathing.", quotes: ["introduced diaphragmatic breathing"] }],
            next_steps: [],
          }),
        },
      ],
    });
    const answer = await note(user, { format: id, text: SESSION });

    expect(answer.format).toBe(id);
    expect(answer.template).toMatchObject({ id, sections: SECTIONS });
    expect(answer.sections).toEqual({
      presenting_concerns: "Poor sleep.",
      interventions_used: "Diaphragmatic breathing.",
      next_steps: NOT_DOCUMENTED,
    });
    const [request] = (await stubChatRequests(api.openaiKey)).slice(-1);
    expect(request.messages[0].content).toContain("next_steps: The plan, homework and next session");
    const schema = JSON.stringify(request.response_format?.json_schema?.schema);
    for (const { name } of SECTIONS) expect(schema).toContain(`"${name}"`);
  });

  it("offline, puts each sentence in the section it fits best", async () => {
    const user = await clinician();
    const answer = await note(user, { format: await template(user), text: SESSION }, offline);
    expect(answer.sections.presenting_concerns).toMatch(/^Client reports {3}feeling on edge/);
    expect(answer.sections.interventions_used).toBe("Therapist introduced diaphragmatic breathing.");
    expect(answer.sections.next_steps).toBe("Plan: weekly CBT and a worry log.");
  });

  it("is a 400 at body.format for an unknown template or another clinician's, without calling the model or auditing", async () => {
    const user = await clinician();
    const theirs = await template(await clinician());
    const chats = (await stubStats(api.openaiKey)).chat ?? 0;
    for (const format of [crypto.randomUUID(), theirs]) {
      const res = await api.post("/api/v1/notes", { format, text: SESSION }, { headers: authHeader(user.tokens.access_token) });
      const problem = await readProblem(res, 400, "validation_error");
      expect(errorsAt(problem, "body.format").length, JSON.stringify(problem)).toBeGreaterThan(0);
    }
    expect((await stubStats(api.openaiKey)).chat ?? 0).toBe(chats);
    expect(await auditEvents(api, admin.tokens.access_token, { user_id: user.user.id, action: "note.create" })).toEqual([]);
  });
});

describe("a note's report", () => {
  it("shows the unsupported statements apart, labelled, and a template note under its own section headings", async () => {
    const user = await clinician();
    await scriptOpenAi(api.openaiKey, {
      chat: [{ content: modelNote({ data: [{ text: "Invented remark.", quotes: ["never said in session"] }], assessment: [], plan: [] }) }],
    });
    const grounded = await note(user, { format: "dap", text: SESSION });
    const id = crypto.randomUUID();
    await runSql(api, "insert into note_templates (id, owner_id, name, sections) values ($1, $2, $3, $4)", [
      id,
      user.user.id,
      "Intake summary",
      JSON.stringify([{ name: "reason_for_referral", instruction: "Why the client came" }]),
    ]);
    const templated = await note(user, { format: id, text: SESSION }, offline);

    const html = async (content: NoteAnswer) => {
      const res = await api.post(
        "/api/v1/reports",
        { kind: "note", content },
        { headers: { ...authHeader(user.tokens.access_token), Accept: "text/html" } },
      );
      expect(res.status).toBe(200);
      return res.text();
    };
    const page = await html(grounded);
    expect(page).toContain("Unsupported statements (not found in the source text)");
    expect(page).toContain("Invented remark.");
    const templatePage = await html(templated);
    expect(templatePage).toContain("Session note (Intake summary)");
    expect(templatePage).toContain("Reason for referral");
  });
});
