/**
 * The instruments of docs/api.md §6: the list a client renders forms from, each instrument's
 * published totals, bands and cut-offs on a known response set, the rules that are not a plain sum
 * (reverse-scored items, ASRS shaded items, MDQ's three parts, the C-SSRS branching and risk
 * levels, PCL-5 clusters), the self-harm items that fill the safety block, PHQ-9 and GAD-7 at every
 * band boundary as before, and validation that names each bad item with the answers it takes,
 * without touching the database beyond the caller's account check.
 */
import { describe, expect, it } from "vitest";
import { INSTRUMENT_IDS, type Instrument } from "../src/assessments/instrument-registry";
import { LOINC } from "../src/assessments/loinc";
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
async function scored(instrument: Instrument, responses: Array<number | null>) {
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
    // No country on the account, none from the edge: the international directories, never a US number.
    expect(names).toContain("Find A Helpline");
    expect(names).toMatch(/Local emergency services/);
    expect(names).not.toContain("988");
    expect(body.safety.resources.every((resource) => typeof resource.contact === "string" && resource.contact.length > 0)).toBe(true);
  });

  it("item 9 = 0 does not, even with a severe total", async () => {
    const responses = [3, 3, 3, 3, 3, 3, 3, 3, 0];
    const body = await scored("phq9", responses);
    expect(body).toMatchObject({ score: 24, severity: "severe" });
    expect(body.flags).toEqual({ item9_positive: false, at_or_above_cutoff: true, screen_positive: true });
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
    // One round trip: the auth guard's user lookup. No audit, no insert (a scored questionnaire is audited; a refused one is not).
    expect((await databaseRequests(api.database)) - before).toBe(1);
  });

  it("a rejected request without a token does not reach the database at all", async () => {
    const before = await databaseRequests(api.database);
    expect((await score("phq9", { responses: [9] }, {})).res.status).toBe(401);
    expect(await databaseRequests(api.database)).toBe(before);
  });
});

/** GET /api/v1/assessments, as a client that renders the forms reads it. */
async function catalogue() {
  return (await expectJson(await api.client.api.v1.assessments.$get({}, { headers: auth }), 200)).instruments;
}

describe("the instrument list (GET /api/v1/assessments)", () => {
  it("lists all 14 instruments, each with numbered items, printed answers, bands, cut-off, licence and source", async () => {
    const instruments = await catalogue();
    expect(instruments.map((instrument) => instrument.id)).toEqual([...INSTRUMENT_IDS]);
    expect(instruments).toHaveLength(14);
    const itemCounts = Object.fromEntries(instruments.map((instrument) => [instrument.id, instrument.items.length]));
    expect(itemCounts).toEqual({
      phq9: 9,
      phq2: 2,
      epds: 10,
      gad7: 7,
      gad2: 2,
      pcl5: 20,
      audit: 10,
      auditc: 3,
      dast10: 10,
      asrs: 6,
      mdq: 15,
      cssrs: 7,
      who5: 5,
      k10: 10,
    });
    for (const instrument of instruments) {
      expect(instrument.name.length, instrument.id).toBeGreaterThan(2);
      expect(instrument.full_name.length, instrument.id).toBeGreaterThan(instrument.name.length);
      expect(instrument.items.map((item) => item.number)).toEqual(instrument.items.map((_, index) => index + 1));
      for (const item of instrument.items) {
        expect(item.text.length, `${instrument.id} ${item.number}`).toBeGreaterThan(5);
        expect(item.options.length, `${instrument.id} ${item.number}`).toBeGreaterThanOrEqual(2);
        expect(new Set(item.options.map((option) => option.value)).size).toBe(item.options.length);
      }
      expect(instrument.licence.length, instrument.id).toBeGreaterThan(30);
      expect(instrument.source, instrument.id).toMatch(/\b(19|20)\d\d\b/);
      expect(instrument.cutoff.source, instrument.id).toMatch(/\b(19|20)\d\d\b/);
      expect(instrument.last_reviewed).toBe("2026-12");
      expect(instrument.loinc.note.length).toBeGreaterThan(10);
    }
  });

  it("bands cover every possible total exactly once, for every instrument read off its total", async () => {
    for (const instrument of await catalogue()) {
      // The MDQ's bands follow its three-part rule, not the total alone.
      if (instrument.id === "mdq") continue;
      const covering = (total: number) => instrument.bands.filter((band) => band.min <= total && total <= band.max).length;
      for (let total = instrument.min_score; total <= instrument.max_score; total++)
        expect(covering(total), `${instrument.id} ${total}`).toBe(1);
    }
  });

  it("every LOINC code given is well formed with LOINC's mod-10 check digit; unconfirmed ones are null", async () => {
    const checkDigit = (digits: string) => {
      const sum = [...digits].reverse().reduce((total, digit, index) => {
        const doubled = Number(digit) * (index % 2 === 0 ? 2 : 1);
        return total + Math.floor(doubled / 10) + (doubled % 10);
      }, 0);
      return (10 - (sum % 10)) % 10;
    };
    const codes = (await catalogue())
      .flatMap((instrument) => [instrument.loinc.panel, instrument.loinc.total])
      .filter((code) => code !== null);
    expect(codes.length).toBeGreaterThanOrEqual(15);
    for (const code of codes) {
      const [number, digit] = code.split("-");
      expect(code).toMatch(/^\d{4,6}-\d$/);
      expect(Number(digit), code).toBe(checkDigit(number));
    }
    const byId = Object.fromEntries((await catalogue()).map((instrument) => [instrument.id, instrument.loinc]));
    expect(byId.phq9).toMatchObject({ panel: "44249-1", total: "44261-6" });
    expect(byId.gad7).toMatchObject({ panel: "69737-5", total: "70274-6" });
    expect(byId.who5).toMatchObject({ panel: null, total: null });
    expect(byId).toEqual(Object.fromEntries(Object.entries(LOINC).map(([id, loinc]) => [id, { ...loinc }])));
  });

  it("marks the self-harm items, the C-SSRS branching and the ASRS shaded zones", async () => {
    const byId = Object.fromEntries((await catalogue()).map((instrument) => [instrument.id, instrument]));
    const safetyItems = (id: string) => byId[id].items.filter((item) => item.safety).map((item) => item.number);
    expect(safetyItems("phq9")).toEqual([9]);
    expect(safetyItems("epds")).toEqual([10]);
    expect(safetyItems("cssrs")).toEqual([1, 2, 3, 4, 5, 6]);
    for (const id of ["phq2", "gad7", "pcl5", "audit", "dast10", "k10", "who5", "mdq", "asrs"]) expect(safetyItems(id), id).toEqual([]);
    expect(byId.cssrs.items.map((item) => item.asked_if)).toEqual([
      null,
      null,
      { item: 2, value: 1 },
      { item: 2, value: 1 },
      { item: 2, value: 1 },
      null,
      { item: 6, value: 1 },
    ]);
    expect(byId.asrs.items.map((item) => item.positive_from)).toEqual([2, 2, 2, 3, 3, 3]);
  });

  it("needs a token, and is in the OpenAPI document", async () => {
    const { res, body } = await api.get("/api/v1/assessments");
    expectProblem(res, body, 401, "unauthorized");
    const doc = (await api.get("/openapi.json")).body as { paths: Record<string, Record<string, { security?: unknown[] }>> };
    expect(doc.paths["/api/v1/assessments"].get.security?.length).toBeGreaterThan(0);
    expect(doc.paths["/api/v1/assessments/{instrument}"].post).toBeDefined();
  });
});

describe("every instrument scores a known response set to its published total and band", () => {
  it.each([
    ["phq2", [2, 1], 3, 6, "positive screen", true],
    ["phq2", [1, 1], 2, 6, "negative screen", false],
    ["gad2", [1, 1], 2, 6, "negative screen", false],
    ["gad2", [3, 2], 5, 6, "positive screen", true],
    ["epds", [1, 1, 2, 1, 2, 1, 1, 2, 1, 0], 12, 30, "possible depression", true],
    ["epds", [0, 0, 1, 1, 0, 1, 0, 1, 0, 0], 4, 30, "below the screening cut-off", false],
    ["epds", [2, 2, 2, 2, 2, 2, 1, 0, 0, 0], 13, 30, "probable depression", true],
    ["pcl5", [2, 2, 1, 2, 2, 2, 1, 1, 2, 2, 2, 1, 2, 2, 2, 0, 2, 2, 2, 2], 34, 80, "probable PTSD", true],
    ["pcl5", [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1], 31, 80, "borderline", false],
    ["pcl5", new Array(20).fill(1), 20, 80, "below the cut-off", false],
    ["audit", [1, 1, 1, 1, 1, 1, 1, 0, 0, 0], 7, 40, "low risk (zone I)", false],
    ["audit", [2, 1, 1, 1, 0, 0, 1, 0, 0, 2], 8, 40, "hazardous (zone II)", true],
    ["audit", [3, 2, 2, 2, 1, 1, 1, 1, 2, 2], 17, 40, "harmful (zone III)", true],
    ["audit", [4, 3, 3, 2, 2, 1, 2, 1, 2, 4], 24, 40, "possible dependence (zone IV)", true],
    ["auditc", [1, 1, 0], 2, 12, "negative screen", false],
    ["auditc", [2, 1, 0], 3, 12, "positive for women", true],
    ["auditc", [3, 2, 1], 6, 12, "positive screen", true],
    ["auditc", [4, 3, 2], 9, 12, "positive screen, high", true],
    ["dast10", [0, 0, 1, 0, 0, 0, 0, 0, 0, 0], 0, 10, "no problems reported", false],
    ["dast10", [1, 0, 1, 0, 1, 0, 0, 0, 0, 0], 2, 10, "low level", false],
    ["dast10", [1, 1, 0, 0, 1, 1, 0, 0, 0, 0], 5, 10, "moderate level", true],
    ["dast10", [1, 1, 0, 1, 1, 1, 1, 1, 0, 0], 8, 10, "substantial level", true],
    ["asrs", [2, 1, 3, 3, 2, 4], 4, 6, "consistent with adult ADHD", true],
    ["asrs", [1, 1, 1, 2, 2, 2], 0, 6, "below the screening threshold", false],
    ["who5", [3, 2, 2, 3, 2], 12, 25, "poor wellbeing", true],
    ["who5", [1, 1, 2, 1, 1], 6, 25, "very poor wellbeing", true],
    ["who5", [4, 4, 3, 3, 4], 18, 25, "adequate wellbeing", false],
    ["k10", new Array(10).fill(1), 10, 50, "low", false],
    ["k10", [2, 3, 1, 2, 2, 1, 3, 2, 2, 1], 19, 50, "moderate", false],
    ["k10", [3, 3, 2, 2, 3, 2, 3, 3, 2, 2], 25, 50, "high", true],
    ["k10", new Array(10).fill(5), 50, 50, "very high", true],
  ] as const)("%s %j scores %i of %i: %s", async (instrument, responses, score, max, severity, positive) => {
    const body = await scored(instrument, [...responses]);
    expect(body).toMatchObject({ instrument, score, max_score: max, severity });
    expect(body.interpretation.length).toBeGreaterThan(20);
    expect(body.flags.screen_positive).toBe(positive);
    expect(body.flags.at_or_above_cutoff).toBe(positive);
    expect(body.item_scores).toHaveLength(responses.length);
    expect(body.cutoff.rule.length).toBeGreaterThan(10);
    expect(body.safety).toEqual({ crisis_detected: false, indicators: [], resources: [] });
  });

  it("the lowest- and highest-scoring answers give each instrument's lowest and highest totals", async () => {
    const answerScoring = (options: Array<{ value: number; score: number }>, pick: (a: number, b: number) => boolean) =>
      options.reduce((best, option) => (pick(option.score, best.score) ? option : best)).value;
    for (const instrument of await catalogue()) {
      const lowest = instrument.items.map((item) => answerScoring(item.options, (a, b) => a < b));
      const highest = instrument.items.map((item) => answerScoring(item.options, (a, b) => a > b));
      expect((await scored(instrument.id, lowest)).score, instrument.id).toBe(instrument.min_score);
      expect((await scored(instrument.id, highest)).score, instrument.id).toBe(instrument.max_score);
    }
  });

  it("PCL-5 reports its DSM-5 cluster subtotals and the provisional-diagnosis rule", async () => {
    const body = await scored("pcl5", [2, 2, 1, 2, 2, 2, 1, 1, 2, 2, 2, 1, 2, 2, 2, 0, 2, 2, 2, 2]);
    expect(body.subscales.map(({ id, score, max_score }) => [id, score, max_score])).toEqual([
      ["B", 9, 20],
      ["C", 3, 8],
      ["D", 12, 28],
      ["E", 10, 24],
    ]);
    expect(body.criteria.map(({ id, met }) => [id, met])).toEqual([
      ["cluster_B", true],
      ["cluster_C", true],
      ["cluster_D", true],
      ["cluster_E", true],
      ["dsm5_rule", true],
    ]);
    // A high total with no avoidance item at 2 or more does not meet the symptom rule.
    const noAvoidance = await scored("pcl5", [4, 4, 4, 4, 4, 1, 1, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4]);
    expect(noAvoidance).toMatchObject({ score: 74, severity: "probable PTSD" });
    expect(noAvoidance.criteria.find((c) => c.id === "cluster_C")?.met).toBe(false);
    expect(noAvoidance.criteria.find((c) => c.id === "dsm5_rule")?.met).toBe(false);
  });

  it("AUDIT items 9 and 10 score 0, 2 or 4, and the domains add up", async () => {
    const body = await scored("audit", [0, 0, 0, 0, 0, 0, 0, 0, 2, 4]);
    expect(body).toMatchObject({ score: 6, severity: "low risk (zone I)" });
    expect(body.item_scores.slice(8)).toEqual([2, 4]);
    expect(body.subscales.map(({ id, score }) => [id, score])).toEqual([
      ["consumption", 0],
      ["dependence", 0],
      ["harm", 6],
    ]);
  });

  it("AUDIT-C says which sex's cut-off a score of 3 meets", async () => {
    const body = await scored("auditc", [1, 1, 1]);
    expect(body.criteria).toEqual([
      { id: "men", description: expect.stringMatching(/4 or more/), met: false },
      { id: "women", description: expect.stringMatching(/3 or more/), met: true },
    ]);
  });

  it("ASRS Part A counts the items in their shaded zones (1–3 from Sometimes, 4–6 from Often)", async () => {
    // Every item at Sometimes: only items 1–3 are shaded.
    const body = await scored("asrs", [2, 2, 2, 2, 2, 2]);
    expect(body).toMatchObject({ score: 3, severity: "below the screening threshold", flags: { screen_positive: false } });
    expect(body.criteria.map((c) => c.met)).toEqual([true, true, true, false, false, false]);
    expect(body.subscales).toEqual([expect.objectContaining({ id: "frequency", score: 12, max_score: 24 })]);
  });

  it("MDQ is positive only when all three parts are met", async () => {
    const eightYes = [1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0];
    const positive = await scored("mdq", [...eightYes, 1, 3]);
    expect(positive).toMatchObject({ score: 8, max_score: 13, severity: "positive screen", flags: { screen_positive: true } });
    const minorProblem = await scored("mdq", [...eightYes, 1, 1]);
    expect(minorProblem).toMatchObject({ score: 8, severity: "negative screen", flags: { screen_positive: false } });
    expect(minorProblem.criteria.map(({ id, met }) => [id, met])).toEqual([
      ["part1", true],
      ["part2", true],
      ["part3", false],
    ]);
    const notTogether = await scored("mdq", [...eightYes, 0, 3]);
    expect(notTogether.flags.screen_positive).toBe(false);
    const sixYes = await scored("mdq", [1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 3]);
    expect(sixYes).toMatchObject({ score: 6, severity: "negative screen" });
  });

  it("WHO-5 reports the percentage score, and its cut-off points down", async () => {
    const poor = await scored("who5", [3, 2, 2, 3, 2]);
    expect(poor).toMatchObject({ score: 12, percentage: 48, cutoff: { score: 12, direction: "at_or_below" } });
    const adequate = await scored("who5", [3, 3, 2, 3, 2]);
    expect(adequate).toMatchObject({ score: 13, percentage: 52, severity: "adequate wellbeing", flags: { screen_positive: false } });
  });
});

describe("reverse-scored items", () => {
  it("EPDS: the first printed answer of items 3 and 5–10 is worth 3, as the list gives it", async () => {
    const epds = (await catalogue()).find((instrument) => instrument.id === "epds")!;
    expect(epds.items[2].options.map(({ label, value }) => [label, value])).toEqual([
      ["Yes, most of the time", 3],
      ["Yes, some of the time", 2],
      ["Not very often", 1],
      ["No, never", 0],
    ]);
    expect(epds.items[0].options[0]).toEqual({ value: 0, label: "As much as I always could", score: 0 });
    // Every first printed answer: 0 on items 1, 2 and 4, 3 on the seven reverse-scored items.
    const firstAnswers = epds.items.map((item) => item.options[0].value);
    const body = await scored("epds", firstAnswers);
    expect(body.item_scores).toEqual([0, 0, 3, 0, 3, 3, 3, 3, 3, 3]);
    expect(body).toMatchObject({ score: 21, severity: "probable depression" });
    // Every last printed answer: the mirror image.
    const lastAnswers = epds.items.map((item) => item.options[item.options.length - 1].value);
    expect((await scored("epds", lastAnswers)).score).toBe(9);
  });

  it("DAST-10 item 3: 'No' (not always able to stop) scores the point, 'Yes' does not", async () => {
    const allNo = await scored("dast10", new Array(10).fill(0));
    expect(allNo).toMatchObject({ score: 1, severity: "low level" });
    expect(allNo.item_scores).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
    const allYes = await scored("dast10", new Array(10).fill(1));
    expect(allYes).toMatchObject({ score: 9, severity: "severe level" });
    expect(allYes.item_scores[2]).toBe(0);
  });
});

describe("self-harm items fill the safety block, as PHQ-9 item 9 does", () => {
  const expectCrisis = (safety: { crisis_detected: boolean; resources: Array<{ name: string }> }) => {
    expect(safety.crisis_detected).toBe(true);
    expect(safety.resources.map((resource) => resource.name).join(" | ")).toContain("Find A Helpline");
  };

  it.each([1, 2, 3])(
    "EPDS item 10 = %i (any thought of self-harm) sets item10_positive and the safety block, whatever the total",
    async (item10) => {
      const body = await scored("epds", [0, 0, 0, 0, 0, 0, 0, 0, 0, item10]);
      expect(body).toMatchObject({ score: item10, severity: "below the screening cut-off", flags: { item10_positive: true } });
      expectCrisis(body.safety);
      expect(body.safety.indicators).toEqual([
        { category: "self_harm", field: "responses.9", evidence: expect.stringMatching(/^EPDS item 10/), temporal: "recent" },
      ]);
    },
  );

  it("EPDS item 10 'Never' does not, even with a high total", async () => {
    const body = await scored("epds", [3, 3, 3, 3, 3, 3, 3, 3, 3, 0]);
    expect(body).toMatchObject({ score: 27, flags: { item10_positive: false } });
    expect(body.safety).toEqual({ crisis_detected: false, indicators: [], resources: [] });
  });

  it.each([
    ["a wish to be dead only", [1, 0, null, null, null, 0, null], 1, "low risk", [1]],
    ["thoughts with a method", [1, 1, 1, 0, 0, 0, null], 2, "moderate risk", [1, 2, 3]],
    ["thoughts with intent", [1, 1, 1, 1, 0, 0, null], 3, "high risk", [1, 2, 3, 4]],
    ["a plan with intent", [0, 1, 0, 0, 1, 0, null], 3, "high risk", [2, 5]],
    ["behaviour in the past 3 months", [0, 0, null, null, null, 1, 1], 3, "high risk", [6]],
  ] as const)("C-SSRS with %s (%j): risk level %i, %s, every yes an indicator", async (_label, responses, level, severity, items) => {
    const body = await scored("cssrs", [...responses]);
    expect(body).toMatchObject({ score: level, max_score: 3, severity, flags: { screen_positive: true } });
    expectCrisis(body.safety);
    expect(body.safety.indicators.map((indicator) => indicator.field)).toEqual(items.map((item) => `responses.${item - 1}`));
    expect(body.safety.indicators.every((indicator) => indicator.category === "suicidal_ideation" && indicator.temporal === "recent")).toBe(
      true,
    );
  });

  it("C-SSRS behaviour only more than 3 months ago is moderate risk, listed as historical, without crisis resources", async () => {
    const body = await scored("cssrs", [0, 0, null, null, null, 1, 0]);
    expect(body).toMatchObject({ score: 2, severity: "moderate risk" });
    expect(body.safety).toEqual({
      crisis_detected: false,
      indicators: [{ category: "suicidal_ideation", field: "responses.5", evidence: expect.any(String), temporal: "historical" }],
      resources: [],
    });
  });

  it("C-SSRS all no: no risk identified, and the skipped questions come back null", async () => {
    const body = await scored("cssrs", [0, 0, null, null, null, 0, null]);
    expect(body).toMatchObject({ score: 0, severity: "no risk identified", flags: { screen_positive: false } });
    expect(body.item_scores).toEqual([0, 0, null, null, null, 0, null]);
    expect(body.safety).toEqual({ crisis_detected: false, indicators: [], resources: [] });
    // A skipped question may also be sent as 0 (No).
    expect((await scored("cssrs", [0, 0, 0, 0, 0, 0, 0])).item_scores).toEqual([0, 0, null, null, null, 0, null]);
  });

  it.each(["phq2", "gad7", "pcl5", "audit", "dast10", "k10", "who5", "mdq", "asrs"] as const)(
    "%s has no self-harm item: its highest answers leave the safety block empty",
    async (instrument) => {
      const definition = (await catalogue()).find((each) => each.id === instrument)!;
      const body = await scored(
        instrument,
        definition.items.map((item) => Math.max(...item.options.map((option) => option.value))),
      );
      expect(body.safety).toEqual({ crisis_detected: false, indicators: [], resources: [] });
    },
  );
});

describe("invalid responses to the new instruments are a 400 naming the item and its answers", () => {
  it.each([
    [
      "audit",
      [0, 0, 0, 0, 0, 0, 0, 0, 1, 0],
      8,
      "item 9 must be one of 0 (No), 2 (Yes, but not in the last year), 4 (Yes, during the last year); got 1",
    ],
    ["audit", [5, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0, "item 1 must be an integer from 0 to 4; got 5"],
    ["k10", [0, 1, 1, 1, 1, 1, 1, 1, 1, 1], 0, "item 1 must be an integer from 1 to 5; got 0"],
    ["who5", [1, 6, 1, 1, 1], 1, "item 2 must be an integer from 0 to 5; got 6"],
    ["dast10", [0, 0, 0, 2, 0, 0, 0, 0, 0, 0], 3, "item 4 must be one of 0 (No), 1 (Yes); got 2"],
    ["epds", [0, 0, 0, 0, 0, 0, 0, 0, 0, 4], 9, "item 10 must be an integer from 0 to 3; got 4"],
    ["pcl5", [...new Array(19).fill(0), "4"], 19, 'item 20 must be an integer from 0 to 4; got "4"'],
    ["mdq", [...new Array(14).fill(0), 4], 14, "item 15 must be an integer from 0 to 3; got 4"],
    ["cssrs", [1, 1, 1, 1, 1, 1, null], 6, "item 7 must be one of 0 (No), 1 (Yes); got null"],
    ["cssrs", [0, 0, null, 1, null, 0, null], 3, "item 4 is asked only when item 2 is 1 (Yes); got 1: send null"],
    ["cssrs", [0, 0, null, null, null, 0, 1], 6, "item 7 is asked only when item 6 is 1 (Yes); got 1: send null"],
  ] as const)("%s %j", async (instrument, responses, index, message) => {
    const { res, body } = await score(instrument, { responses });
    expectProblem(res, body, 400, "validation_error");
    expect(body.errors).toEqual([{ path: `body.responses.${index}`, message }]);
    expect(body.detail).toContain(message);
  });

  it("a wrong count names the instrument's item count", async () => {
    const { res, body } = await score("pcl5", { responses: new Array(17).fill(0) });
    expectProblem(res, body, 400, "validation_error");
    expect(body.errors).toEqual([{ path: "body.responses", message: "PCL-5 needs exactly 20 item responses; got 17" }]);
  });

  it("an unknown instrument lists the ones there are", async () => {
    const { res, body } = await score("bdi2", { responses: [0] });
    expectProblem(res, body, 400, "validation_error");
    for (const id of INSTRUMENT_IDS) expect(body.detail).toContain(id);
  });
});
