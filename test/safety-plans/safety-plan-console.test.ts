/**
 * The safety plan in the console: "Draft a safety plan" on a crisis banner the server renders,
 * the /app/safety-plan page (its labelled form for a clinician, the verification notice for a
 * student) and the action its script calls (the API's use case behind the session and CSRF token,
 * problems as problem+json).
 */
import { describe, expect, it } from "vitest";
import type { SafetyPlanAnswer } from "../../src/safety-plans/safety-plans.schemas";
import { createAdmin, createVerifiedTherapist, readProblem, registerUser } from "../support/accounts";
import { createTestApi } from "../support/api";
import { type ConsoleVisitor, consoleVisitor, ORIGIN, visibleText } from "../support/console";

const offline = await createTestApi({ OPENAI_API_KEY: "" });
const admin = await createAdmin(offline);

const SOURCE = "When I can't sleep I start to pull away from everyone. I could call my sister Ana. I want to end my life.";

async function signedIn(account: { user: { email: string }; password: string }): Promise<ConsoleVisitor> {
  const visitor = consoleVisitor(offline);
  const res = await visitor.signIn(account.user.email, account.password);
  expect(res.status).toBe(303);
  return visitor;
}

/** The page script's JSON POST. */
function postDraft(visitor: ConsoleVisitor, body: unknown, csrfToken: string | null) {
  return visitor.fetch("/app/safety-plan/draft", {
    method: "POST",
    headers: {
      Origin: ORIGIN,
      "Content-Type": "application/json",
      Accept: "application/json",
      ...(csrfToken ? { "X-CSRF-Token": csrfToken } : {}),
    },
    body: JSON.stringify(body),
  });
}

describe("the console's safety plan", () => {
  it("shows 'Draft a safety plan' on the crisis banner, linking to the safety plan page", async () => {
    const visitor = await signedIn(await registerUser(offline));
    const csrf = await visitor.csrfToken();
    const items = Object.fromEntries([2, 2, 1, 1, 1, 1, 1, 1, 1].map((value, index) => [`item${index + 1}`, String(value)]));
    const res = await visitor.post("/app/assessments", { _csrf: csrf, instrument: "phq9", ...items });
    const html = await res.text();
    expect(res.status).toBe(200);
    const banner = /<section class="alert crisis"[\s\S]*?<\/section>/.exec(html)?.[0] ?? "";
    expect(banner).toMatch(/<a href="\/app\/safety-plan"[^>]*>\s*Draft a safety plan\s*<\/a>/);
  });

  it("gives a clinician the labelled form and its script; a student the verification notice", async () => {
    const clinician = await signedIn(await createVerifiedTherapist(offline, admin.tokens.access_token));
    const { res, html } = await clinician.page("/app/safety-plan");
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toContain("no-store");
    expect(html).toContain('<label for="plan-text">Source text</label>');
    expect(html).toContain('<label for="plan-language">Client&#39;s language</label>');
    expect(html).toContain('<option value="es">Español</option>');
    expect(html).toContain('src="/app/assets/safety-plan.js"');

    const student = await signedIn(await registerUser(offline));
    const page = await student.page("/app/safety-plan");
    expect(page.res.status).toBe(200);
    expect(visibleText(page.html)).toContain("Verification needed");
    expect(page.html).not.toContain('id="plan-form"');
  });

  it("drafts through the session with the CSRF token, refuses without it or for a student, and answers bad input as problem+json", async () => {
    const clinician = await signedIn(await createVerifiedTherapist(offline, admin.tokens.access_token));
    await readProblem(await postDraft(clinician, { text: SOURCE }, null), 403, "csrf_token_invalid");
    const csrf = await clinician.csrfToken();

    const res = await postDraft(clinician, { text: SOURCE, language: "fr" }, csrf);
    expect(res.status, await res.clone().text()).toBe(200);
    const plan = (await res.json()) as SafetyPlanAnswer;
    expect(plan.language).toBe("fr");
    expect(plan.filled_from_source).toEqual(["warning_signs", "people_to_ask"]);
    expect(plan.sections.reasons_for_living.placeholder).toBe("À compléter avec le client.");

    await readProblem(await postDraft(clinician, { text: "" }, csrf), 400, "validation_error");

    const student = await signedIn(await registerUser(offline));
    await readProblem(await postDraft(student, { text: SOURCE }, await student.csrfToken()), 403, "forbidden");
  });
});
