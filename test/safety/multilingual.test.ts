/**
 * Risk read in Spanish, French, German and Portuguese as well as English (issue 22, API.md §11):
 * each sentence in its own language, each indicator naming it; negation, history and other
 * people's risk handled in each; and, like the English detector (test/scanner-cost.test.ts), linear
 * time on long adversarial text in every language.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_TEXT } from "../../src/rag/rag.schemas";
import { assessCrisis } from "../../src/safety/crisis";
import { LANGUAGE_PACKS } from "../../src/safety/languages";
import { fill } from "../../tools/bench/adversarial-text";
import { authHeader, createAdmin, createVerifiedTherapist } from "../support/accounts";
import { createTestApi } from "../support/api";

const found = (text: string) =>
  assessCrisis({ text }).indicators.map(({ category, temporal, language }) => ({ category, temporal, language }));

describe("a diagnose request in Spanish", () => {
  it("raises crisis_detected for a plan to die this weekend, with the indicator's language", async () => {
    const api = await createTestApi({ OPENAI_API_KEY: "" });
    const clinician = await createVerifiedTherapist(api, (await createAdmin(api)).tokens.access_token);
    const symptoms = "Tengo un plan para quitarme la vida este fin de semana";
    const { res, body } = await api.json("/api/v1/rag/diagnose", { symptoms }, { headers: authHeader(clinician.tokens.access_token) });
    expect(res.status, JSON.stringify(body).slice(0, 300)).toBe(200);
    const safety = (body as { safety: { crisis_detected: boolean; indicators: Array<Record<string, string>> } }).safety;
    expect(safety.crisis_detected).toBe(true);
    expect(safety.indicators).toContainEqual({
      category: "suicidal_ideation",
      field: "symptoms",
      evidence: symptoms,
      temporal: "current",
      language: "es",
    });
  }, 30_000);
});

describe("each language's negation, history and third parties", () => {
  it.each([
    ["es", "Quiero morirme.", "Niega ideación suicida.", "Hace años intentó suicidarse.", "Su hermano se suicidó el año pasado."],
    [
      "fr",
      "Je veux mourir.",
      "Pas d'idées suicidaires.",
      "Il y a des années, il pensait au suicide.",
      "Son frère s'est suicidé l'an dernier.",
    ],
    [
      "de",
      "Ich will sterben.",
      "Verneint Suizidgedanken.",
      "Vor Jahren hatte er Suizidgedanken.",
      "Sein Bruder hat sich letztes Jahr das Leben genommen.",
    ],
    ["pt", "Quero morrer.", "Nega ideação suicida.", "Há anos tentou suicídio.", "O irmão dele se suicidou no ano passado."],
  ])(
    "%s: current ideation is flagged, a denial is not, history is listed without a crisis, a brother's suicide is not the patient's",
    (language, current, denied, past, brother) => {
      expect(found(current)).toEqual([{ category: "suicidal_ideation", temporal: "current", language }]);
      expect(found(denied)).toEqual([]);
      expect(found(past)).toEqual([{ category: "suicidal_ideation", temporal: "historical", language }]);
      expect(assessCrisis({ text: past }).crisis_detected).toBe(false);
      expect(found(brother)).toEqual([]);
    },
  );

  it("reads an idiom of dying as the idiom, in each language", () => {
    for (const idiom of [
      "Me muero de risa con ese programa.",
      "Je suis mort de rire.",
      "Ich lache mich tot.",
      "Morri de rir com esse filme.",
    ])
      expect(found(idiom), idiom).toEqual([]);
  });

  it("takes back a denial only up to a contrast: self-harm this week after denied ideation stays", () => {
    expect(found("Niega ideación suicida pero se ha cortado los brazos esta semana.")).toEqual([
      { category: "self_harm", temporal: "recent", language: "es" },
    ]);
  });

  it("counts a question put to the patient only through a yes", () => {
    expect(found("¿Has pensado en quitarte la vida? Sí, a veces.")).toEqual([
      { category: "suicidal_ideation", temporal: "current", language: "es" },
    ]);
    expect(found("¿Has pensado en quitarte la vida? No, nunca.")).toEqual([]);
  });
});

describe("mixed-language text", () => {
  it("reads each sentence in its own language and reports both", () => {
    const block = assessCrisis({ transcript: "Patient: I want to kill myself. Y tengo un plan para matarme." });
    expect(block.crisis_detected).toBe(true);
    expect(block.indicators.map((i) => i.language).sort()).toEqual(["en", "es"]);
  });

  it("quotes the original text, accents and all, as evidence", () => {
    const [indicator] = assessCrisis({ text: "Denies SI. Pero ayer se cortó los brazos." }).indicators;
    expect(indicator).toMatchObject({
      category: "self_harm",
      temporal: "recent",
      language: "es",
      evidence: "Pero ayer se cortó los brazos.",
    });
  });

  it("leaves English text to the English detector, and says so", () => {
    expect(
      assessCrisis({ text: "No SI today. Passive SI last week, has stockpiled pills." }).indicators.every((i) => i.language === "en"),
    ).toBe(true);
    expect(found("Family history of suicide; denies SI.")).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Cost: linear in the text, in every language
// ---------------------------------------------------------------------------------------------

/** As test/scanner-cost.test.ts: generous, yet far below what a backtracking scanner takes. */
const BOUND_MS = 2000;

function bestOfTwo(run: () => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 2; attempt++) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

const SEPARATORS = [" ", "  ", ", ", ",", ". ", "!", "?", ";", ":", "-", "'", "\n", "x", "¿", "é", "ß", "ã"];

describe.each(LANGUAGE_PACKS.map((pack) => [pack.language, pack] as const))("the %s rules on 20,000 characters", (_language, pack) => {
  /** The pack's own vocabulary (rules, cues, stopwords), so generated text reaches every rule and its checks. */
  const words = [
    ...new Set(
      [
        ...pack.rules.flatMap((r) => r.specs.map((s) => s.pattern)),
        pack.negation.source,
        pack.historical.source,
        pack.recent.source,
        pack.kin,
      ]
        .flatMap((source) => source.replace(/\\[a-zA-Z]/g, " ").match(/[a-z][a-z'-]+/g) ?? [])
        .concat(pack.stopwords),
    ),
  ];
  const token = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...words.map((w) => `${w} `)) },
    { weight: 2, arbitrary: fc.constantFrom(...SEPARATORS) },
  );

  it("stays within the bound on fixed runs of its words and separators", () => {
    const [first, second] = [words[0], words[Math.floor(words.length / 2)]];
    for (const text of [
      fill(`${first} `, MAX_TEXT),
      fill(`${first} ${second}, `, MAX_TEXT),
      fill(`${words.slice(0, 40).join(" ")} `, MAX_TEXT, "x".repeat(10_000)),
      fill(`${pack.stopwords.slice(0, 12).join(" ")} `, MAX_TEXT, " ".repeat(5_000)),
    ])
      expect(
        bestOfTwo(() => assessCrisis({ symptoms: text, patient_context: text })),
        text.slice(0, 60),
      ).toBeLessThan(BOUND_MS);
  }, 120_000);

  it("stays within the bound on generated adversarial text", () => {
    fc.assert(
      fc.property(
        fc.array(token, { minLength: 1, maxLength: 10 }).map((parts) => fill(parts.join(""), MAX_TEXT)),
        (text) => {
          const ms = bestOfTwo(() => assessCrisis({ symptoms: text, patient_context: text }));
          expect(ms, `${JSON.stringify(text.slice(0, 60))}…`).toBeLessThan(BOUND_MS);
        },
      ),
      { numRuns: 8 },
    );
  }, 180_000);
});
