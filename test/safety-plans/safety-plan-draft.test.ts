/**
 * Safety plan drafts (POST /api/v1/safety-plans) as a clinician's client sees them: the steps the
 * source text speaks to are filled from it and the others left "To complete with the client";
 * `filled_from_source` names exactly the filled steps; the model's items that the source does not
 * support are dropped; a clinical answer works as the source; only licensed, verified clinicians
 * may draft; bad input is a 400 naming the field; the audit event keeps sizes, never the text.
 */
import { afterEach, describe, expect, it } from "vitest";
import { PLAN_LABELS, SAFETY_PLAN_SECTIONS } from "../../src/safety-plans/safety-plan-labels";
import type { SafetyPlanAnswer } from "../../src/safety-plans/safety-plans.schemas";
import {
  authHeader,
  createAdmin,
  createVerifiedTherapist,
  errorsAt,
  type LoggedIn,
  readProblem,
  registerAndLogin,
} from "../support/accounts";
import { createTestApi } from "../support/api";
import { auditEvents } from "../support/audit";
import { scriptOpenAi, stubChatRequests, stubStats } from "../support/openai-stub";

const api = await createTestApi();
const admin = await createAdmin(api);
const adminToken = admin.tokens.access_token;
const offline = await createTestApi({ OPENAI_API_KEY: "" }, { database: api.database });

afterEach(async () => {
  await scriptOpenAi(api.openaiKey, { reset: true });
});

const WARNING = "When I can't sleep and start to feel like a burden, I pull away from everyone.";
const SISTER = "I could call my sister Ana; she always picks up.";
const CABINET = "My husband keeps my pills in a locked cabinet now.";
const SOURCE = `${WARNING} ${SISTER} ${CABINET} Lately I have been thinking about ending my life.`;
const FILLED = ["warning_signs", "people_to_ask", "safe_environment"];

const clinician = () => createVerifiedTherapist(api, adminToken);

function postPlan(user: LoggedIn, body: unknown, client = api) {
  return client.post("/api/v1/safety-plans", body, { headers: authHeader(user.tokens.access_token) });
}

async function plan(user: LoggedIn, body: unknown, client = api): Promise<SafetyPlanAnswer> {
  const res = await postPlan(user, body, client);
  const answer = await res.json();
  expect(res.status, JSON.stringify(answer)).toBe(200);
  expect(res.headers.get("Cache-Control")).toBe("no-store");
  return answer as SafetyPlanAnswer;
}

/** Every step's items, and the steps left to the clinician with the placeholder they show. */
function expectOnly(answer: SafetyPlanAnswer, filled: Record<string, string[]>) {
  expect(Object.keys(answer.sections)).toEqual([...SAFETY_PLAN_SECTIONS]);
  expect(answer.filled_from_source).toEqual(SAFETY_PLAN_SECTIONS.filter((step) => step in filled));
  for (const step of SAFETY_PLAN_SECTIONS) {
    const section = answer.sections[step];
    expect(section.title).toBe(PLAN_LABELS[answer.language].sections[step]);
    if (step in filled) {
      expect(section.items, step).toEqual(filled[step]);
      expect(section.placeholder).toBeNull();
    } else {
      expect(section.items, step).toEqual([]);
      expect(section.placeholder).toBe(PLAN_LABELS[answer.language].toComplete);
    }
  }
}

describe("offline (no model): sentences of the source, quoted", () => {
  it("fills the warning signs, the sister and the locked cabinet from the text and leaves every other step to complete", async () => {
    const user = await clinician();
    const answer = await plan(user, { text: SOURCE }, offline);
    expect(answer.mode).toBe("offline");
    expect(answer.language).toBe("en");
    expectOnly(answer, { warning_signs: [WARNING], people_to_ask: [SISTER], safe_environment: [CABINET] });
    expect(answer.sections.safe_environment.placeholder).toBeNull();
    expect(answer.sections.coping_strategies.placeholder).toBe("To complete with the client.");
    // The plan lists crisis lines whatever the source says: it is made for the next crisis.
    expect(answer.crisis_resources.length).toBeGreaterThan(0);
    for (const line of answer.crisis_resources) expect(line).toEqual({ name: expect.any(String), contact: expect.any(String) });
  });

  it("invents nothing: a text that speaks to no step leaves all seven to complete, and saying a step does not hold fills nothing", async () => {
    const user = await clinician();
    const answer = await plan(
      user,
      { text: "Nothing helps me anymore. I don't want to call my brother. I have no reason to live. Weather was grey today." },
      offline,
    );
    expectOnly(answer, {});
  });

  it("reads coping, social settings, professionals and reasons for living from their cues", async () => {
    const user = await clinician();
    const coping = "Going for a long walk calms me down.";
    const social = "Spending time with my friends at the gym takes my mind off things.";
    const professional = "I see my therapist on Tuesdays.";
    const reason = "My kids are my reason to keep going.";
    const answer = await plan(user, { text: [coping, social, professional, reason].join(" ") }, offline);
    expectOnly(answer, {
      coping_strategies: [coping],
      social_distractions: [social],
      professionals_and_agencies: [professional],
      reasons_for_living: [reason],
    });
  });

  it("drafts from a clinical answer as received (a note's sections and its safety block), headings in the chosen language", async () => {
    const user = await clinician();
    const note = {
      status: "success",
      format: "soap",
      sections: { subjective: SOURCE, objective: "Not documented in the source text.", assessment: "Risk present.", plan: "Weekly." },
      risk: { crisis_detected: true, categories: ["suicidal_ideation"], summary: "…" },
      safety: {
        crisis_detected: true,
        indicators: [{ category: "suicidal_ideation", field: "session_text", evidence: "ending my life", temporal: "current" }],
        resources: [],
      },
      suggested_codes: [],
    };
    const answer = await plan(user, { answer: note, language: "es" }, offline);
    expect(answer.language).toBe("es");
    expectOnly(answer, { warning_signs: [WARNING], people_to_ask: [SISTER], safe_environment: [CABINET] });
    expect(answer.sections.coping_strategies.placeholder).toBe("Por completar con el cliente.");
    expect(answer.sections.warning_signs.title).toBe("Señales de alerta");
  });

  it("does not count an offline draft as a model call", async () => {
    const user = await clinician();
    const before = (await stubStats(api.openaiKey)).chat ?? 0;
    await plan(user, { text: SOURCE }, offline);
    expect((await stubStats(api.openaiKey)).chat ?? 0).toBe(before);
  });
});

describe("with a model: one structured call, then the grounding check", () => {
  it("keeps the model's quotes and close paraphrases and drops every item the source does not support", async () => {
    const user = await clinician();
    await scriptOpenAi(api.openaiKey, {
      chat: [
        {
          content: JSON.stringify({
            sections: {
              warning_signs: ["Starts to feel like a burden and pulls away from everyone when she can't sleep"],
              coping_strategies: ["Listen to calming music"],
              social_distractions: [],
              people_to_ask: ["Call her sister Ana", "Call her sister Ana"],
              professionals_and_agencies: ["Call the 988 Suicide & Crisis Lifeline"],
              safe_environment: ["Husband keeps the pills in a locked cabinet"],
              reasons_for_living: ["Her children"],
            },
          }),
        },
      ],
    });
    const answer = await plan(user, { text: SOURCE });
    expect(answer.mode).toBe("llm");
    expectOnly(answer, {
      warning_signs: ["Starts to feel like a burden and pulls away from everyone when she can't sleep"],
      people_to_ask: ["Call her sister Ana"],
      safe_environment: ["Husband keeps the pills in a locked cabinet"],
    });
    expect(answer.filled_from_source).toEqual(FILLED);

    const [request] = (await stubChatRequests(api.openaiKey)).slice(-1);
    expect(request.response_format?.json_schema?.name).toBe("safety_plan");
    expect(request.messages[0].content).toContain("ONLY with what the SOURCE TEXT says");
    expect(request.messages[1].content).toContain(SISTER);
  });

  it("answers a model failure with a 502 problem, recorded in the audit trail without the text", async () => {
    const user = await clinician();
    await scriptOpenAi(api.openaiKey, { chat: [{ status: 500 }, { status: 500 }, { status: 500 }] });
    const res = await postPlan(user, { text: SOURCE });
    expect(res.status).toBe(502);
    const [event] = await auditEvents(api, adminToken, { user_id: user.user.id, action: "safety_plan.create" });
    expect(event.outcome).toBe("failure");
    expect(JSON.stringify(event)).not.toContain("sister");
    expect(event.detail).toMatchObject({ text_chars: SOURCE.length });
  });
});

describe("who may draft, and bad input", () => {
  it("refuses a student and an unverified therapist with the policy's 403, before any model call", async () => {
    const before = (await stubStats(api.openaiKey)).chat ?? 0;
    const student = await registerAndLogin(api, { role: "student" });
    const studentProblem = await readProblem(await postPlan(student, { text: SOURCE }), 403, "forbidden");
    expect(studentProblem.detail).toMatch(/student/i);
    const unverified = await registerAndLogin(api, { role: "therapist", license_type: "LMFT", license_number: "L-1", license_state: "CA" });
    await readProblem(await postPlan(unverified, { text: SOURCE }), 403, "forbidden");
    expect((await stubStats(api.openaiKey)).chat ?? 0).toBe(before);
  });

  it.each([
    ["neither text nor answer", {}, "body.text"],
    ["both text and answer", { text: SOURCE, answer: { query: { symptoms: SOURCE } } }, "body.text"],
    ["a blank text", { text: "   " }, "body.text"],
    ["a language the plan is not printed in", { text: SOURCE, language: "it" }, "body.language"],
    ["an answer without any text", { answer: { status: "success", sections: {} } }, "body.answer"],
    ["an unknown field", { text: SOURCE, country: "GB" }, "body.country"],
  ])("answers %s with a 400 naming the field", async (_, body, path) => {
    const user = await clinician();
    const problem = await readProblem(await postPlan(user, body, offline), 400, "validation_error");
    expect(errorsAt(problem, path).length, JSON.stringify(problem)).toBeGreaterThan(0);
  });
});
