/**
 * The drug-interaction checker (POST /api/v1/interactions/check and the console's /app/interactions):
 * answers through the app (resolution by brand, case, misspelling and dosage suffix; unknown names
 * reported as "not checked", never dropped and never read as "no interactions"; validation; auth;
 * no-store; the audit keeping counts, not drug names), the classic pairs a prescriber expects,
 * a table test over every pair the data files define (symmetric lookup, severity ordering,
 * names, aliases, class rules combined where they meet) and the loader's refusal of inconsistent data.
 */
import { describe, expect, it } from "vitest";
import drugsFile from "../data/interactions/drugs.json";
import interactionsFile from "../data/interactions/interactions.json";
import { checkInteractions, compareInteractions, summarise } from "../src/interactions/check";
import { buildTable, type Interaction, interactionTable, SEVERITIES, type Severity } from "../src/interactions/interaction-table";
import { normalizeName, resolveName } from "../src/interactions/names";
import { authHeader, errorsAt, expectProblem, registerAndLogin, runSql } from "./support/accounts";
import { createTestApi } from "./support/api";
import { expectJson } from "./support/client";
import { consoleVisitor, visibleText } from "./support/console";

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

const pairs = [...interactionTable().pairs.values()];
const generics = interactionTable().drugs.map((drug) => drug.generic);

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

  it("reports an unknown name as not checked, in its place, and still checks the others", async () => {
    const { body } = await checkedOk(["sertraline", "Tylenol PM", "notadrug", "Nardil"]);
    expect(body.medications).toEqual([
      { input: "sertraline", generic: "sertraline", recognised: true },
      { input: "Tylenol PM", generic: null, recognised: false },
      { input: "notadrug", generic: null, recognised: false },
      { input: "Nardil", generic: "phenelzine", recognised: true },
    ]);
    expect(body.not_checked).toEqual(["Tylenol PM", "notadrug"]);
    expect(body.interactions).toMatchObject([{ drugs: ["phenelzine", "sertraline"], severity: "contraindicated" }]);
    expect(body.summary).toBe(
      "Not checked: Tylenol PM, notadrug — not in our interaction table; check another source. " +
        "1 interaction found among the 2 recognized medications.",
    );
  });

  it("never says 'no interactions' for a name it does not know: the summary leads with what was not checked", async () => {
    const { body } = await checkedOk(["sertraline", "lamotrigine", "Zyrtec-D"]);
    expect(body.interactions).toEqual([]);
    expect(body.not_checked).toEqual(["Zyrtec-D"]);
    expect(body.summary).toMatch(/^Not checked: Zyrtec-D — not in our interaction table; check another source\. /);
    expect(body.summary).toMatch(/No interactions found among the 2 recognized medications\.$/);
  });

  it("warns first when two names are one drug (a duplicated dose no pair rule finds)", async () => {
    const { body } = await checkedOk(["Wellbutrin", "Zyban", "sertraline"]);
    expect(body.same_drug).toEqual([{ generic: "bupropion", inputs: ["Wellbutrin", "Zyban"] }]);
    expect(body.summary).toMatch(/^Same drug twice: Wellbutrin and Zyban are both bupropion — check for a duplicated dose\. /);
    expect(body.not_checked).toEqual([]);
  });

  it("says 'No interactions found among the N recognized medications' when every name was recognized", async () => {
    const { body } = await checkedOk(["sertraline", "lamotrigine", "levetiracetam"]);
    expect(body).toMatchObject({ not_checked: [], interactions: [], summary: "No interactions found among the 3 recognized medications." });
  });

  it("two unknown names give an answer that checked nothing, not an error and not 'no interactions'", async () => {
    const { body } = await checkedOk(["foo", "bar"]);
    expect(body).toEqual({
      medications: [
        { input: "foo", generic: null, recognised: false },
        { input: "bar", generic: null, recognised: false },
      ],
      not_checked: ["foo", "bar"],
      interactions: [],
      same_drug: [],
      summary:
        "Not checked: foo, bar — not in our interaction table; check another source. No medication was recognized, so no pair could be checked.",
    });
    expect(summarise([], 1, 0)).toBe("Only one medication was recognized, so no pair could be checked.");
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
  it("has at least 150 drugs and 300 authored interactions, each with a reference a reader can find", () => {
    expect(drugsFile.drugs.length).toBeGreaterThanOrEqual(150);
    expect(interactionsFile.interactions.length).toBeGreaterThanOrEqual(300);
    expect(interactionTable().pairs.size).toBeGreaterThanOrEqual(interactionsFile.interactions.length);
    for (const entry of interactionsFile.interactions) {
      const where = JSON.stringify(entry.drugs);
      // A label and its section, a named guideline, communication or statement, or a dated publication.
      expect(entry.reference, where).toMatch(
        /prescribing information|label|Summary of Product Characteristics|guideline|Guideline|Criteria|Communication|Advisory|statement|fact sheet|Drug Facts|TIP 63|\b(19|20)\d\d\b/,
      );
      for (const field of ["effect", "mechanism", "management"] as const)
        expect(entry[field].length, `${where} ${field}`).toBeGreaterThan(10);
    }
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
        const known = interactionTable().pairs.has([generics[i], generics[j]].sort().join("|"));
        const found = checkInteractions([generics[i], generics[j]]).interactions;
        expect(found.length, `${generics[i]} + ${generics[j]}`).toBe(known ? 1 : 0);
        if (!known) silent++;
      }
    }
    expect(silent).toBeGreaterThan(0);
  });

  it("answers every pair an entry names with the most specific entries' facts, combined where class rules meet", () => {
    type Entry = (typeof interactionsFile.interactions)[number];
    const members = (side: Entry["drugs"][number]) =>
      typeof side === "string" ? [side] : drugsFile.drugs.filter((drug) => drug.groups.includes(side.group)).map((drug) => drug.generic);
    const concreteness = (entry: Entry) => entry.drugs.filter((side) => typeof side === "string").length;
    const naming = new Map<string, Set<Entry>>();
    for (const entry of interactionsFile.interactions) {
      const [left, right] = entry.drugs.map(members);
      for (const a of left)
        for (const b of right)
          if (a !== b) naming.set([a, b].sort().join("|"), (naming.get([a, b].sort().join("|")) ?? new Set()).add(entry));
    }
    let combined = 0;
    for (const [pair, named] of naming) {
      const [a, b] = pair.split("|");
      const [found] = checkInteractions([a, b]).interactions;
      const top = Math.max(...[...named].map(concreteness));
      const decisive = [...named].filter((entry) => concreteness(entry) === top);
      expect(found, pair).toBeDefined();
      const mostSevere = Math.min(...decisive.map((entry) => SEVERITIES.indexOf(entry.severity as Severity)));
      expect(found.severity, pair).toBe(SEVERITIES[mostSevere]);
      for (const entry of decisive)
        for (const field of ["effect", "mechanism", "management", "reference"] as const)
          expect(found[field], `${pair} ${field}`).toContain(entry[field]);
      if (decisive.length > 1) combined++;
    }
    expect(naming.size).toBe(interactionTable().pairs.size);
    expect(combined).toBeGreaterThan(0);
  });

  it("shows an interaction for every MAOI with every serotonergic drug, sympathomimetic, stimulant and tyramine-rich food", () => {
    const inGroup = (group: string) => drugsFile.drugs.filter((drug) => drug.groups.includes(group)).map((drug) => drug.generic);
    const maois = inGroup("MAOI");
    const serotonergic = ["SSRI", "SNRI", "TCA", "triptan", "other serotonergic"].flatMap(inGroup);
    for (const maoi of maois) {
      for (const other of serotonergic) expect(checkInteractions([maoi, other]).interactions, `${maoi} + ${other}`).toHaveLength(1);
      for (const other of [...inGroup("sympathomimetic decongestant"), ...inGroup("stimulant"), "tyramine-rich food"])
        expect(checkInteractions([maoi, other]).interactions[0]?.severity, `${maoi} + ${other}`).toBe("contraindicated");
    }
  });

  it("finds the classic pairs a prescriber expects, at the right severity, from the names people type", () => {
    const severityOf = (a: string, b: string) => checkInteractions([a, b]).interactions[0]?.severity;
    const atLeast = (severity: Severity | undefined, floor: Severity) =>
      severity !== undefined && SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(floor);
    expect(severityOf("phenelzine", "pseudoephedrine")).toBe("contraindicated");
    expect(severityOf("Nardil", "Sudafed")).toBe("contraindicated");
    expect(severityOf("St John's wort", "sertraline")).toBe("major");
    expect(severityOf("St. Johns Wort", "Zoloft 100 mg")).toBe("major");
    expect(severityOf("tranylcypromine", "aged cheese")).toBe("contraindicated");
    expect(severityOf("Parnate", "tyramine")).toBe("contraindicated");
    expect(atLeast(severityOf("sertraline", "venlafaxine"), "moderate")).toBe(true);
    expect(severityOf("sertraline", "trazodone")).toBe("moderate");
    expect(severityOf("escitalopram", "mirtazapine")).toBe("moderate");
    expect(severityOf("citalopram", "ondansetron")).toBe("major");
    expect(checkInteractions(["citalopram", "ondansetron"]).interactions[0].effect).toMatch(/QT/);
    expect(severityOf("lithium", "ibuprofen")).toBe("major");
    expect(severityOf("clozapine", "fluvoxamine")).toBe("major");
    expect(severityOf("tramadol", "fluoxetine")).toBe("major");
    expect(severityOf("dextromethorphan", "phenelzine")).toBe("contraindicated");
    expect(severityOf("MDMA", "moclobemide")).toBe("contraindicated");
    expect(severityOf("alcohol", "lorazepam")).toBe("major");
    expect(severityOf("beer", "oxycodone")).toBe("major");
    expect(severityOf("alcohol", "metronidazole")).toBe("contraindicated");
    expect(severityOf("smoking", "clozapine")).toBe("major");
    expect(severityOf("Benadryl", "amitriptyline")).toBe("moderate");
    expect(severityOf("Advil", "Aleve")).toBe("moderate");
    expect(severityOf("ginkgo", "warfarin")).toBe("moderate");
    expect(severityOf("5-HTP", "phenelzine")).toBe("major");
    expect(severityOf("grapefruit juice", "lurasidone")).toBe("moderate");
    expect(severityOf("linezolid", "pseudoephedrine")).toBe("major");
    expect(severityOf("methylene blue", "duloxetine")).toBe("contraindicated");
    expect(severityOf("ziprasidone", "amiodarone")).toBe("contraindicated");
    expect(severityOf("rifampicin", "Yaz")).toBe("major");
    expect(severityOf("sumatriptan", "rizatriptan")).toBe("contraindicated");
    expect(severityOf("valerian", "zolpidem")).toBe("minor");
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
        expect(resolveName(name, interactionTable().names), name).toBe(drug.generic);
        expect(resolveName(name.toUpperCase(), interactionTable().names), name.toUpperCase()).toBe(drug.generic);
        expect(resolveName(`${name} 10 mg`, interactionTable().names), `${name} 10 mg`).toBe(drug.generic);
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

describe("the loader: class rules combined, inconsistent data refused", () => {
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

  it("combines class rules that meet on a pair, most severe first, and lets a drug's own entry decide it", () => {
    const fact = (drugs: unknown[], severity: string, text: string) => ({
      drugs,
      severity,
      effect: `${text} effect.`,
      mechanism: `${text} mechanism.`,
      management: `${text} management.`,
      reference: `${text} reference.`,
    });
    const table = buildTable(
      { drugs: [drug("a", { groups: ["QT", "SER"] }), drug("b", { groups: ["QT", "SER"] }), drug("c", { groups: ["QT", "SER"] })] },
      {
        interactions: [
          fact([{ group: "SER" }, { group: "SER" }], "moderate", "Serotonin"),
          fact([{ group: "QT" }, { group: "QT" }], "major", "QT"),
          fact(["a", { group: "SER" }], "minor", "Specific"),
        ],
      },
    );
    const [bc] = checkInteractions(["b", "c"], table).interactions;
    expect(bc).toEqual({
      drugs: ["b", "c"],
      severity: "major",
      effect: "QT effect. Serotonin effect.",
      mechanism: "QT mechanism. Serotonin mechanism.",
      management: "QT management. Serotonin management.",
      reference: "QT reference. Serotonin reference.",
    });
    expect(checkInteractions(["a", "b"], table).interactions).toMatchObject([{ severity: "minor", effect: "Specific effect." }]);
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
      "two entries naming the same two drugs",
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

describe("the console's interaction check (/app/interactions)", () => {
  async function signedIn() {
    const visitor = consoleVisitor(api);
    const res = await visitor.signIn(student.user.email, student.password);
    expect(res.status, await res.clone().text()).toBe(303);
    return { visitor, csrf: await visitor.csrfToken() };
  }

  it("is in the navigation of a signed-in account and shows the form", async () => {
    const { visitor } = await signedIn();
    const dashboard = await visitor.page("/app");
    expect(dashboard.html).toContain('href="/app/interactions"');
    const { res, html } = await visitor.page("/app/interactions");
    expect(res.status).toBe(200);
    expect(html).toContain('<textarea id="medications" name="medications"');
    expect(html).toContain('aria-current="page"');
  });

  it("leads with a 'Not checked' alert for a name it does not know, and never says 'no interactions' alone", async () => {
    const { visitor, csrf } = await signedIn();
    const res = await visitor.post("/app/interactions", { _csrf: csrf, medications: "sertraline\nKratom, Nardil" });
    expect(res.status).toBe(200);
    const html = await res.text();
    const alert = /<div class="alert" role="alert" data-not-checked[^>]*>([\s\S]*?)<\/div>/.exec(html)?.[1] ?? "";
    expect(visibleText(alert)).toContain("Not checked: Kratom");
    expect(visibleText(alert)).toContain("check another source");
    // The alert comes before any result, so it is the first thing read.
    expect(html.indexOf("data-not-checked")).toBeLessThan(html.indexOf("phenelzine + sertraline"));
    const text = visibleText(html);
    expect(text).toContain("1 interaction found among the 2 recognized medications.");
    expect(text).toContain("phenelzine + sertraline: Contraindicated");
    expect(text).toMatch(/Kratom \(not in the table\) not checked/);
  });

  it("with unknown names and nothing found, says what was not checked and counts only the recognized ones", async () => {
    const { visitor, csrf } = await signedIn();
    const res = await visitor.post("/app/interactions", { _csrf: csrf, medications: "lamotrigine, levetiracetam, Zyrtec-D" });
    const text = visibleText(await res.text());
    expect(text).toContain("Not checked: Zyrtec-D");
    expect(text).toContain("No interactions found among the 2 recognized medications.");
    expect(text).not.toMatch(/No interactions found(?! among the 2 recognized medications)/);
  });

  it("shows a 'Same drug twice' alert when a brand and its generic are both listed", async () => {
    const { visitor, csrf } = await signedIn();
    const res = await visitor.post("/app/interactions", { _csrf: csrf, medications: "Prozac, fluoxetine, lamotrigine" });
    const html = await res.text();
    const alert = /<div class="alert" role="alert" data-same-drug[^>]*>([\s\S]*?)<\/div>/.exec(html)?.[1] ?? "";
    expect(visibleText(alert)).toContain("Same drug twice: Prozac and fluoxetine are both fluoxetine.");
  });

  it("says 'No interactions found among the N recognized medications' when every name is known, with no alert", async () => {
    const { visitor, csrf } = await signedIn();
    const res = await visitor.post("/app/interactions", { _csrf: csrf, medications: "sertraline, lamotrigine, levetiracetam" });
    const html = await res.text();
    expect(html).not.toContain("data-not-checked");
    expect(visibleText(html)).toContain("No interactions found among the 3 recognized medications.");
  });

  it("shows the API's validation message in the page for a single name, keeping what was typed", async () => {
    const { visitor, csrf } = await signedIn();
    const res = await visitor.post("/app/interactions", { _csrf: csrf, medications: "sertraline" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("list at least 2 medications to check");
    expect(html).toMatch(/<textarea[^>]*>sertraline<\/textarea>/);
  });

  it("audits a console check with counts only", async () => {
    const { visitor, csrf } = await signedIn();
    const res = await visitor.post("/app/interactions", { _csrf: csrf, medications: "sertraline, Nardil, notadrug" });
    const event = (await auditedChecks()).find((row) => row.requestId === res.headers.get("X-Request-Id"));
    expect(event).toMatchObject({ userId: student.user.id, detail: { medications: 3, unrecognised: 1, interactions: 1 } });
    expect(JSON.stringify(event)).not.toMatch(/sertraline|nardil|phenelzine|notadrug/i);
  });
});
