/**
 * The drug-interaction checker (POST /api/v1/interactions/check): answers through the app
 * (resolution by brand, case, misspelling and dosage suffix; unknown names reported, never
 * dropped; validation; auth; no-store; the audit keeping counts, not drug names), and a table
 * test over every pair the data files define (symmetric lookup, severity ordering, names,
 * aliases) plus the loader's refusal of inconsistent data.
 */
import { describe, expect, it } from "vitest";
import drugsFile from "../data/interactions/drugs.json";
import interactionsFile from "../data/interactions/interactions.json";
import { checkInteractions, compareInteractions } from "../src/interactions/check";
import { buildTable, type Interaction, interactionTable, SEVERITIES } from "../src/interactions/interaction-data";
import { normalizeName, resolveName } from "../src/interactions/names";
import { authHeader, errorsAt, expectProblem, registerAndLogin, runSql } from "./support/accounts";
import { createTestApi } from "./support/api";
import { expectJson } from "./support/client";

const api = await createTestApi();
const student = await registerAndLogin(api);
const auth = authHeader(student.tokens.access_token);

/** Any medications value, valid or not; the raw answer. */
function check(medications: unknown, headers: Record<string, string> = auth) {
  return api.json("/api/v1/interactions/check", { medications }, { headers });
}

async function checkedOk(medications: string[]) {
  const res = await api.client.api.v1.interactions.check.$post({ json: { medications } }, { headers: auth });
  return { res, body: await expectJson(res, 200) };
}

async function auditedChecks(): Promise<Array<{ requestId: string; detail: unknown; userId: string }>> {
  const rows = await runSql(api, "select request_id, detail, user_id from audit_events where action = 'interactions.check'");
  return rows.map(([requestId, detail, userId]) => ({
    requestId: requestId as string,
    detail: typeof detail === "string" ? JSON.parse(detail) : detail,
    userId: userId as string,
  }));
}

const pairs = [...interactionTable.pairs.values()];
const generics = interactionTable.drugs.map((drug) => drug.generic);

describe("POST /api/v1/interactions/check", () => {
  it("sertraline with Nardil (phenelzine) is contraindicated, with effect, mechanism, management and reference", async () => {
    const { res, body } = await checkedOk(["sertraline", "Nardil"]);
    expect(res.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(body.medications).toEqual([
      { input: "sertraline", generic: "sertraline", recognised: true },
      { input: "Nardil", generic: "phenelzine", recognised: true },
    ]);
    expect(body.interactions).toHaveLength(1);
    expect(body.interactions[0]).toMatchObject({ drugs: ["phenelzine", "sertraline"], severity: "contraindicated" });
    expect(body.interactions[0].effect).toMatch(/serotonin syndrome/i);
    for (const field of ["effect", "mechanism", "management", "reference"] as const)
      expect(body.interactions[0][field].length).toBeGreaterThan(10);
  });

  it("lithium with ibuprofen is major", async () => {
    const { body } = await checkedOk(["lithium", "ibuprofen"]);
    expect(body.interactions).toMatchObject([{ drugs: ["ibuprofen", "lithium"], severity: "major" }]);
    expect(body.interactions[0].effect).toMatch(/lithium/i);
  });

  it("sends Cache-Control: no-store", async () => {
    const { res } = await checkedOk(["lithium", "ibuprofen"]);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
  });

  it("resolves brand names, any case, common misspellings and dosage suffixes to the generic", async () => {
    const inputs = ["ZOLOFT", "buproprion", "Lamictal XR 100 mg", "depakote", "Effexor-XR 75mg", "trazadone", "Sertraline HCl"];
    const { body } = await checkedOk(inputs);
    expect(body.medications.map((m) => [m.input, m.generic, m.recognised])).toEqual([
      ["ZOLOFT", "sertraline", true],
      ["buproprion", "bupropion", true],
      ["Lamictal XR 100 mg", "lamotrigine", true],
      ["depakote", "valproate", true],
      ["Effexor-XR 75mg", "venlafaxine", true],
      ["trazadone", "trazodone", true],
      ["Sertraline HCl", "sertraline", true],
    ]);
    const found = body.interactions.map((i) => i.drugs.join("+"));
    expect(found).toContain("lamotrigine+valproate");
    expect(found).toContain("sertraline+venlafaxine");
  });

  it("keeps look-alike names apart: Celexa is citalopram, Celebrex is celecoxib", async () => {
    const { body } = await checkedOk(["Celexa", "Celebrex"]);
    expect(body.medications.map((m) => m.generic)).toEqual(["citalopram", "celecoxib"]);
    expect(body.interactions).toMatchObject([{ drugs: ["celecoxib", "citalopram"], severity: "moderate" }]);
  });

  it("reports an unknown name as not recognised, in its place, and still checks the others", async () => {
    const { body } = await checkedOk(["sertraline", "Tylenol 500", "notadrug", "Nardil"]);
    expect(body.medications).toEqual([
      { input: "sertraline", generic: "sertraline", recognised: true },
      { input: "Tylenol 500", generic: null, recognised: false },
      { input: "notadrug", generic: null, recognised: false },
      { input: "Nardil", generic: "phenelzine", recognised: true },
    ]);
    expect(body.interactions).toMatchObject([{ drugs: ["phenelzine", "sertraline"], severity: "contraindicated" }]);
  });

  it("two unknown names give an answer with no interactions, not an error", async () => {
    const { body } = await checkedOk(["foo", "bar"]);
    expect(body).toEqual({
      medications: [
        { input: "foo", generic: null, recognised: false },
        { input: "bar", generic: null, recognised: false },
      ],
      interactions: [],
    });
  });

  it("lists a repeated name once and reports each interaction once, even when two names are the same drug", async () => {
    const { body } = await checkedOk(["Sertraline", " sertraline ", "SERTRALINE", "Zoloft", "Nardil", "phenelzine"]);
    expect(body.medications).toEqual([
      { input: "Sertraline", generic: "sertraline", recognised: true },
      { input: "Zoloft", generic: "sertraline", recognised: true },
      { input: "Nardil", generic: "phenelzine", recognised: true },
      { input: "phenelzine", generic: "phenelzine", recognised: true },
    ]);
    expect(body.interactions).toHaveLength(1);
  });

  it("orders twenty medications' interactions by severity, then by drug names", async () => {
    const twenty = [
      "phenelzine",
      "sertraline",
      "tramadol",
      "lithium",
      "ibuprofen",
      "lisinopril",
      "hydrochlorothiazide",
      "citalopram",
      "methadone",
      "alprazolam",
      "gabapentin",
      "valproate",
      "lamotrigine",
      "carbamazepine",
      "quetiapine",
      "clozapine",
      "fluvoxamine",
      "bupropion",
      "lorazepam",
      "omeprazole",
    ];
    const { body } = await checkedOk(twenty);
    const severities = new Set(body.interactions.map((i) => i.severity));
    expect([...severities].sort()).toEqual([...SEVERITIES].sort());
    // The answer's pair is an array; the app's comparator takes the table's two-name tuple.
    const asTableEntry = (i: (typeof body.interactions)[number]): Interaction => ({ ...i, drugs: [i.drugs[0], i.drugs[1]] });
    expect(body.interactions).toEqual([...body.interactions].sort((a, b) => compareInteractions(asTableEntry(a), asTableEntry(b))));
    const ranks = body.interactions.map((i) => SEVERITIES.indexOf(i.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it("audits the check with counts only, never the drug names", async () => {
    const { res } = await checkedOk(["sertraline", "Nardil", "notadrug"]);
    const event = (await auditedChecks()).find((row) => row.requestId === res.headers.get("X-Request-Id"));
    expect(event).toMatchObject({ userId: student.user.id, detail: { medications: 3, unrecognised: 1, interactions: 1 } });
    expect(JSON.stringify(event)).not.toMatch(/sertraline|nardil|phenelzine|notadrug/i);
  });

  describe("bad input: a 400 problem, nothing audited", () => {
    it.each([
      ["one name", ["sertraline"], "body.medications"],
      ["21 names", Array.from({ length: 21 }, (_, i) => generics[i]), "body.medications"],
      ["no names", [], "body.medications"],
      ["an empty name", ["sertraline", "  "], "body.medications.1"],
      ["a name over 100 characters", ["sertraline", "x".repeat(101)], "body.medications.1"],
      ["a name that is not a string", ["sertraline", 5], "body.medications.1"],
      ["not a list", "sertraline, Nardil", "body.medications"],
    ])("%s", async (_label, medications, path) => {
      const before = (await auditedChecks()).length;
      const { res, body } = await check(medications);
      expectProblem(res, body, 400, "validation_error");
      expect(errorsAt(body, path).length, JSON.stringify(body.errors)).toBeGreaterThan(0);
      expect((await auditedChecks()).length).toBe(before);
    });

    it("an unknown field", async () => {
      const { res, body } = await api.json(
        "/api/v1/interactions/check",
        { medications: ["lithium", "ibuprofen"], patient: "x" },
        { headers: auth },
      );
      expectProblem(res, body, 400, "validation_error");
      expect(errorsAt(body, "body.patient").length).toBe(1);
    });
  });

  it("not signed in → 401", async () => {
    const before = (await auditedChecks()).length;
    const { res, body } = await check(["sertraline", "Nardil"], {});
    expectProblem(res, body, 401, "unauthorized");
    expect(res.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
    expect((await auditedChecks()).length).toBe(before);
  });
});

describe("the interaction table: every pair in the data files", () => {
  it("has at least 40 drugs and 60 authored interactions", () => {
    expect(drugsFile.drugs.length).toBeGreaterThanOrEqual(40);
    expect(interactionsFile.interactions.length).toBeGreaterThanOrEqual(60);
    expect(interactionTable.pairs.size).toBeGreaterThanOrEqual(interactionsFile.interactions.length);
  });

  it("looks up every pair the same way in both orders, and only that interaction", () => {
    for (const interaction of pairs) {
      const [a, b] = interaction.drugs;
      const forward = checkInteractions([a, b]);
      const backward = checkInteractions([b, a]);
      expect(forward.interactions, `${a} + ${b}`).toEqual([interaction]);
      expect(backward.interactions, `${b} + ${a}`).toEqual(forward.interactions);
    }
  });

  it("gives every pair that no entry names no interaction", () => {
    let silent = 0;
    for (let i = 0; i < generics.length; i++) {
      for (let j = i + 1; j < generics.length; j++) {
        const known = interactionTable.pairs.has([generics[i], generics[j]].sort().join("|"));
        const found = checkInteractions([generics[i], generics[j]]).interactions;
        expect(found.length, `${generics[i]} + ${generics[j]}`).toBe(known ? 1 : 0);
        if (!known) silent++;
      }
    }
    expect(silent).toBeGreaterThan(0);
  });

  it("covers every pair an authored entry names, with that entry's facts unless a more specific entry names the pair", () => {
    const members = (side: string | { group: string }) =>
      typeof side === "string" ? [side] : drugsFile.drugs.filter((drug) => drug.groups.includes(side.group)).map((drug) => drug.generic);
    const concreteness = (entry: (typeof interactionsFile.interactions)[number]) =>
      entry.drugs.filter((side) => typeof side === "string").length;
    for (const entry of interactionsFile.interactions) {
      const [left, right] = entry.drugs.map(members);
      for (const a of left) {
        for (const b of right) {
          if (a === b) continue;
          const [found] = checkInteractions([a, b]).interactions;
          expect(found, `${a} + ${b}`).toBeDefined();
          const moreSpecific = interactionsFile.interactions.some((other) => {
            if (concreteness(other) <= concreteness(entry)) return false;
            const [x, y] = other.drugs.map(members);
            return (x.includes(a) && y.includes(b)) || (x.includes(b) && y.includes(a));
          });
          if (!moreSpecific)
            expect(found, `${a} + ${b}`).toMatchObject({
              severity: entry.severity,
              effect: entry.effect,
              management: entry.management,
              reference: entry.reference,
            });
        }
      }
    }
  });

  it("orders any list of the drugs by severity, then by names, with each pair once", () => {
    // Windows of 20 over the drugs in two orders: every interaction lands in several lists.
    for (const order of [generics, [...generics].reverse()]) {
      for (let start = 0; start + 20 <= order.length; start += 5) {
        const { interactions } = checkInteractions(order.slice(start, start + 20));
        const ranks = interactions.map((interaction) => SEVERITIES.indexOf(interaction.severity));
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
        expect(interactions).toEqual([...interactions].sort(compareInteractions));
        const keys = interactions.map((interaction) => interaction.drugs.join("|"));
        expect(new Set(keys).size).toBe(keys.length);
      }
    }
  });

  it("names only drugs in drugs.json and groups with members; every interaction has all its facts", () => {
    const known = new Set(generics);
    for (const entry of interactionsFile.interactions) {
      for (const side of entry.drugs) {
        if (typeof side === "string") expect(known.has(side), side).toBe(true);
        else
          expect(
            drugsFile.drugs.some((drug) => drug.groups.includes(side.group)),
            side.group,
          ).toBe(true);
      }
      expect(SEVERITIES).toContain(entry.severity);
      // References name a label section or a guideline; no links that nobody checked.
      expect(entry.reference).not.toMatch(/https?:|www\./i);
    }
    for (const interaction of pairs) {
      expect(known.has(interaction.drugs[0]) && known.has(interaction.drugs[1])).toBe(true);
      expect(interaction.drugs[0] < interaction.drugs[1]).toBe(true);
    }
  });

  it("resolves every generic, brand and alias to exactly one generic (no name shared by two drugs)", () => {
    const owners = new Map<string, Set<string>>();
    for (const drug of drugsFile.drugs) {
      for (const name of [drug.generic, ...drug.brands, ...drug.aliases]) {
        const key = normalizeName(name);
        owners.set(key, (owners.get(key) ?? new Set()).add(drug.generic));
        expect(resolveName(name, interactionTable.names), name).toBe(drug.generic);
        expect(resolveName(name.toUpperCase(), interactionTable.names), name.toUpperCase()).toBe(drug.generic);
        expect(resolveName(`${name} 10 mg`, interactionTable.names), `${name} 10 mg`).toBe(drug.generic);
      }
    }
    const shared = [...owners].filter(([, drugs]) => drugs.size > 1).map(([name]) => name);
    expect(shared).toEqual([]);
  });

  it("covers every family the checker promises", () => {
    const severityOf = (a: string, b: string) => checkInteractions([a, b]).interactions[0]?.severity;
    expect(severityOf("sertraline", "phenelzine")).toBe("contraindicated");
    expect(severityOf("linezolid", "escitalopram")).toBe("contraindicated");
    expect(severityOf("lithium", "ibuprofen")).toBe("major");
    expect(severityOf("lithium", "lisinopril")).toBe("major");
    expect(severityOf("lithium", "hydrochlorothiazide")).toBe("major");
    expect(severityOf("citalopram", "methadone")).toBe("major");
    expect(severityOf("ziprasidone", "moxifloxacin")).toBe("contraindicated");
    expect(severityOf("fluvoxamine", "clozapine")).toBe("major");
    expect(severityOf("paroxetine", "tamoxifen")).toBe("major");
    expect(severityOf("carbamazepine", "quetiapine")).toBe("major");
    expect(severityOf("carbamazepine", "lurasidone")).toBe("contraindicated");
    expect(severityOf("valproate", "lamotrigine")).toBe("major");
    expect(severityOf("alprazolam", "oxycodone")).toBe("major");
    expect(severityOf("pregabalin", "hydrocodone")).toBe("major");
    expect(severityOf("bupropion", "tramadol")).toBe("major");
    expect(severityOf("bupropion", "clozapine")).toBe("major");
  });
});

describe("the loader refuses inconsistent data", () => {
  const drug = (generic: string, extra: Partial<(typeof drugsFile.drugs)[number]> = {}) => ({
    generic,
    class: "test",
    groups: [] as string[],
    brands: [] as string[],
    aliases: [] as string[],
    ...extra,
  });
  const entry = (drugs: unknown[], severity = "major") => ({
    drugs,
    severity,
    effect: "e",
    mechanism: "m",
    management: "g",
    reference: "r",
  });

  it("accepts a consistent file and lets a drug pair override its group's entry", () => {
    const table = buildTable(
      { drugs: [drug("a", { groups: ["G"] }), drug("b", { groups: ["G"] }), drug("c")] },
      { interactions: [entry([{ group: "G" }, "c"], "moderate"), entry(["c", "a"], "contraindicated")] },
    );
    expect(checkInteractions(["a", "b", "c"], table).interactions.map((i) => [i.drugs.join("+"), i.severity])).toEqual([
      ["a+c", "contraindicated"],
      ["b+c", "moderate"],
    ]);
  });

  it.each([
    [
      "an alias shared by two drugs",
      { drugs: [drug("a", { aliases: ["same"] }), drug("b", { brands: ["Same"] })] },
      { interactions: [entry(["a", "b"])] },
      /belongs to both/,
    ],
    ["a drug missing from drugs.json", { drugs: [drug("a")] }, { interactions: [entry(["a", "zzz"])] }, /not a generic name/],
    ["a group without members", { drugs: [drug("a")] }, { interactions: [entry(["a", { group: "nobody" }])] }, /no drug belongs/],
    [
      "two entries of equal specificity for one pair",
      { drugs: [drug("a"), drug("b")] },
      { interactions: [entry(["a", "b"]), entry(["b", "a"])] },
      /equal specificity/,
    ],
    ["an unknown severity", { drugs: [drug("a"), drug("b")] }, { interactions: [entry(["a", "b"], "severe")] }, /severity/],
    [
      "a missing reference",
      { drugs: [drug("a"), drug("b")] },
      { interactions: [{ drugs: ["a", "b"], severity: "major", effect: "e", mechanism: "m", management: "g" }] },
      /reference/,
    ],
    ["a generic listed twice", { drugs: [drug("a"), drug("a")] }, { interactions: [entry(["a", "a"])] }, /listed twice/],
  ])("%s", (_label, drugs, interactions, message) => {
    expect(() => buildTable(drugs, interactions)).toThrow(message);
  });
});
