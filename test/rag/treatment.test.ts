/**
 * Treatment plans as a clinician's client gets them: the plan from the model as a structured
 * template citing only retrieved guidelines, the plan offline from the guidelines alone, and
 * medication considerations shown to prescribers (psychiatrists, admins) only, whether answered as
 * JSON or streamed, and never even offered to the model for a therapist.
 */
import { describe, expect, it } from "vitest";
import { ok, read } from "../support/client";
import { scriptOpenAi, stubChatRequests } from "../support/openai-stub";
import {
  admin,
  ask,
  bearer,
  CHAT_MODEL,
  clinician,
  dataOf,
  GAD_DIAGNOSIS,
  gadGuideline,
  MODEL_PLAN_TEMPLATE,
  modelClient,
  modelTreatment,
  offline,
  psychiatrist,
  streamed,
  weeksFromToday,
} from "./fixtures";

// ---------------------------------------------------------------------------------------------
// The plan
// ---------------------------------------------------------------------------------------------

describe("a differential from the model", () => {
  it("the treatment route answers the same frame with a treatment plan citing retrieved guidelines", async () => {
    const client = await modelClient();
    const therapist = await clinician();
    await scriptOpenAi(client.openaiKey, { chat: [{ content: modelTreatment(null) }] });
    const { body } = ok(await ask(client, "treatment", "GET", therapist, { diagnosis: GAD_DIAGNOSIS }), 200);
    expect(body).toMatchObject({
      status: "success",
      query: { diagnosis: GAD_DIAGNOSIS, patient_context: null },
      ai_response: { mode: "llm", model_used: CHAT_MODEL },
      safety: { crisis_detected: false },
      disclaimer: expect.any(String),
    });
    expect(body).not.toHaveProperty("differential");
    const retrieved = body.retrieved_sources.map((s) => s.id);
    expect(retrieved).toContain(gadGuideline.id);
    expect(body.retrieved_sources.every((s) => s.type === "treatment_guideline")).toBe(true);
    expect(body.treatment_plan.modalities).toEqual([
      {
        name: "Cognitive behavioural therapy",
        evidence_level: "A",
        rationale: "First-line psychological treatment.",
        supporting_sources: [gadGuideline.id],
      },
      {
        name: "Applied relaxation",
        evidence_level: "A",
        rationale: "An alternative first-line option.",
        supporting_sources: [gadGuideline.id],
      },
    ]);
    expect(body.treatment_plan.goals).toEqual(["GAD-7 below 10 by week 12", "Return to full-time work"]);
    expect(body.treatment_plan.timeline).toMatch(/12-16 weekly/);
  });

  it("gives the plan as a structured template: citations only from retrieved sources, the review date from today", async () => {
    const client = await modelClient();
    const therapist = await clinician();
    await scriptOpenAi(client.openaiKey, { chat: [{ content: modelTreatment(null) }] });
    const { body } = ok(await ask(client, "treatment", "POST", therapist, { diagnosis: GAD_DIAGNOSIS }), 200);
    const { review_after_weeks: _weeks, ...template } = MODEL_PLAN_TEMPLATE;
    expect(body.treatment_plan).toMatchObject({
      ...template,
      problems: [{ ...template.problems[0], supporting_sources: [gadGuideline.id] }],
      interventions: [{ ...template.interventions[0], citations: [gadGuideline.id] }],
      review_date: weeksFromToday(6),
    });
    expect(body.treatment_plan).not.toHaveProperty("review_after_weeks");
  });
});

describe("offline mode (no AI key configured)", () => {
  it("answers treatment questions from the retrieved guidelines", async () => {
    const therapist = await clinician();
    const { body } = ok(await ask(offline, "treatment", "POST", therapist, { diagnosis: GAD_DIAGNOSIS }), 200);
    expect(body.ai_response).toMatchObject({ mode: "offline" });
    const retrieved = new Set(body.retrieved_sources.map((s) => s.id));
    expect(retrieved.has(gadGuideline.id)).toBe(true);
    expect(body.treatment_plan.modalities.length).toBeGreaterThan(0);
    for (const modality of body.treatment_plan.modalities) {
      expect(modality.supporting_sources.length).toBeGreaterThan(0);
      for (const id of modality.supporting_sources) expect(retrieved.has(id)).toBe(true);
    }
    expect(body.treatment_plan.goals.length).toBeGreaterThan(0);
    expect(body.treatment_plan.timeline).toEqual(expect.any(String));
    expect(body.treatment_plan).not.toHaveProperty("medication_considerations");
    // The structured template, offline too: GAD-7 every two weeks for an anxiety disorder, interventions citing what was retrieved.
    expect(body.treatment_plan.measures).toEqual([{ instrument: "GAD-7", frequency: "every two weeks", target: expect.any(String) }]);
    expect(body.treatment_plan.problems[0].description).toContain(GAD_DIAGNOSIS);
    expect(body.treatment_plan.smart_goals[0].measurable).toMatch(/^GAD-7/);
    expect(body.treatment_plan.objectives.length).toBeGreaterThan(0);
    expect(body.treatment_plan.interventions.length).toBe(body.treatment_plan.modalities.length);
    for (const intervention of body.treatment_plan.interventions)
      for (const id of intervention.citations) expect(retrieved.has(id)).toBe(true);
    expect(body.treatment_plan.review_date).toBe(weeksFromToday(6));
  });
});

// ---------------------------------------------------------------------------------------------
// Treatment: medication considerations are for prescribers
// ---------------------------------------------------------------------------------------------

describe("treatment plans and medication considerations", () => {
  const MEDICATION = "SSRIs (escitalopram, sertraline) or SNRIs first line; pregabalin second line. Avoid long-term benzodiazepines.";

  it.each(["GET", "POST"] as const)(
    "%s: a psychiatrist and an admin see medication considerations, a therapist does not",
    async (method) => {
      const client = await modelClient();
      const therapist = await clinician();
      const prescriber = await psychiatrist();
      await scriptOpenAi(client.openaiKey, { chat: [1, 2, 3].map(() => ({ content: modelTreatment(MEDICATION) })) });
      for (const [caller, sees] of [
        [prescriber, true],
        [admin, true],
        [therapist, false],
      ] as const) {
        const { body } = ok(
          await ask(client, "treatment", method, caller, { diagnosis: GAD_DIAGNOSIS, patient_context: "No medical comorbidities." }),
          200,
        );
        expect(body.treatment_plan.modalities.map((m) => m.supporting_sources)).toEqual([[gadGuideline.id], [gadGuideline.id]]);
        if (sees) expect(body.treatment_plan.medication_considerations).toBe(MEDICATION);
        else expect(Object.keys(body.treatment_plan)).not.toContain("medication_considerations");
        expect(JSON.stringify(body)).toContain(sees ? "escitalopram" : "Cognitive behavioural therapy");
        if (!sees) expect(JSON.stringify(body)).not.toContain("escitalopram");
      }
    },
  );

  it("a therapist's streamed plan has no medication considerations either", async () => {
    const client = await modelClient();
    const therapist = await clinician();
    await scriptOpenAi(client.openaiKey, { chat: [{ content: modelTreatment(MEDICATION) }] });
    const { events } = await streamed(client, therapist, "treatment", { diagnosis: GAD_DIAGNOSIS });
    const done = events.at(-1)!;
    expect(done.event).toBe("done");
    expect(Object.keys(dataOf(done, "done").treatment_plan)).not.toContain("medication_considerations");
  });

  it("a therapist's model request does not offer the medication field, so a streamed answer cannot carry it; a psychiatrist's does", async () => {
    const client = await modelClient();
    const therapist = await clinician();
    const prescriber = await psychiatrist();
    const fieldsAsked = async () => {
      const [last] = (await stubChatRequests(client.openaiKey)).slice(-1);
      const schema = last.response_format?.json_schema?.schema as { properties: { treatment_plan: { properties: object } } };
      return Object.keys(schema.properties.treatment_plan.properties);
    };
    ok(await ask(client, "treatment", "POST", therapist, { diagnosis: GAD_DIAGNOSIS }), 200);
    expect(await fieldsAsked()).not.toContain("medication_considerations");
    ok(await ask(client, "treatment", "POST", prescriber, { diagnosis: GAD_DIAGNOSIS }), 200);
    expect(await fieldsAsked()).toContain("medication_considerations");
  });

  it("offline, a psychiatrist gets medication considerations quoted from the retrieved guideline; a therapist does not", async () => {
    const prescriber = await psychiatrist();
    const { body } = ok(await ask(offline, "treatment", "GET", prescriber, { diagnosis: GAD_DIAGNOSIS }), 200);
    expect(body.ai_response.mode).toBe("offline");
    expect(body.treatment_plan.medication_considerations).toEqual(expect.any(String));
    const considerations = body.treatment_plan.medication_considerations ?? "";
    // Quoted from a retrieved guideline's pharmacotherapy section, naming its source.
    const cited = body.retrieved_sources.find((source) => considerations.includes(source.id));
    expect(cited?.type).toBe("treatment_guideline");
    const { body: document } = ok(
      await read(offline.client.api.v1.knowledge.documents[":id"].$get({ param: { id: cited!.id } }, { headers: bearer(prescriber) })),
      200,
    );
    const section = document.content.split("## Pharmacotherapy")[1].split("\n## ")[0].trim();
    expect(considerations).toContain(section.split("\n")[0]);

    const therapist = await clinician();
    const { body: plain } = ok(await ask(offline, "treatment", "GET", therapist, { diagnosis: GAD_DIAGNOSIS }), 200);
    expect(plain.treatment_plan).not.toHaveProperty("medication_considerations");
  });
});
