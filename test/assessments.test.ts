/**
 * PHQ-9 and GAD-7 scoring: the published severity bands at every boundary,
 * the cut-off flag, PHQ-9 item 9 and the safety block, and validation that names the bad item
 * without touching the database beyond the caller's account check.
 */
import { describe, expect, it } from "vitest";
import { authHeader, expectProblem, registerAndLogin } from "./support/accounts";
import { createTestApi, databaseRequests } from "./support/api";
import { expectJson } from "./support/client";

const api = await createTestApi();
const student = await registerAndLogin(api);
const auth = authHeader(student.tokens.access_token);

/** Any body to any instrument, valid or not; the raw answer. */
function score(instrument: string, body: unknown, headers: Record<string, string> = auth) {
  return api.json(`/api/v1/assessments/${instrument}`, body, { headers });
}

/** A well-formed request through the typed client; the 200 answer's body, typed. */
async function scored(instrument: "phq9" | "gad7", responses: number[]) {
  return expectJson(
    await api.client.api.v1.assessments[":instrument"].$post({ param: { instrument }, json: { responses } }, { headers: auth }),
    200,
  );
}

/** `items` responses (0-3) adding up to `total`, filled from the first item; item 9 stays 0 unless `item9` is given. */
function responsesFor(items: number, total: number, item9 = 0): number[] {
  const responses = new Array<number>(items).fill(0);
  let left = total - item9;
  if (items === 9) responses[8] = item9;
  for (let i = 0; i < items && left > 0; i++) {
    if (items === 9 && i === 8) continue;
    responses[i] = Math.min(3, left);
    left -= responses[i];
  }
  // Totals above 24 on the PHQ-9 need item 9 as well.
  if (left > 0 && items === 9) {
    responses[8] += left;
    left = 0;
  }
  if (left !== 0 || responses.some((value) => value > 3)) throw new Error(`cannot make ${total} from ${items} items`);
  return responses;
}

describe("PHQ-9 severity bands", () => {
  it.each([
    [0, "minimal"],
    [4, "minimal"],
    [5, "mild"],
    [9, "mild"],
    [10, "moderate"],
    [14, "moderate"],
    [15, "moderately severe"],
    [19, "moderately severe"],
    [20, "severe"],
    [27, "severe"],
  ])("a total of %i is %s", async (total, severity) => {
    const responses = responsesFor(9, total);
    const body = await scored("phq9", responses);
    expect(body).toMatchObject({ instrument: "phq9", score: total, max_score: 27, severity, interpretation: expect.any(String) });
    expect(body.interpretation.length).toBeGreaterThan(10);
    expect(body.flags.at_or_above_cutoff).toBe(total >= 10);
    expect(body.flags.item9_positive).toBe(responses[8] > 0);
  });
});

describe("GAD-7 severity bands", () => {
  it.each([
    [0, "minimal"],
    [4, "minimal"],
    [5, "mild"],
    [9, "mild"],
    [10, "moderate"],
    [14, "moderate"],
    [15, "severe"],
    [21, "severe"],
  ])("a total of %i is %s", async (total, severity) => {
    const body = await scored("gad7", responsesFor(7, total));
    expect(body).toMatchObject({ instrument: "gad7", score: total, max_score: 21, severity, interpretation: expect.any(String) });
    expect(body.flags.at_or_above_cutoff).toBe(total >= 10);
    expect(body.flags.item9_positive).toBeUndefined();
    expect(body.safety).toEqual({ crisis_detected: false, indicators: [], resources: [] });
  });
});

describe("the cut-off flag", () => {
  it.each([
    ["phq9", 9, 9, false],
    ["phq9", 9, 10, true],
    ["gad7", 7, 9, false],
    ["gad7", 7, 10, true],
  ] as const)("%s at %i items totalling %i: at_or_above_cutoff is %s", async (instrument, items, total, expected) => {
    const body = await scored(instrument, responsesFor(items, total));
    expect(body.flags.at_or_above_cutoff).toBe(expected);
  });
});

describe("PHQ-9 item 9 (thoughts of being better off dead or of self-harm)", () => {
  it.each([1, 2, 3])("item 9 = %i sets item9_positive and the safety block, whatever the total", async (item9) => {
    const responses = [0, 0, 0, 0, 0, 0, 0, 0, item9];
    const body = await scored("phq9", responses);
    expect(body.score).toBe(item9);
    expect(body.severity).toBe("minimal");
    expect(body.flags.item9_positive).toBe(true);
    expect(body.safety.crisis_detected).toBe(true);
    expect(body.safety.indicators).toEqual([expect.objectContaining({ category: "suicidal_ideation" })]);
    const names = body.safety.resources.map((resource) => resource.name).join(" | ");
    expect(names).toContain("988");
    expect(names).toMatch(/Crisis Text Line/);
    expect(body.safety.resources.every((resource) => typeof resource.contact === "string" && resource.contact.length > 0)).toBe(true);
  });

  it("item 9 = 0 does not, even with a severe total", async () => {
    const responses = [3, 3, 3, 3, 3, 3, 3, 3, 0];
    const body = await scored("phq9", responses);
    expect(body).toMatchObject({ score: 24, severity: "severe" });
    expect(body.flags).toEqual({ item9_positive: false, at_or_above_cutoff: true });
    expect(body.safety).toEqual({ crisis_detected: false, indicators: [], resources: [] });
  });
});

describe("invalid responses are a 400 naming the item", () => {
  const nine = [1, 1, 1, 1, 1, 1, 1, 1, 1];
  const withItem = (index: number, value: unknown) => nine.map((item, i) => (i === index ? value : item));

  it.each([
    ["a 4 as item 4", withItem(3, 4), 3, "4"],
    ["-1 as item 4", withItem(3, -1), 3, "-1"],
    ["1.5 as item 4", withItem(3, 1.5), 3, "1.5"],
    ['"2" as item 4', withItem(3, "2"), 3, '"2"'],
    ["null as item 9", withItem(8, null), 8, "null"],
    ["a 7 as item 1", withItem(0, 7), 0, "7"],
  ])("PHQ-9 with %s", async (_label, responses, index, shown) => {
    const { res, body } = await score("phq9", { responses });
    expectProblem(res, body, 400, "validation_error");
    const messages = body.errors.filter((error) => error.path === `body.responses.${index}`).map((error) => error.message);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(new RegExp(`\\bitem ${index + 1}\\b`));
    expect(messages[0]).toContain(shown);
    expect(messages[0]).toMatch(/0 to 3/);
    // The detail says it too, for a client that shows only the detail.
    expect(body.detail).toMatch(new RegExp(`\\bitem ${index + 1}\\b`));
    // Only the bad item is reported.
    expect(body.errors).toHaveLength(1);
  });

  it("PHQ-9 with 8 items names the length", async () => {
    const { res, body } = await score("phq9", { responses: nine.slice(0, 8) });
    expectProblem(res, body, 400, "validation_error");
    expect(body.errors).toEqual([{ path: "body.responses", message: expect.stringMatching(/9 item/) }]);
    expect(body.errors[0].message).toMatch(/got 8/);
  });

  it("PHQ-9 with 10 items and GAD-7 with 9 items are rejected", async () => {
    const phq = await score("phq9", { responses: [...nine, 0] });
    expectProblem(phq.res, phq.body, 400, "validation_error");
    expect(phq.body.errors[0]).toMatchObject({ path: "body.responses", message: expect.stringMatching(/got 10/) });
    const gad = await score("gad7", { responses: nine });
    expectProblem(gad.res, gad.body, 400, "validation_error");
    expect(gad.body.errors[0]).toMatchObject({ path: "body.responses", message: expect.stringMatching(/7 item/) });
  });

  it("several bad items are each named", async () => {
    const { res, body } = await score("gad7", { responses: [0, 9, 0, 0, -3, 0, 0] });
    expectProblem(res, body, 400, "validation_error");
    expect(body.errors.map((error) => error.path)).toEqual(["body.responses.1", "body.responses.4"]);
    expect(body.errors[0].message).toMatch(/item 2\b/);
    expect(body.errors[1].message).toMatch(/item 5\b/);
  });

  it("a 1 MB body of 500,000 items is refused with a small answer, not one error per item", async () => {
    const body = JSON.stringify({ responses: new Array(500_000).fill(7) });
    expect(body.length).toBeGreaterThan(999_000);
    const started = Date.now();
    const res = await api.fetch("/api/v1/assessments/phq9", {
      method: "POST",
      headers: { ...auth, "Content-Type": "application/json" },
      body,
    });
    const text = await res.text();
    expectProblem(res, JSON.parse(text), 400, "validation_error");
    expect(JSON.parse(text).errors).toEqual([{ path: "body.responses", message: expect.stringMatching(/at most 50/) }]);
    expect(text.length).toBeLessThan(2_000);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("lists at most 20 errors, and the detail says how many more there were", async () => {
    const { res, body } = await score("phq9", { responses: new Array(50).fill("x") });
    expectProblem(res, body, 400, "validation_error");
    expect(body.errors).toHaveLength(20);
    expect(body.errors[0]).toEqual({ path: "body.responses", message: expect.stringMatching(/got 50/) });
    expect(body.detail).toMatch(/and 31 more$/);
  });

  it("an error answer does not grow with the size of the bad input it names", async () => {
    const huge = "a".repeat(200_000);
    const request = JSON.stringify({ responses: [0, 0, 0, 0, 0, 0, 0, 0, huge] });
    const res = await api.fetch("/api/v1/assessments/phq9", {
      method: "POST",
      headers: { ...auth, "Content-Type": "application/json" },
      body: request,
    });
    const text = await res.text();
    expectProblem(res, JSON.parse(text), 400, "validation_error");
    expect(JSON.parse(text).errors[0].message).toMatch(/^item 9 must be an integer/);
    expect(text.length).toBeLessThan(2_000);
  });

  it.each([
    ["no responses field", {}],
    ["responses not an array", { responses: "0,1,2" }],
    ["an unknown field", { responses: nine, notes: "x" }],
  ])("%s is a 400", async (_label, body) => {
    const answer = await score("phq9", body);
    expectProblem(answer.res, answer.body, 400, "validation_error");
  });

  it("an unknown instrument is a 400", async () => {
    const { res, body } = await score("bdi2", { responses: nine });
    expectProblem(res, body, 400, "validation_error");
    expect(body.errors.map((error) => error.path)).toContain("param.instrument");
    expect(body.detail).toMatch(/phq9/);
  });
});

describe("access and side effects", () => {
  it("needs a token", async () => {
    const { res, body } = await score("phq9", { responses: [0, 0, 0, 0, 0, 0, 0, 0, 0] }, {});
    expectProblem(res, body, 401, "unauthorized");
  });

  it("any signed-in user may score (students included)", async () => {
    const { res } = await score("gad7", { responses: [1, 1, 1, 1, 1, 1, 1] });
    expect(res.status).toBe(200);
  });

  it.each([
    ["a bad item", "phq9", { responses: [0, 0, 0, 4, 0, 0, 0, 0, 0] }],
    ["a wrong length", "phq9", { responses: [0, 0, 0] }],
    ["an unknown instrument", "bdi2", { responses: [0] }],
  ])("a request rejected for %s costs only the account check and writes nothing", async (_label, instrument, body) => {
    const before = await databaseRequests(api.database);
    const answer = await score(instrument, body);
    expect(answer.res.status).toBe(400);
    // One round trip: the auth guard's user lookup. No audit, no insert.
    expect((await databaseRequests(api.database)) - before).toBe(1);
  });

  it("a rejected request without a token does not reach the database at all", async () => {
    const before = await databaseRequests(api.database);
    expect((await score("phq9", { responses: [9] }, {})).res.status).toBe(401);
    expect(await databaseRequests(api.database)).toBe(before);
  });
});
